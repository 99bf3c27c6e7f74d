package org.nanosynapse.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.link.EmulatedBoards;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;

/**
 * {@code calibrate --on-hardware}'s physical path against the real firmware in simavr (real time):
 * PHYS_PULSE on D5/D6 moves the harness's emulated memristor, PHYS_READ reads its divider with the
 * AVR's 10-bit ADC, and the fit recovers the laws given on the harness's command line. Skips outside
 * CI when the firmware or harness is not built; fails in CI.
 */
class PhysicalChannelHilTest {
  /** The new device's laws (the harness's defaults, given explicitly), 2 % step noise, a 680 kΩ divider. */
  static final PowerLawParameters SET = new PowerLawParameters(200, 8.93e5, -0.55);
  static final PowerLawParameters RESET = new PowerLawParameters(200, 1.03e5, 0.83);
  static final String AFE = "set_r0=200,set_r1=8.93e5,set_a=-0.55,reset_r0=200,reset_r1=1.03e5,reset_a=0.83,"
      + "r_min=200,r_max=2e7,r_init=1e6,noise=0.02,seed=7,rs=6.8e5";
  static final int PULSES = 60;

  @Test
  void theFitOfTheRealFirmwaresReadsRecoversTheHarnessMemristorsLaws() {
    Path root = EmulatedBoardsSupport.requireEmulator();
    var options = new EmulatedBoards.Options(1.0, true, 1, List.of("--afe", AFE));
    try (EmulatedBoards sim = EmulatedBoards.start(root, 1, options);
        SerialBoard board = sim.connect(1, LinkOptions.emulated())) {
      assertEquals(1, board.identify().physicalChannels());
      var settings = new HardwareCalibrator.Settings(6.8e5, 1_000, PULSES, PULSES, 16, 200, true, 1.0, -2.0, 5.0);
      Map<Polarity, PowerLawParameters> truth = new EnumMap<>(Polarity.class);
      truth.put(Polarity.SET, SET);
      truth.put(Polarity.RESET, RESET);
      List<HardwareCalibrator.Read> reads = new ArrayList<>();
      HardwareCalibrator.Result r = HardwareCalibrator.calibrate(board, settings, "hil", truth, reads::add);

      // Every pulse reached a pin as a counted pulse of the emulated memristor.
      String status = sim.status(1);
      assertEquals(2 * PULSES, field(status, "set_pulses"), status);
      assertEquals(PULSES, field(status, "reset_pulses"), status);
      assertEquals(0, field(status, "short_pulses"), status);
      // The last read is the harness's R within one ADC count.
      double rOhm = Double.parseDouble(match(status, "r_ohm"));
      var last = reads.get(reads.size() - 1).reading();
      double m = last.meanAdcCode();
      double oneCount = 6.8e5 * 1023 / ((1023 - m) * (1023 - m));
      assertEquals(rOhm, last.resistanceOhm(), oneCount, status);

      System.out.printf("physical-channel HIL: RESET R1 %.4g (true %.4g, %.2f %%), a %.4f (%.2f %%), n0 %.3f; "
          + "SET R1 %.4g (%.2f %%), a %.4f (%.2f %%), n0 %.3f%n",
          r.reset().fit().r1Ohm(), RESET.r1Ohm(), 100 * r.r1Error(Polarity.RESET), r.reset().fit().a(),
          100 * r.exponentError(Polarity.RESET), r.reset().pulseOffset(), r.set().fit().r1Ohm(),
          100 * r.r1Error(Polarity.SET), r.set().fit().a(), 100 * r.exponentError(Polarity.SET),
          r.set().pulseOffset());
      for (Polarity p : Polarity.values()) {
        assertEquals(PULSES, r.fit(p).fit().nPoints(), "the 680 kΩ divider resolves every read");
        // 2 % step noise, 60 pulses, reads quantised to one ADC count (≤ 1.5 % of R here). Measured over
        // harness seeds 1..8: worst R1 2.2 %, a 0.84 %; with noise=0 (ADC quantisation alone) 0.14 %, 0.19 %.
        assertTrue(r.r1Error(p) < 0.04, p + " R1 " + r.fit(p).fit().r1Ohm());
        assertTrue(r.exponentError(p) < 0.02, p + " a " + r.fit(p).fit().a());
      }
    }
  }

  private static String match(String status, String key) {
    Matcher m = Pattern.compile("\\b" + key + "=([^ ]+)").matcher(status);
    assertTrue(m.find(), key + " in " + status);
    return m.group(1);
  }

  private static long field(String status, String key) {
    return Long.parseLong(match(status, key));
  }
}
