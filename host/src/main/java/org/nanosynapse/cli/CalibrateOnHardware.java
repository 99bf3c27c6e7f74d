package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nanosynapse.link.Board;
import org.nanosynapse.network.BoardSlot;
import org.nanosynapse.network.Boards;
import org.nanosynapse.network.HardwareCalibrator;
import org.nanosynapse.records.AppendLog;
import org.nanosynapse.records.RunRecorder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --on-hardware} part of {@code calibrate}: a mixin of {@code CalibrateCommand}. A SET
 * pulse train through one board's device channel, read back after every pulse, fitted by the
 * calibration module; the fit is held against the parameters the board was loaded with.
 */
public final class CalibrateOnHardware {
  @Option(names = "--on-hardware", description = "Calibrate through a board: pulse train, read-back, fit.")
  boolean enabled;

  @Option(names = "--hw-port", paramLabel = "ADDRESS", defaultValue = "virtual:1",
      description = "--on-hardware: the board (serial port, pty, virtual:N; default: ${DEFAULT-VALUE}).")
  String port;

  @Option(names = "--hw-board-id", paramLabel = "ID", defaultValue = "1",
      description = "--on-hardware: the board id expected at that address (default: ${DEFAULT-VALUE}).")
  int boardId;

  @Option(names = "--hw-pulses", paramLabel = "N", defaultValue = "200",
      description = "--on-hardware: SET pulses in the train, 4..5000 (default: ${DEFAULT-VALUE}).")
  int pulses;

  @Option(names = "--hw-param-set", paramLabel = "NAME|FILE", defaultValue = "groningen-2021",
      description = "--on-hardware: device parameters loaded into the board (default: ${DEFAULT-VALUE}).")
  String parameterSet;

  @Option(names = "--hw-runs", paramLabel = "DIR", defaultValue = "runs",
      description = "--on-hardware: folder for run folders (default: ${DEFAULT-VALUE}).")
  Path runs;

  public boolean enabled() {
    return enabled;
  }

  public int call(CommandSpec spec) {
    PrintWriter out = spec.commandLine().getOut();
    if (pulses < 4 || pulses > 5000) {
      throw new BadInputException("hw-pulses: must be 4..5000, got " + pulses);
    }
    var devices = ParameterSetArgument.resolve(parameterSet);
    try (RunRecorder rec = RunRecorder.create(runs, "calibrate-on-hardware")) {
      HardwareCalibrator.Result r;
      try (Board board = new Boards(rec).open(new BoardSlot(boardId, port, 0, 0, 1))) {
        if (board.identify().boardId() != boardId) {
          throw new IllegalStateException("board at " + port + ": answered board id " + board.identify().boardId()
              + ", expected " + boardId);
        }
        r = HardwareCalibrator.calibrate(board, devices, pulses);
      } catch (RuntimeException e) {
        rec.finish("failed: " + e.getMessage());
        throw e;
      }
      try (AppendLog series = rec.csv("series.csv", "pulse_number", "resistance_ohm", "plus_code")) {
        for (int k = 0; k < r.series().size(); k++) {
          series.row(r.series().pulseNumber()[k], r.series().resistanceOhm()[k], r.reads().get(k).codes().plusCode());
        }
      }
      Map<String, Object> fit = new LinkedHashMap<>();
      fit.put("channel", "emulated device (APPLY_PULSES / READ_SYNAPSE)");
      fit.put("parameter_set", devices.name());
      fit.put("conductance_lsb_s", r.conductanceLsbS());
      fit.put("loaded", Map.of("r0_ohm", r.loaded().r0Ohm(), "r1_ohm", r.loaded().r1Ohm(), "a", r.loaded().exponent()));
      fit.put("fitted", Map.of("r0_ohm", r.fit().r0Ohm(), "r1_ohm", r.fit().r1Ohm(), "a", r.fit().a(),
          "r1_ohm_se", r.fit().r1OhmSe(), "a_se", r.fit().aSe(), "r2", r.fit().r2(),
          "rmse_log10", r.fit().rmseLog10(), "n_points", r.fit().nPoints(), "r0", r.fit().r0Handling().toString()));
      rec.writeJson("fit.json", fit);
      rec.finish("ok");
      out.printf(Locale.ROOT, "%d SET pulses through %s, read back after each; R0 fixed at %.4g Ω%n",
          pulses, port, r.loaded().r0Ohm());
      out.printf(Locale.ROOT, "           %12s %12s%n", "loaded", "fitted");
      out.printf(Locale.ROOT, "R1 (Ω)     %12.5g %12.5g ± %.2g%n", r.loaded().r1Ohm(), r.fit().r1Ohm(), r.fit().r1OhmSe());
      out.printf(Locale.ROOT, "a          %12.5f %12.5f ± %.2g%n", r.loaded().exponent(), r.fit().a(), r.fit().aSe());
      out.printf(Locale.ROOT, "R² %.6f, RMSE(log10 R) %.5f%n", r.fit().r2(), r.fit().rmseLog10());
      out.println("run folder: " + rec.folder());
      out.flush();
      return NanoSynapse.EXIT_OK;
    }
  }
}
