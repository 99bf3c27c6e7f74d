package org.nanosynapse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --on-hardware} and {@code calibrate --on-hardware} on virtual boards, through the real command line. */
class OnHardwareMixinsTest {
  @Test
  void trainOnHardwareLogsThePulseScheduleAndComparesTheTrainedBoards(@TempDir Path dir) throws Exception {
    var r = NetworkCommandsTest.exec(
        "train", "--on-hardware", "--hw-runs", dir.toString(), "--epochs", "1", "--hw-boards", "3");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("100.00 % of outputs bit-exact"), r.out());
    try (Stream<Path> s = Files.list(dir)) {
      Path run = s.findFirst().orElseThrow();
      assertTrue(Files.readAllLines(run.resolve("pulses.csv")).size() > 100);
      assertEquals(2, Files.readAllLines(run.resolve("epochs.csv")).size());
      assertTrue(Files.readString(run.resolve("run.json")).contains("\"kind\" : \"train-on-hardware\""));
    }
  }

  @Test
  void calibrateOnHardwareFitsTheBoardsReads(@TempDir Path dir) {
    var r = NetworkCommandsTest.exec("calibrate", "--on-hardware", "--hw-runs", dir.toString(), "--hw-pulses", "100");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().matches("(?s).*\\na\\s+-0\\.14600\\s+-0\\.14[56]\\d\\d .*"), r.out());
    var bad = NetworkCommandsTest.exec("calibrate", "--on-hardware", "--hw-pulses", "2");
    assertEquals(2, bad.exit());
    assertEquals("error: hw-pulses: must be 4..5000, got 2", bad.err().strip());
  }
}
