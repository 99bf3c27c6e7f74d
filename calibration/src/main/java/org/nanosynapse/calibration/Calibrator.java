package org.nanosynapse.calibration;

import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.device.ParameterSet;

/**
 * One calibration run: fit every series of the chosen branches, the relaxation series, the
 * population statistics, and build the parameter set. Pure computation; the CLI writes the file.
 */
public final class Calibrator {
  private Calibrator() {}

  /** What a run produced: the file content plus the fits with their data (for plots). */
  public record Result(CalibrationFile file, List<SeriesFit> fits, List<RelaxationFit> relaxations) {}

  /** A relaxation series with its fit R(t) = R0 + R1·(t / 1 s)^a. */
  public record RelaxationFit(RelaxationSeries series, PowerLawFit fit) {}

  /**
   * @param name parameter-set name
   * @param readVoltageV override of the read voltage in the parameter set (NaN: from the data)
   * @param pulseWidthS override of the pulse width in the parameter set (NaN: from the data)
   */
  public static Result run(PulseData data, List<Branch> branches, FitOptions options, String name,
      double readVoltageV, double pulseWidthS) {
    List<SeriesFit> fits = new ArrayList<>();
    List<CalibrationFile.Skipped> skipped = new ArrayList<>();
    for (PulseSeries s : data.series()) {
      if (branches.contains(s.branch())) {
        if (s.size() < PowerLawFitter.minimumReads(options)) {
          skipped.add(new CalibrationFile.Skipped(s.name(), s.size() + " reads, a fit needs at least "
              + PowerLawFitter.minimumReads(options)));
          continue;
        }
        try {
          fits.add(new SeriesFit(s, PowerLawFitter.fit(s, options)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(data.file() + ": series " + s.name() + ": " + e.getMessage(), e);
        }
      }
    }
    if (fits.isEmpty()) {
      throw new IllegalArgumentException(data.file() + ": no " + branches.stream().map(Branch::label).toList()
          + " series with enough reads to fit" + (skipped.isEmpty() ? " (branch option)" : " (" + skipped.size() + " too short)"));
    }
    List<RelaxationFit> relax = new ArrayList<>();
    for (RelaxationSeries r : data.relaxations()) {
      if (r.size() < PowerLawFitter.minimumReads(FitOptions.freeR0())) {
        skipped.add(new CalibrationFile.Skipped(r.name(), r.size() + " reads, a relaxation fit needs at least 4"));
        continue;
      }
      relax.add(new RelaxationFit(r, PowerLawFitter.fit(r.timeS(), r.resistanceOhm(), FitOptions.freeR0())));
    }
    List<FitRow> rows = fits.stream().map(FitRow::of).toList();
    String source = "fit of " + data.file().getFileName() + " (" + data.format() + ", sha256 "
        + data.sha256().substring(0, 12) + ") by nanosynapse calibrate fit, R0 "
        + (options.r0Fixed() ? "fixed at " + options.fixedR0Ohm() + " Ohm" : "free within [0, min R)");
    ParameterSet ps = ParameterSetBuilder.build(name, source, fits, readVoltageV, pulseWidthS);
    CalibrationFile file = new CalibrationFile(CalibrationFile.DataSource.of(data),
        CalibrationFile.Settings.of(branches, options), rows, CalibrationFile.Quality.of(rows),
        PopulationFit.of(fits), relax.stream().map(r -> FitRow.of(r.series(), r.fit())).toList(), skipped, ps);
    return new Result(file, fits, relax);
  }
}
