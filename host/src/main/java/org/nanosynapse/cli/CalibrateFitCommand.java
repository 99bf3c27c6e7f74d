package org.nanosynapse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nanosynapse.calibration.Branch;
import org.nanosynapse.calibration.CalibrationFile;
import org.nanosynapse.calibration.CalibrationJson;
import org.nanosynapse.calibration.Calibrator;
import org.nanosynapse.calibration.FitOptions;
import org.nanosynapse.calibration.FitRow;
import org.nanosynapse.calibration.PopulationFit;
import org.nanosynapse.calibration.PulseData;
import org.nanosynapse.calibration.PulseDataReader;
import org.nanosynapse.device.AmplitudePoint;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nanosynapse calibrate fit DATA --branch set|reset|both [--fix-r0 OHM] --out FILE}. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fit the power law R(n) = R0 + R1*n^a to every pulse series of DATA.",
      "Least squares in log10 R (Levenberg-Marquardt); writes the calibration file (JSON: data checksum, fit "
          + "settings, fit quality, parameter set) and residual plots (PNG).",
      "DATA: a nanosynapse CSV, a shared nbsto new-device or old-device file, or a folder of them."
    })
public final class CalibrateFitCommand implements Callable<Integer> {

  /** The keys of {@code --format json}, exactly. */
  static final List<String> JSON_KEYS = List.of(
      "series", "branch", "r0_ohm", "r1_ohm", "a", "r0_ohm_se", "r1_ohm_se", "a_se", "r2", "rmse_log10", "n_points");

  enum BranchChoice { set, reset, both }

  enum Format { table, json }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATA", description = "measurement file or folder")
  Path data;

  @Option(names = "--branch", defaultValue = "both", paramLabel = "set|reset|both",
      description = "branch(es) to fit (default: ${DEFAULT-VALUE})")
  BranchChoice branch;

