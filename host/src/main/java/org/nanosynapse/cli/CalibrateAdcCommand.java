package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nanosynapse.calibration.AdcCalibration;
import org.nanosynapse.calibration.AdcCalibrationFile;
import org.nanosynapse.calibration.AdcReading;
import org.nanosynapse.calibration.AdcReadingsReader;
import org.nanosynapse.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nanosynapse calibrate adc READINGS}: fit each board's read-out from reads of known
 * reference resistors and store it; with {@code --apply CAL}, convert later reads to resistances.
 */
@Command(
    name = "adc",
    mixinStandardHelpOptions = true,
    description = {
      "Calibrate a board's ADC read-out against known reference resistors.",
      "Without --apply: fit gain, offset and nonlinearity per board id and store them in --out (other boards "
          + "already in it are kept). With --apply CAL: turn the reads in READINGS into calibrated resistances."
    })
public final class CalibrateAdcCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "READINGS", description = "ADC readings CSV (see README Calibration)")
  Path readings;

  @Option(names = "--out", paramLabel = "FILE",
      description = "fit: calibration store to write (default: ${DEFAULT-VALUE}); --apply: CSV of resistances",
      defaultValue = "adc-calibration.json")
  Path out;

  @Option(names = "--apply", paramLabel = "CAL", description = "apply this stored calibration instead of fitting")
  Path apply;

  @Override
  public Integer call() {
    AdcReadingsReader.Readings r = AdcReadingsReader.read(readings);
    PrintWriter w = spec.commandLine().getOut();
    if (apply != null) {
      applyTo(r, w);
    } else {
      fit(r, w);
    }
    w.flush();
    return NanoSynapse.EXIT_OK;
  }

  private void fit(AdcReadingsReader.Readings r, PrintWriter w) {
    List<AdcCalibration> fits = new ArrayList<>();
    for (Map.Entry<String, List<AdcReading>> e : r.byBoard().entrySet()) {
      try {
        fits.add(AdcCalibration.fit(e.getKey(), e.getValue()));
      } catch (IllegalArgumentException ex) {
        throw new BadInputException(readings + ": " + ex.getMessage(), ex);
      }
    }
    AdcCalibrationFile store = Files.isRegularFile(out) ? AdcCalibrationFile.read(out) : new AdcCalibrationFile();
    fits.forEach(c -> store.put(new AdcCalibrationFile.Entry(c, readings.toString(), r.sha256())));
    w.println("model: code = offset + gain*u + nonlinearity*4u(M-u)/M^2, u = ideal code of the divider, M = max code");
    w.printf(Locale.ROOT, "%-12s %4s %18s %20s %20s %10s %10s%n",
        "board", "n", "gain +- se", "offset (LSB) +- se", "nonlin. (LSB) +- se", "rms (LSB)", "max (LSB)");
    for (AdcCalibration c : fits) {
      w.printf(Locale.ROOT, "%-12s %4d %18s %20s %20s %10.3f %10.3f%n", c.boardId(), c.nPoints(),
          String.format(Locale.ROOT, "%.5f +- %.5f", c.gain(), c.gainSe()),
          String.format(Locale.ROOT, "%.3f +- %.3f", c.offsetLsb(), c.offsetLsbSe()),
          String.format(Locale.ROOT, "%.3f +- %.3f", c.nonlinearityLsb(), c.nonlinearityLsbSe()),
          c.rmsResidualLsb(), c.maxAbsResidualLsb());
    }
    AtomicFiles.writeString(out, store.toJson());
    w.println("stored " + fits.size() + " board calibration(s) in " + out);
  }

  private void applyTo(AdcReadingsReader.Readings r, PrintWriter w) {
    AdcCalibrationFile store = AdcCalibrationFile.read(apply);
    StringBuilder csv = new StringBuilder("board_id,adc_code,uncalibrated_resistance [Ohm],resistance [Ohm],reference [Ohm]\n");
    w.printf(Locale.ROOT, "%-12s %6s %16s %16s %16s %9s%n", "board", "code", "nominal R (Ohm)", "calibrated R", "reference", "error");
    for (AdcReading rd : r.readings()) {
      AdcCalibration c = store.board(rd.boardId(), apply.toString());
      if (!c.frontEnd().equals(rd.frontEnd())) {
        throw new BadInputException(readings + ", line " + rd.line() + ": front-end of board " + rd.boardId()
            + " differs from the one it was calibrated with in " + apply);
      }
      double raw = AdcCalibration.uncalibratedResistanceOhm(rd.frontEnd(), rd.code());
      double cal = c.resistanceOhm(rd.code());
      String err = Double.isNaN(rd.referenceOhm()) || Double.isNaN(cal) ? "-"
          : String.format(Locale.ROOT, "%+.2f%%", 100 * (cal / rd.referenceOhm() - 1));
      w.printf(Locale.ROOT, "%-12s %6d %16s %16s %16s %9s%n", rd.boardId(), rd.code(), g(raw),
          Double.isNaN(cal) ? "saturated" : g(cal), g(rd.referenceOhm()), err);
      csv.append(rd.boardId()).append(',').append(rd.code()).append(',').append(c(raw)).append(',')
          .append(c(cal)).append(',').append(c(rd.referenceOhm())).append('\n');
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--out")) {
      AtomicFiles.writeString(out, csv.toString());
      w.println("wrote " + out);
    }
  }

  private static String g(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.5g", v);
  }

  private static String c(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
