package org.nanosynapse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.calibration.CalibrationFile;

/** {@code train --on-hardware} and {@code calibrate --on-hardware} on virtual boards, through the real command line. */
class OnHardwareMixinsTest {
  @Test
  void trainOnHardwareLogsThePulseScheduleAndComparesTheTrainedBoards(@TempDir Path dir) throws Exception {
    var r = CliRun.run(
        "train", "--on-hardware", "--hw-runs", dir.toString(), "--epochs", "1", "--hw-boards", "3");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("100.00 % of outputs bit-exact"), r.out());
    try (Stream<Path> s = Files.list(dir)) {
      Path run = s.findFirst().orElseThrow();
      assertTrue(Files.readAllLines(run.resolve("pulses.csv")).size() > 100);
      assertEquals(2, Files.readAllLines(run.resolve("epochs.csv")).size());
      assertTrue(Files.readString(run.resolve("run.json")).contains("\"kind\" : \"train-on-hardware\""));
      assertTrue(Files.readAllLines(run.resolve("pulse-schedule.csv")).get(0).startsWith("step,phase,layer"));
    }
    var bad = CliRun.run("train", "--on-hardware", "--hw-emulated", "17");
    assertEquals(2, bad.exit());
    assertEquals("error: hw-emulated: must be 1..16, got 17", bad.err().strip());
  }

  @Test
  void calibrateOnHardwareFitsTheBoardsReads(@TempDir Path dir) {
    var r = CliRun.run("calibrate", "--on-hardware", "--hw-channel", "device", "--hw-runs", dir.toString(),
        "--hw-pulses", "100");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().matches("(?s).*\\na\\s+-0\\.14600\\s+-0\\.14[56]\\d\\d .*"), r.out());
    var bad = CliRun.run("calibrate", "--on-hardware", "--hw-pulses", "2");
    assertEquals(2, bad.exit());
    assertEquals("error: hw-pulses: must be 4..5000, got 2", bad.err().strip());
    bad = CliRun.run("calibrate", "--on-hardware", "--hw-adc-samples", "65");
    assertEquals(2, bad.exit());
    assertEquals("error: hw: adc_samples: must be 1..64, got 65", bad.err().strip());
  }

  @Test
  void calibrateOnHardwareFitsThePhysicalChannelAndWritesTheCalibrationFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cal.json");
    var r = CliRun.run("calibrate", "--on-hardware", "--hw-runs", dir.resolve("runs").toString(),
        "--hw-pulses", "60", "--hw-out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().matches("(?s).*\\nreset .*\\+0\\.8300 .*\\nset .*-0\\.5500 .*"), r.out());
    CalibrationFile file = CalibrationFile.read(out);
    assertEquals(2, file.series().size());
    assertEquals(-0.55, file.parameterSet().setLaw().exponent(), 0.03);
    try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
      Path run = s.findFirst().orElseThrow();
      assertEquals(1 + 1 + 60 + 60, Files.readAllLines(run.resolve("reads.csv")).size());
      assertEquals(Files.readString(out), Files.readString(run.resolve("calibration.json")));
      assertTrue(Files.readString(run.resolve("fit.json")).contains("\"a_rel_error\""));
    }
    var badResistor = CliRun.run("calibrate", "--on-hardware", "--hw-runs",
        dir.resolve("runs").toString(), "--hw-series-resistor-ohm", "0");
    assertEquals(2, badResistor.exit());
    assertEquals("error: hw: series_resistor_ohm: must be finite and > 0, got 0.0", badResistor.err().strip());
  }
}
