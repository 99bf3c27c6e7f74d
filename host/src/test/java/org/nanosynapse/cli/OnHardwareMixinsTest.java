package org.nanosynapse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The --on-hardware mixins as train and calibrate carry them, on virtual boards (hosted here by
 * stand-in commands with the same mixins).
 */
class OnHardwareMixinsTest {
  @CommandLine.Command(name = "train")
  static final class Train implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin TrainingOptions options;
    @CommandLine.Mixin TrainOnHardware hardware;

    @Override
    public Integer call() {
      return hardware.enabled() ? hardware.call(spec, options.config()) : 0;
    }
  }

  @CommandLine.Command(name = "calibrate")
  static final class Calibrate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin CalibrateOnHardware hardware;

    @Override
    public Integer call() {
      return hardware.enabled() ? hardware.call(spec) : 0;
    }
  }

  static String[] exec(Object command, String... args) {
    CommandLine cl = new CommandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void trainOnHardwareLogsThePulseScheduleAndComparesTheTrainedBoards(@TempDir Path dir) throws Exception {
    String[] r = exec(new Train(), "--on-hardware", "--hw-runs", dir.toString(), "--epochs", "1", "--hw-boards", "3");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("100.00 % of outputs bit-exact"), r[1]);
    try (Stream<Path> s = Files.list(dir)) {
      Path run = s.findFirst().orElseThrow();
      assertTrue(Files.readAllLines(run.resolve("pulses.csv")).size() > 100);
      assertEquals(2, Files.readAllLines(run.resolve("epochs.csv")).size());
    }
  }

  @Test
  void calibrateOnHardwareFitsTheBoardsReads(@TempDir Path dir) {
    String[] r = exec(new Calibrate(), "--on-hardware", "--hw-runs", dir.toString(), "--hw-pulses", "100");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].matches("(?s).*\\na\\s+-0\\.14600\\s+-0\\.14[56]\\d\\d .*"), r[1]);
  }
}
