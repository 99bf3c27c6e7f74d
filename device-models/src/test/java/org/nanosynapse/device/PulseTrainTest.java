package org.nanosynapse.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PulseTrainTest {
  @Test
  void parsesTheIssueExample() {
    PulseTrain t = PulseTrain.parse("10xRESET@-4V,10xSET@+0.1V");
    assertEquals(2, t.blocks().size());
    assertEquals(new PulseTrain.Block(10, Polarity.RESET, -4.0), t.blocks().get(0));
    assertEquals(new PulseTrain.Block(10, Polarity.SET, 0.1), t.blocks().get(1));
    assertEquals(20, t.pulseCount());
    assertEquals("10xRESET@-4V,10xSET@+0.1V", t.toString());
    PulseTrain u = PulseTrain.parse(" set , 3*reset@-4000mV, 2xSET@100mV ");
    assertEquals(1, u.blocks().get(0).count());
    assertTrue(Double.isNaN(u.blocks().get(0).amplitudeV()));
    assertEquals(-4.0, u.blocks().get(1).amplitudeV(), 1e-12);
    assertEquals(0.1, u.blocks().get(2).amplitudeV(), 1e-12);
  }

  @Test
  void malformedTrainsNameTheBlock() {
    for (String bad : new String[] {"", "10xSET@", "10xFOO@1V", "0xSET@0.1V", "10xSET@-0.1V", "10xRESET@4V",
        "10xSET@0.1", "10xSET,,", "99999999999xSET"}) {
      var e = assertThrows(IllegalArgumentException.class, () -> PulseTrain.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("pulses:"), e.getMessage());
    }
    var e = assertThrows(IllegalArgumentException.class,
        () -> PulseTrain.parse("2xSET@+0.5V").validate(ParameterSet.builtIn("groningen-2021")));
    assertTrue(e.getMessage().startsWith("pulses: block 1 '2xSET@+0.5V': amplitude_v:"), e.getMessage());
  }

  @Test
  void applyCallsBackAfterEveryPulse() {
    ParameterSet p = ParameterSet.builtIn("groningen-2021");
    DevicePopulation pop = DevicePopulation.ideal(p, 2);
    List<Double> seen = new ArrayList<>();
    PulseTrain.parse("3xRESET,2xSET").apply(pop, 0, 1, (k, b, v, po) -> seen.add(po.resistanceOhm(1)));
    assertEquals(5, seen.size());
    assertTrue(seen.get(2) > seen.get(0));
    assertTrue(seen.get(4) < seen.get(2));
    double ref = 1e8;
    for (int k = 0; k < 3; k++) {
      ref = PowerLaw.afterPulses(p.law(Polarity.RESET, -4), ref, 1, 200, 2.3e8);
    }
    assertEquals(ref, seen.get(2), ref * 1e-12);
  }
}
