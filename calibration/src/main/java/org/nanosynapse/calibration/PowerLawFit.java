package org.nanosynapse.calibration;

/**
 * Result of fitting R(x) = R0 + R1·x^a (x = pulse number n, or time in seconds for a relaxation)
 * in log space: the least-squares objective is Σ (log10 R_measured − log10 R_model)².
 *
 * @param r0Ohm fitted or fixed R0
 * @param r1Ohm R1 (Ω), the model's R0 + R1 at x = 1
 * @param a exponent (dimensionless; &lt; 0 for SET, &gt; 0 for RESET)
 * @param r0OhmSe standard error of R0, NaN when R0 was not a free parameter
 * @param r1OhmSe standard error of R1 (from the covariance σ²(JᵀJ)⁻¹, σ² = RSS/(m − p))
 * @param aSe standard error of a
 * @param r2 coefficient of determination of log10 R (dimensionless)
 * @param rmseLog10 root-mean-square residual of log10 R (decades)
 * @param nPoints number of reads fitted
 * @param r0Handling how R0 was treated
 * @param converged whether Levenberg–Marquardt met its tolerances
 * @param residualsLog10 log10 R_measured − log10 R_model, per read
 */
public record PowerLawFit(
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
    boolean converged,
    double[] residualsLog10) {

  public PowerLawFit {
    residualsLog10 = residualsLog10.clone();
  }

  @Override
  public double[] residualsLog10() {
    return residualsLog10.clone();
  }

  /** Model resistance at x. */
  public double resistanceOhm(double x) {
    return PowerLawFitter.model(r0Ohm, r1Ohm, a, x);
  }
}
