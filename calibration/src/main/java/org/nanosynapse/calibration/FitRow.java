package org.nanosynapse.calibration;

/**
 * The stored summary of one fit (a row of a calibration file): the series' identity and the fitted
 * law R(x) = R0 + R1·x^a with its standard errors (NaN when not defined, stored as JSON null) and
 * fit quality.
 *
 * @param series series name
 * @param branch SET or RESET ({@code relaxation} rows store the branch of the sign of a)
 * @param deviceId measured device
 * @param amplitudeV pulse amplitude (V, signed), NaN when unknown
 * @param readVoltageV read voltage (V), NaN when unknown
 * @param r0Ohm R0
 * @param r1Ohm R1
 * @param a exponent (dimensionless)
 * @param r0OhmSe SE of R0 (NaN when R0 was fixed or held at a bound)
 * @param r1OhmSe SE of R1
 * @param aSe SE of a
 * @param r2 R² of log10 R
 * @param rmseLog10 RMSE of log10 R (decades)
 * @param nPoints reads fitted
 * @param r0Handling how R0 was treated
 * @param converged whether the optimizer converged
 */
public record FitRow(
    String series,
    Branch branch,
    String deviceId,
    double amplitudeV,
    double readVoltageV,
    double r0Ohm,
    double r1Ohm,
    double a,
    double r0OhmSe,
    double r1OhmSe,
    double aSe,
    double r2,
    double rmseLog10,
    int nPoints,
    R0Handling r0Handling,
    boolean converged) {

  public static FitRow of(SeriesFit sf) {
    PulseSeries s = sf.series();
    return of(s.name(), s.branch(), s.deviceId(), s.amplitudeV(), s.readVoltageV(), sf.fit());
  }

  public static FitRow of(RelaxationSeries s, PowerLawFit f) {
    return of(s.name(), f.a() < 0 ? Branch.SET : Branch.RESET, s.deviceId(), Double.NaN, Double.NaN, f);
  }

  private static FitRow of(
      String series, Branch branch, String deviceId, double amplitudeV, double readVoltageV, PowerLawFit f) {
    return new FitRow(series, branch, deviceId, amplitudeV, readVoltageV,
        f.r0Ohm(), f.r1Ohm(), f.a(), f.r0OhmSe(), f.r1OhmSe(), f.aSe(), f.r2(), f.rmseLog10(),
        f.nPoints(), f.r0Handling(), f.converged());
  }
}
