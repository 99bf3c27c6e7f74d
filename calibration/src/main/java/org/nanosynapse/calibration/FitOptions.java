package org.nanosynapse.calibration;

/**
 * Settings of a power-law fit.
 *
 * @param fixedR0Ohm R0 to hold fixed (Ω, ≥ 0), or NaN to fit R0 inside its bounds
 * @param profileGridPoints number of R0 values (fractions of min R) tried before the 3-parameter
 *     refinement, so the optimizer starts in the right valley
 * @param maxIterations Levenberg–Marquardt iteration limit per fit
 */
public record FitOptions(double fixedR0Ohm, int profileGridPoints, int maxIterations) {
  public static final int DEFAULT_GRID = 41;
  public static final int DEFAULT_MAX_ITERATIONS = 1000;

  public FitOptions {
    if (!Double.isNaN(fixedR0Ohm) && !(fixedR0Ohm >= 0 && Double.isFinite(fixedR0Ohm))) {
      throw new IllegalArgumentException("fix-r0: R0 must be a finite value >= 0 Ohm, got " + fixedR0Ohm);
    }
    if (profileGridPoints < 2) {
      throw new IllegalArgumentException("profileGridPoints must be >= 2");
    }
    if (maxIterations < 10) {
      throw new IllegalArgumentException("maxIterations must be >= 10");
    }
  }

  /** R0 free within [0, min R). */
  public static FitOptions freeR0() {
    return new FitOptions(Double.NaN, DEFAULT_GRID, DEFAULT_MAX_ITERATIONS);
  }

  public static FitOptions fixedR0(double r0Ohm) {
    return new FitOptions(r0Ohm, DEFAULT_GRID, DEFAULT_MAX_ITERATIONS);
  }

  public boolean r0Fixed() {
    return !Double.isNaN(fixedR0Ohm);
  }
}
