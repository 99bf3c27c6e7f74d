package org.nanosynapse.calibration;

import java.nio.file.Path;
import java.util.List;
import org.nanosynapse.device.ParameterSet;

/**
 * Everything a calibration produced, as stored in a calibration file (JSON, format {@value
 * #FORMAT}; see {@link CalibrationJson} and README "Calibration").
 *
 * @param data the measurement file and its checksum
 * @param settings the fit settings
 * @param series one row per fitted pulse series
 * @param quality summary of the fit quality
 * @param population device-to-device statistics (empty unless several devices were measured)
 * @param relaxation power-law-in-time fits (empty unless the data hold a time column)
 * @param skipped series not fitted, with the reason (too few reads)
 * @param parameterSet the parameter set the simulator loads ({@code --calibration FILE}); null when
 *     no SET series had a known amplitude
 */
public record CalibrationFile(
    DataSource data,
    Settings settings,
    List<FitRow> series,
    Quality quality,
    List<PopulationFit> population,
    List<FitRow> relaxation,
    List<Skipped> skipped,
    ParameterSet parameterSet) {

  public static final String FORMAT = "nanosynapse-calibration/1";

  public CalibrationFile {
    series = List.copyOf(series);
    population = List.copyOf(population);
    relaxation = List.copyOf(relaxation);
    skipped = List.copyOf(skipped);
  }

  /** A series left out of the fit, and why. */
  public record Skipped(String series, String reason) {}

  /**
   * @param file the data file or folder as given
   * @param format input format detected
   * @param sha256 SHA-256 of the data (see {@link PulseData#sha256()})
   */
  public record DataSource(String file, String format, String sha256) {
    public static DataSource of(PulseData d) {
      return new DataSource(d.file().toString(), d.format(), d.sha256());
    }
  }

  /**
   * @param model the fitted equation
   * @param space where the residuals are taken
   * @param optimizer the optimizer
   * @param branches branches fitted
   * @param r0Mode {@code free-bounded} or {@code fixed}
   * @param fixedR0Ohm R0 when fixed, else NaN
   * @param pulseNumber how the pulse index maps to n
   * @param profileGridPoints R0 grid points before refinement
   * @param maxIterations optimizer iteration limit
   */
  public record Settings(
      String model,
      String space,
      String optimizer,
      List<Branch> branches,
      String r0Mode,
      double fixedR0Ohm,
      String pulseNumber,
      int profileGridPoints,
      int maxIterations) {

    public static final String MODEL = "R(n) = R0 + R1*n^a (org.nanosynapse.device.PowerLaw)";
    public static final String SPACE = "least squares in log10(R)";
    public static final String OPTIMIZER = "Levenberg-Marquardt, Apache Commons Math 3.6.1, after a profile over R0";
    public static final String PULSE_NUMBER =
        "n = 1 at the read after the first pulse of each branch (new device: RESET n = index, SET n = index - 100; "
            + "old device: RESET n = pulse, SET n = pulse - 10; nanosynapse CSV: n = pulse_index - first index of the run + 1)";

    public Settings {
      branches = List.copyOf(branches);
    }

    public static Settings of(List<Branch> branches, FitOptions o) {
      return new Settings(MODEL, SPACE, OPTIMIZER, branches, o.r0Fixed() ? "fixed" : "free-bounded",
          o.fixedR0Ohm(), PULSE_NUMBER, o.profileGridPoints(), o.maxIterations());
    }
  }

  /**
   * @param seriesCount number of series fitted
   * @param worstR2 smallest R² over the series
   * @param worstRmseLog10 largest RMSE of log10 R over the series
   * @param allConverged whether every fit converged
   */
  public record Quality(int seriesCount, double worstR2, double worstRmseLog10, boolean allConverged) {
    public static Quality of(List<FitRow> rows) {
      double r2 = Double.POSITIVE_INFINITY;
      double rmse = 0;
      boolean conv = true;
      for (FitRow r : rows) {
        r2 = Math.min(r2, r.r2());
        rmse = Math.max(rmse, r.rmseLog10());
        conv &= r.converged();
      }
      return new Quality(rows.size(), rows.isEmpty() ? Double.NaN : r2, rows.isEmpty() ? Double.NaN : rmse, conv);
    }
  }

  /** Reads a calibration file (errors name the file and the field). */
  public static CalibrationFile read(Path file) {
    return CalibrationJson.read(file);
  }

  public String toJson() {
    return CalibrationJson.write(this);
  }
}
