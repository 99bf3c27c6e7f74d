package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nanosynapse.board.EmulatedMemristor;
import org.nanosynapse.board.VirtualBoardTransport;
import org.nanosynapse.calibration.SeriesFit;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.io.AtomicFiles;
import org.nanosynapse.link.Board;
import org.nanosynapse.network.BoardSlot;
import org.nanosynapse.network.Boards;
import org.nanosynapse.network.DeviceChannelCalibrator;
import org.nanosynapse.network.HardwareCalibrator;
import org.nanosynapse.records.AppendLog;
import org.nanosynapse.records.RunRecorder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --on-hardware} part of {@code calibrate}: a mixin of {@code CalibrateCommand}. By
 * default pulse trains through one board's physical channel (PHYS_PULSE on D5/D6, PHYS_READ of the
 * divider on A0), fitted by the calibration module into a calibration file; {@code --hw-channel
 * device} instead checks the board's emulated device (APPLY_PULSES / READ_SYNAPSE) against the
 * parameters loaded into it.
 */
public final class CalibrateOnHardware {
  enum Channel { physical, device }

  @Option(names = "--on-hardware", description = "Calibrate through a board: pulse trains, a read after every "
      + "pulse, the calibration module's fit. Writes a run folder with reads.csv, fit.json, calibration.json.")
  boolean enabled;

  @Option(names = "--hw-port", paramLabel = "ADDRESS", defaultValue = "virtual:1",
      description = "--on-hardware: the board (serial port, pty, virtual:N; default: ${DEFAULT-VALUE}, an in-process "
          + "board with the new device behind a 680 kOhm divider).")
  String port;

  @Option(names = "--hw-board-id", paramLabel = "ID", defaultValue = "1",
      description = "--on-hardware: the board id expected at that address (default: ${DEFAULT-VALUE}).")
  int boardId;

  @Option(names = "--hw-channel", paramLabel = "physical|device", defaultValue = "physical",
      description = "--on-hardware: 'physical' = the memristor on D5/D6/A0 (RESET train then SET train); 'device' = "
          + "the board's emulated device (a SET train, checked against --hw-param-set; for boards without pins). "
          + "Default: ${DEFAULT-VALUE}.")
  Channel channel;

  @Option(names = "--hw-pulses", paramLabel = "N", defaultValue = "100",
      description = "--on-hardware: pulses per train, each followed by a read, 4..5000 (default: ${DEFAULT-VALUE}).")
  int pulses;

  @Option(names = "--hw-conditioning-pulses", paramLabel = "N", defaultValue = "100",
      description = "--on-hardware physical: SET pulses before the RESET train, so it starts near the bottom of "
          + "its branch (default: ${DEFAULT-VALUE}).")
  int conditioningPulses;

  @Option(names = "--hw-series-resistor-ohm", paramLabel = "OHM", defaultValue = "680000",
      description = "--on-hardware physical: R_s of the divider on A0, sent with PHYS_CONFIG; choose it near the "
          + "device's resistance (default: ${DEFAULT-VALUE}).")
  double seriesResistorOhm;

  @Option(names = "--hw-pulse-width-us", paramLabel = "US", defaultValue = "100000",
      description = "--on-hardware physical: width of every pulse, µs (default: ${DEFAULT-VALUE}, the new device's "
          + "protocol).")
  long pulseWidthUs;

  @Option(names = "--hw-adc-samples", paramLabel = "N", defaultValue = "16",
      description = "--on-hardware physical: ADC readings averaged per read, 1..64 (default: ${DEFAULT-VALUE}).")
  int adcSamples;

  @Option(names = "--hw-fix-r0", paramLabel = "OHM", defaultValue = "200",
      description = "--on-hardware physical: R0 held fixed in the fits (below the ADC's range it cannot be fitted; "
          + "default: ${DEFAULT-VALUE}, the published model's lower limit).")
  double fixR0Ohm;

  @Option(names = "--hw-no-pulse-offset",
      description = "--on-hardware physical: count n = pulse index of the train as 'calibrate fit' does, instead of "
          + "fitting the offset n0 at which a history-free device starts the train.")
  boolean noPulseOffset;

  @Option(names = "--hw-set-amplitude-v", paramLabel = "V", defaultValue = "1.0",
      description = "--on-hardware physical: amplitude of the bench's SET pulses, recorded (default: ${DEFAULT-VALUE}).")
  double setAmplitudeV;

  @Option(names = "--hw-reset-amplitude-v", paramLabel = "V", defaultValue = "-2.0",
      description = "--on-hardware physical: amplitude of the bench's RESET pulses, recorded (default: "
          + "${DEFAULT-VALUE}).")
  double resetAmplitudeV;

