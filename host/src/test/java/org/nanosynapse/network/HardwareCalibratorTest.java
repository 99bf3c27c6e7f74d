package org.nanosynapse.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nanosynapse.board.EmulatedMemristor;
import org.nanosynapse.board.VirtualBoard;
import org.nanosynapse.board.VirtualBoardTransport;
import org.nanosynapse.calibration.CalibrationFile;
import org.nanosynapse.device.NonIdealities;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;

/**
 * Calibration through the physical channel of virtual boards (the new device, 5 % cycle-to-cycle
 * noise, behind a 680 kΩ divider and the 10-bit ADC): the fit recovers each device's true laws.
 */
class HardwareCalibratorTest {
  static final HardwareCalibrator.Settings SETTINGS =
      new HardwareCalibrator.Settings(680_000, 1_000, 100, 100, 16, 200, true, 1.0, -2.0, 5.0);

  private static HardwareCalibrator.Result calibrate(long seed, HardwareCalibrator.Settings s, List<Object> log) {
    EmulatedMemristor m = EmulatedMemristor.newDevice(seed);
    Map<Polarity, PowerLawParameters> truth = new EnumMap<>(Polarity.class);
    truth.put(Polarity.SET, m.trueLaw(Polarity.SET));
    truth.put(Polarity.RESET, m.trueLaw(Polarity.RESET));
    VirtualBoardTransport t = new VirtualBoardTransport(new VirtualBoard(true, m), "virtual:" + seed);
    try (SerialBoard board = SerialBoard.connect(t, LinkOptions.inProcess())) {
      return HardwareCalibrator.calibrate(board, s, "test", truth, log::add);
    }
  }

  @Test
  void theFitRecoversTheTrueLawsOverTenSeeds() {
    double worstR1 = 0;
    double worstA = 0;
    for (long seed = 1; seed <= 10; seed++) {
      List<Object> log = new ArrayList<>();
      HardwareCalibrator.Result r = calibrate(seed, SETTINGS, log);
      assertEquals(201, r.reads().size());
      assertEquals(201, log.size(), "every read is reported as it arrives");
      for (Polarity p : Polarity.values()) {
        worstR1 = Math.max(worstR1, r.r1Error(p));
        worstA = Math.max(worstA, r.exponentError(p));
        assertEquals(100, r.fit(p).fit().nPoints(), "the 680 kΩ divider resolves every read");
      }
      CalibrationFile f = r.file();
      assertEquals(2, f.series().size());
      assertEquals(0.83, f.parameterSet().law(Polarity.RESET, -2.0).exponent(), 0.04);
      assertEquals(-0.55, f.parameterSet().law(Polarity.SET, 1.0).exponent(), 0.02);
    }
    // Measured worst over these ten seeds: R1 4.7 % (RESET), a 1.5 %; over seeds 1..40: 5.0 %, 1.8 % (5 % pulse
    // noise, 100 pulses per train; without the pulse offset the RESET R1 is off by up to 21 %).
    assertTrue(worstR1 < 0.06, "worst R1 error " + worstR1);
    assertTrue(worstA < 0.025, "worst a error " + worstA);
  }

  @Test
  void withoutThePulseOffsetTheResetTrainIsBiased() {
    HardwareCalibrator.Settings noOffset =
        new HardwareCalibrator.Settings(680_000, 1_000, 100, 100, 16, 200, false, 1.0, -2.0, 5.0);
    HardwareCalibrator.Result with = calibrate(5, SETTINGS, new ArrayList<>());
    HardwareCalibrator.Result without = calibrate(5, noOffset, new ArrayList<>());
    assertTrue(with.fit(Polarity.RESET).pulseOffset() > 0.3, "the RESET train starts inside its branch");
    assertTrue(without.r1Error(Polarity.RESET) > 3 * with.r1Error(Polarity.RESET),
        without.r1Error(Polarity.RESET) + " vs " + with.r1Error(Polarity.RESET));
  }

  @Test
  void aDividerThatDoesNotResolveTheDeviceIsRefusedWithAClearError() {
    HardwareCalibrator.Settings tiny =
        new HardwareCalibrator.Settings(50, 1_000, 20, 0, 4, 200, true, 1.0, -2.0, 5.0);
    // A 50 Ω divider on the bench: A0 sits at full scale for every state of the device.
    EmulatedMemristor m = new EmulatedMemristor(EmulatedMemristor.newDeviceParameters(), NonIdealities.NONE, 50, 1);
    try (SerialBoard board = SerialBoard.connect(new VirtualBoardTransport(new VirtualBoard(true, m), "virtual:y"),
        LinkOptions.inProcess())) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> HardwareCalibrator.calibrate(board, tiny, "x", Map.of(), x -> {}));
      assertTrue(e.getMessage().contains("only 0 of 20 reads lie inside the ADC's useful range"), e.getMessage());
    }
    // The bench's 680 kΩ told to the board as 50 Ω: every read is scaled down below R0.
    IllegalStateException wrong = assertThrows(IllegalStateException.class,
        () -> calibrate(1, tiny, new ArrayList<>()));
    assertTrue(wrong.getMessage().contains("is the series resistor right"), wrong.getMessage());
    try (SerialBoard pinless = SerialBoard.connect(new VirtualBoardTransport(new VirtualBoard(), "virtual:x"),
        LinkOptions.inProcess())) {
      IllegalStateException none = assertThrows(IllegalStateException.class,
          () -> HardwareCalibrator.calibrate(pinless, SETTINGS, "x", Map.of(), x -> {}));
      assertTrue(none.getMessage().contains("no physical channel"), none.getMessage());
    }
  }
}