  @Option(names = "--fix-r0", paramLabel = "OHM",
      description = "hold R0 at this value (Ohm) instead of fitting it within [0, min R)")
  Double fixR0Ohm;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "calibration file to write (JSON)")
  Path out;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "what to print: a table, or JSON per series (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--plots", paramLabel = "DIR",
      description = "folder for the PNG plots (default: next to --out, named <out>-plots)")
  Path plots;

  @Option(names = "--no-plots", description = "do not write plots")
  boolean noPlots;

  @Option(names = "--name", paramLabel = "NAME", description = "name of the parameter set (default: calibrated-<data name>)")
  String name;

  @Option(names = "--read-voltage", paramLabel = "V", description = "read voltage for the parameter set (default: from the data)")
  Double readVoltageV;

  @Option(names = "--pulse-width", paramLabel = "S", description = "pulse width in s for the parameter set (default: from the data, else 0.1 s)")
  Double pulseWidthS;

  @Override
  public Integer call() {
    if (pulseWidthS != null && !(pulseWidthS > 0)) {
      throw new BadInputException("--pulse-width: must be > 0 s, got " + pulseWidthS);
    }
    if (readVoltageV != null && (readVoltageV == 0 || !Double.isFinite(readVoltageV))) {
      throw new BadInputException("--read-voltage: must be finite and non-zero, got " + readVoltageV);
    }
    if (fixR0Ohm != null && !(fixR0Ohm >= 0 && Double.isFinite(fixR0Ohm))) {
      throw new BadInputException("--fix-r0: must be a finite resistance >= 0 Ohm, got " + fixR0Ohm);
    }
    if (out.toAbsolutePath().normalize().equals(data.toAbsolutePath().normalize())) {
      throw new BadInputException("--out: " + out + " is the data file itself; choose another name");
    }
    List<Branch> branches = switch (branch) {
      case set -> List.of(Branch.SET);
      case reset -> List.of(Branch.RESET);
      case both -> List.of(Branch.SET, Branch.RESET);
    };
    FitOptions options = fixR0Ohm == null ? FitOptions.freeR0() : FitOptions.fixedR0(fixR0Ohm);
    // Everything is read, checked and fitted before anything is written.
    PulseData pulseData = PulseDataReader.read(data);
    String setName = name != null ? name
        : "calibrated-" + data.toAbsolutePath().normalize().getFileName().toString().replaceFirst("\\.[^.]*$", "");
    Calibrator.Result result = Calibrator.run(pulseData, branches, options, setName,
        readVoltageV == null ? Double.NaN : readVoltageV, pulseWidthS == null ? Double.NaN : pulseWidthS);
    CalibrationFile file = result.file();

    PrintWriter outWriter = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> written = List.of();
    if (!noPlots) {
      Path dir = plots != null ? plots
          : out.toAbsolutePath().resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + "-plots");
      written = new java.util.ArrayList<>(CalibrationPlots.write(dir, result.fits(), result.relaxations()));
      if (file.parameterSet() != null && CalibrationPlots.amplitudePlot(dir, file.parameterSet()) != null) {
        written.add(dir.resolve("amplitude-exponent.png"));
        written.add(dir.resolve("amplitude-r1.png"));
      }
    }
    AtomicFiles.writeString(out, file.toJson());

    if (format == Format.json) {
      outWriter.println(json(file.series()));
      err.println("wrote " + out + (written.isEmpty() ? "" : " and " + written.size() + " plots"));
    } else {
      printTable(outWriter, file, options);
      outWriter.println("wrote " + out + (written.isEmpty() ? ""
          : " and " + written.size() + " plots in " + written.get(0).getParent()));
    }
    outWriter.flush();
    err.flush();
    return NanoSynapse.EXIT_OK;
  }

  static String json(List<FitRow> rows) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode arr = m.createArrayNode();
    for (FitRow r : rows) {
      ObjectNode full = CalibrationJson.row(r);
      ObjectNode o = arr.addObject();
      JSON_KEYS.forEach(k -> o.set(k, full.get(k)));
    }
    try {
      return m.writeValueAsString(arr);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void printTable(PrintWriter w, CalibrationFile file, FitOptions options) {
    w.println("data: " + file.data().file() + " (" + file.data().format() + ", sha256 " + file.data().sha256() + ")");
    w.println("model: " + CalibrationFile.Settings.MODEL + ", " + CalibrationFile.Settings.SPACE);
    w.println("R0: " + (options.r0Fixed()
        ? "fixed at " + g(options.fixedR0Ohm()) + " Ohm (--fix-r0)"
        : "free within [0, min R); where the optimum lies on a bound R0 is held there (column 'R0 handling')"));
    int width = Math.max(6, file.series().stream().mapToInt(r -> r.series().length()).max().orElse(6));
    String rowFormat = "%-" + width + "s %-6s %4d %23s %23s %17s %8.5f %8.4f  %s%n";
    w.printf(Locale.ROOT, "%-" + width + "s %-6s %4s %23s %23s %17s %8s %8s  %s%n",
        "series", "branch", "n", "R0 (Ohm) +- se", "R1 (Ohm) +- se", "a +- se", "R2", "RMSE", "R0 handling");
    for (FitRow r : file.series()) {
      w.printf(Locale.ROOT, rowFormat,
          r.series(), r.branch().label(), r.nPoints(), pm(r.r0Ohm(), r.r0OhmSe()), pm(r.r1Ohm(), r.r1OhmSe()),
          String.format(Locale.ROOT, "%+.4f +- %.4f", r.a(), r.aSe()), r.r2(), r.rmseLog10(),
          r.r0Handling().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    w.printf(Locale.ROOT, "quality: %d series, worst R2 %.5f, worst RMSE(log10 R) %.4f, %s%n",
        file.quality().seriesCount(), file.quality().worstR2(), file.quality().worstRmseLog10(),
        file.quality().allConverged() ? "all converged" : "NOT ALL CONVERGED");
    for (PopulationFit p : file.population()) {
      w.printf(Locale.ROOT,
          "population %s %s: %d devices, mean R0 %s, R1 %s, a %+.4f; spread (rel. sigma) R0 %.3f, R1 %.3f, a %.3f, initial %.3f%n",
          p.branch().label(), volts(p.amplitudeV()), p.devices(), g(p.r0OhmMean()), g(p.r1OhmMean()), p.aMean(),
          p.r0SpreadRel(), p.r1SpreadRel(), p.exponentSpreadRel(), p.initialSpreadRel());
    }
    for (FitRow r : file.relaxation()) {
      w.printf(Locale.ROOT, "relaxation %s: R(t) = %s + %s*(t/1 s)^%+.4f, R2 %.4f, RMSE %.4f (%d reads)%n",
          r.series(), g(r.r0Ohm()), g(r.r1Ohm()), r.a(), r.r2(), r.rmseLog10(), r.nPoints());
    }
    for (CalibrationFile.Skipped k : file.skipped()) {
      w.println("skipped " + k.series() + ": " + k.reason());
    }
    ParameterSet ps = file.parameterSet();
    if (ps == null) {
      w.println("parameter set: none (no SET series with a known amplitude)");
    } else {
      w.printf(Locale.ROOT, "parameter set '%s': read %s, width %s s, clip [%s, %s] Ohm, initial %s Ohm%n",
          ps.name(), volts(ps.readVoltageV()), g(ps.pulseWidthS()), g(ps.minResistanceOhm()), g(ps.maxResistanceOhm()),
          g(ps.initialResistanceOhm()));
      for (Polarity pol : Polarity.values()) {
        for (AmplitudePoint p : ps.table(pol)) {
          w.printf(Locale.ROOT, "  %-5s %8s  R0 %-10s R1 %-10s a %+.4f%n", pol.name().toLowerCase(Locale.ROOT),
              volts(p.amplitudeV()), g(p.law().r0Ohm()), g(p.law().r1Ohm()), p.law().exponent());
        }
      }
    }
  }

  private static String pm(double v, double se) {
    return g(v) + " +- " + (Double.isNaN(se) ? "-" : g(se));
  }

  private static String g(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String volts(double v) {
    return Double.isNaN(v) ? "?V"
        : String.format(Locale.ROOT, "%+.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "") + "V";
  }
}
