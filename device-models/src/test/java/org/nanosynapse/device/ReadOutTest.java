package org.nanosynapse.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadOutTest {
  @Test
  void readPowerIsInTheNanowattRangeForHighResistance() {
    // Measured: |I| = 1.34e-8 A at R = 7.44e7 Ohm and -1 V -> 13.4 nW.
    assertEquals(-1.344e-8, ReadOut.currentA(7.44e7, -1), 0.001e-8);
    assertEquals(13.44e-9, ReadOut.powerW(7.44e7, -1), 0.01e-9);
    assertEquals(10e-9, ReadOut.powerW(1e8, -1), 1e-15);
    assertEquals(10e-9 * 0.01, ReadOut.energyJ(1e8, -1, 0.01), 1e-20);
  }

  @Test
  void updateCost() {
    // 4 V, 1e8 Ohm, 0.1 s: 16 / 1e8 * 0.1 = 1.6e-8 J.
    assertEquals(1.6e-8, UpdateCost.pulseEnergyJ(-4, 1e8, 0.1), 1e-20);
    assertEquals(2.5, UpdateCost.writeLatencyS(25, 0.1), 1e-12);
  }

  @Test
  void nanoAdcDivider() {
    AdcReadout adc = AdcReadout.nano(1e7, -1);
    // R = 1e8: V = 1 * 1e7 / 1.1e8 = 0.0909 V -> code floor(0.0909/5*1024) = floor(18.62) = 18.
    assertEquals(0.090909, adc.dividerVoltageV(1e8), 1e-6);
    assertEquals(18, adc.code(1e8));
    // Code 18 -> V = 18.5 * 5 / 1024 = 0.09033 V -> R = 1e7 * (1/0.09033 - 1) = 1.00703e8.
    assertEquals(1.00703e8, adc.resistanceOhm(18), 0.0001e8);
    // One code near 1e8 Ohm is (1.1e8)^2 * 5 / (1024 * 1 * 1e7) = 5.9e6 Ohm.
    assertEquals(5.908e6, adc.resolutionOhm(1e8), 0.001e6);
    assertEquals(Double.POSITIVE_INFINITY, adc.resistanceOhm(0));
    assertEquals(1023, AdcReadout.nano(1e7, 10).code(1));
    // Round trip within one step.
    for (double r = 1e6; r < 2e8; r *= 1.3) {
      assertTrue(Math.abs(adc.resistanceOhm(adc.code(r)) - r) <= adc.resolutionOhm(r) * 1.05);
    }
    var e = assertThrows(IllegalArgumentException.class, () -> AdcReadout.nano(-1, 1));
    assertTrue(e.getMessage().startsWith("series_resistance_ohm"));
  }
}
