package org.nanosynapse.calibration;

import java.util.Random;

/**
 * Synthetic pulse series from known power-law parameters with multiplicative Gaussian noise, for
 * round-trip checks: R_n = (R0 + R1·n^a)·(1 + σ·ε_n), ε_n ~ N(0, 1), n = 1..N. Deterministic for a
 * given {@link Random} state.
 */
public final class SyntheticSeries {
  private SyntheticSeries() {}

  /**
   * @param noiseFraction σ, the relative standard deviation of each read (e.g. 0.02 for 2 %)
   */
  public static PulseSeries generate(
      String name, Branch branch, double r0Ohm, double r1Ohm, double a, int pulses, double noiseFraction, Random rng) {
    if (pulses < 1) {
      throw new IllegalArgumentException("pulses must be >= 1");
    }
    if (!(noiseFraction >= 0 && noiseFraction < 0.3)) {
      throw new IllegalArgumentException("noiseFraction must be in [0, 0.3), got " + noiseFraction);
    }
    double[] n = new double[pulses];
    double[] r = new double[pulses];
    for (int i = 0; i < pulses; i++) {
      n[i] = i + 1;
      double e;
      do {
        e = rng.nextGaussian();
      } while (1 + noiseFraction * e <= 0.05); // keeps R > 0 (never hit at a few percent noise)
      r[i] = PowerLawFitter.model(r0Ohm, r1Ohm, a, n[i]) * (1 + noiseFraction * e);
    }
    return new PulseSeries(name, "synthetic", branch, Double.NaN, Double.NaN, Double.NaN, n, r,
        String.format(java.util.Locale.ROOT, "synthetic R0=%.6g R1=%.6g a=%.6g noise=%.3g", r0Ohm, r1Ohm, a, noiseFraction));
  }

  /** A parameter draw of the round-trip check: R0, R1 log-uniform, a uniform. */
  public record Truth(double r0Ohm, double r1Ohm, double a) {}

  public static Truth draw(Random rng, double r0MinOhm, double r0MaxOhm, double r1MinOhm, double r1MaxOhm, double aMin, double aMax) {
    double r0 = Math.pow(10, uniform(rng, Math.log10(r0MinOhm), Math.log10(r0MaxOhm)));
    double r1 = Math.pow(10, uniform(rng, Math.log10(r1MinOhm), Math.log10(r1MaxOhm)));
    return new Truth(r0, r1, uniform(rng, aMin, aMax));
  }

  private static double uniform(Random rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }
}