  @Option(names = "--hw-read-voltage-v", paramLabel = "V", defaultValue = "5.0",
      description = "--on-hardware physical: read voltage recorded in the parameter set (default: ${DEFAULT-VALUE}, "
          + "the divider's supply).")
  double readVoltageV;

  @Option(names = "--hw-true-param-set", paramLabel = "NAME|FILE",
      description = "--on-hardware physical: the device's true laws, to compare the fit with (an emulated device; "
          + "'nbsto-new-device-bench' = the simavr harness's default memristor; on virtual:N boards they are known "
          + "without this).")
  String trueParameterSet;

  @Option(names = "--hw-out", paramLabel = "FILE",
      description = "--on-hardware physical: also write the calibration file here (it is always in the run folder).")
  Path calibrationOut;

  @Option(names = "--hw-param-set", paramLabel = "NAME|FILE", defaultValue = "groningen-2021",
      description = "--on-hardware device: parameters loaded into the board's emulated device (default: "
          + "${DEFAULT-VALUE}).")
  String parameterSet;

  @Option(names = "--hw-runs", paramLabel = "DIR", defaultValue = "runs",
      description = "--on-hardware: folder for run folders (default: ${DEFAULT-VALUE}).")
  Path runs;

  public boolean enabled() {
    return enabled;
  }

  public int call(CommandSpec spec) {
    if (pulses < 4 || pulses > 5000) {
      throw new BadInputException("hw-pulses: must be 4..5000, got " + pulses);
    }
    return channel == Channel.device ? callDevice(spec) : callPhysical(spec);
  }

  private HardwareCalibrator.Settings settings() {
    try {
      return new HardwareCalibrator.Settings(seriesResistorOhm, pulseWidthUs, pulses, conditioningPulses, adcSamples,
          fixR0Ohm, !noPulseOffset, setAmplitudeV, resetAmplitudeV, readVoltageV);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("hw: " + e.getMessage());
    }
  }

  private int callPhysical(CommandSpec spec) {
    PrintWriter out = spec.commandLine().getOut();
    HardwareCalibrator.Settings s = settings();
    Map<Polarity, PowerLawParameters> truth = new EnumMap<>(Polarity.class);
    if (trueParameterSet != null) {
      ParameterSet bench = EmulatedMemristor.newDeviceParameters();
      ParameterSet t = bench.name().equals(trueParameterSet) ? bench : ParameterSetArgument.resolve(trueParameterSet);
      truth.put(Polarity.SET, t.law(Polarity.SET, t.defaultSetAmplitudeV()));
      if (t.hasReset()) {
        truth.put(Polarity.RESET, t.law(Polarity.RESET, t.defaultResetAmplitudeV()));
      }
    }
    try (RunRecorder rec = RunRecorder.create(runs, "calibrate-on-hardware")) {
      HardwareCalibrator.Result r;
      Boards boards = new Boards(rec);
      try (Board board = boards.open(new BoardSlot(boardId, port, 0, 0, 1));
          AppendLog log = rec.csv("reads.csv", HardwareCalibrator.READS_HEADER.split(","))) {
        if (board.identify().boardId() != boardId) {
          throw new IllegalStateException("board at " + port + ": answered board id " + board.identify().boardId()
              + ", expected " + boardId);
        }
        VirtualBoardTransport vt = Boards.isVirtual(port) ? boards.virtualTransport(boardId) : null;
        EmulatedMemristor m = vt == null ? null : vt.board().memristor();
        if (m != null && truth.isEmpty()) {
          truth.put(Polarity.SET, m.trueLaw(Polarity.SET));
          truth.put(Polarity.RESET, m.trueLaw(Polarity.RESET));
        }
        r = HardwareCalibrator.calibrate(board, s, "calibrated-board-" + boardId, truth, read -> log.row(
            read.train(), read.pulseIndex(), read.reading().adcSum(), read.reading().samples(),
            read.reading().resistanceOhm(), read.inAdcRange() ? 1 : 0));
      } catch (RuntimeException e) {
        rec.finish("failed: " + e.getMessage());
        throw e;
      }
      String json = r.file().toJson();
      rec.writeText("calibration.json", json);
      if (calibrationOut != null) {
        AtomicFiles.writeString(calibrationOut, json);
      }
      CalibrationPlots.write(rec.folder().resolve("plots"),
          List.of(new SeriesFit(r.reset().series(), r.reset().fit()), new SeriesFit(r.set().series(), r.set().fit())),
          List.of());
      Map<String, Object> fit = new LinkedHashMap<>();
      fit.put("channel", "physical (PHYS_PULSE on D5/D6, PHYS_READ of the divider on A0)");
      fit.put("series_resistor_ohm", s.seriesResistorOhm());
      fit.put("pulse_width_us", s.pulseWidthUs());
      fit.put("pulses_per_train", s.pulsesPerTrain());
      fit.put("conditioning_pulses", s.conditioningPulses());
      fit.put("adc_samples", s.adcSamples());
      for (Polarity p : List.of(Polarity.RESET, Polarity.SET)) {
        HardwareCalibrator.TrainFit t = r.fit(p);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("r0_ohm", t.fit().r0Ohm());
        b.put("r1_ohm", t.fit().r1Ohm());
        b.put("a", t.fit().a());
        b.put("r1_ohm_se", t.fit().r1OhmSe());
        b.put("a_se", t.fit().aSe());
        b.put("pulse_offset", t.pulseOffset());
        b.put("r2", t.fit().r2());
        b.put("rmse_log10", t.fit().rmseLog10());
        b.put("n_points", t.fit().nPoints());
        b.put("reads_out_of_adc_range", t.readsOutOfRange());
        PowerLawParameters truthP = truth.get(p);
        if (truthP != null) {
          b.put("true", Map.of("r0_ohm", truthP.r0Ohm(), "r1_ohm", truthP.r1Ohm(), "a", truthP.exponent()));
          b.put("r1_rel_error", r.r1Error(p));
          b.put("a_rel_error", r.exponentError(p));
        }
        fit.put(p.name().toLowerCase(Locale.ROOT), b);
      }
      rec.writeJson("fit.json", fit);
      rec.finish("ok");
      out.printf(Locale.ROOT, "%d SET (conditioning), %d RESET and %d SET pulses of %d µs through %s's physical "
          + "channel, R_s %.4g Ω, a read after each; R0 fixed at %.4g Ω%n", s.conditioningPulses(), s.pulsesPerTrain(),
          s.pulsesPerTrain(), s.pulseWidthUs(), port, s.seriesResistorOhm(), s.fixedR0Ohm());
      out.printf(Locale.ROOT, "%-6s %12s %12s %9s %10s %9s %7s %8s%n", "branch", "R1 fit (Ω)", "R1 true (Ω)", "a fit",
          "a true", "n0", "reads", "RMSE");
      for (Polarity p : List.of(Polarity.RESET, Polarity.SET)) {
        HardwareCalibrator.TrainFit t = r.fit(p);
        PowerLawParameters tp = truth.get(p);
        out.printf(Locale.ROOT, "%-6s %12.5g %12s %+9.4f %10s %9.3g %7s %8.5f%n", p.name().toLowerCase(Locale.ROOT),
            t.fit().r1Ohm(), tp == null ? "-" : String.format(Locale.ROOT, "%.5g", tp.r1Ohm()), t.fit().a(),
            tp == null ? "-" : String.format(Locale.ROOT, "%+.4f", tp.exponent()), t.pulseOffset(),
            t.fit().nPoints() + "/" + s.pulsesPerTrain(), t.fit().rmseLog10());
        if (tp != null) {
          out.printf(Locale.ROOT, "       relative error: R1 %.2f %%, a %.2f %%%n", 100 * r.r1Error(p),
              100 * r.exponentError(p));
        }
      }
      out.println("calibration file: " + rec.folder().resolve("calibration.json")
          + (calibrationOut != null ? " and " + calibrationOut : ""));
      out.println("run folder: " + rec.folder());
      out.flush();
      return NanoSynapse.EXIT_OK;
    }
  }

  private int callDevice(CommandSpec spec) {
    PrintWriter out = spec.commandLine().getOut();
    var devices = ParameterSetArgument.resolve(parameterSet);
    try (RunRecorder rec = RunRecorder.create(runs, "calibrate-on-hardware")) {
      DeviceChannelCalibrator.Result r;
      try (Board board = new Boards(rec).open(new BoardSlot(boardId, port, 0, 0, 1))) {
        if (board.identify().boardId() != boardId) {
          throw new IllegalStateException("board at " + port + ": answered board id " + board.identify().boardId()
              + ", expected " + boardId);
        }
        r = DeviceChannelCalibrator.calibrate(board, devices, pulses);
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
      out.printf(Locale.ROOT, "%d SET pulses through %s's emulated device, read back after each; R0 fixed at %.4g Ω%n",
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
