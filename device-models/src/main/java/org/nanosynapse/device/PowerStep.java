package org.nanosynapse.device;

/**
 * The algebraic shortcut behind a fast pulse: (n + Δn)^a = n^a·(1 + u)^a with u = Δn/n. For |a| ≤ 1 the
 * binomial series (1 + u)^a = 1 + Σ binom(a, k)·u^k, ten terms, is used ({@link #binomialOnePlusPow}); for larger
 * |a| the exp·ln series below ({@link #onePlusPow}):
 *
 * <pre>
 *   (1 + u)^a = exp(a·ln(1 + u)),
 *   ln(1 + u) = u − u²/2 + u³/3 − … − u¹²/12           (alternating series, truncation &lt; u¹³/13)
 *   exp(y)    = 1 + y + y²/2! + … + y⁹/9!               (|y| ≤ |a|·u, truncation &lt; |y|¹⁰/10!)
 * </pre>
 *
 * For 0 ≤ u ≤ {@link #MAX_U} = 1/32 and |a| ≤ 4 both truncations are below 1e-17 relative, so the result equals
 * {@link Math#pow} to rounding (tested). Both polynomials have fixed coefficients and are evaluated in Estrin's
 * scheme (short dependency chains), which is about four times faster than {@code Math.pow} on the machines we tried.
 * Since the state after a pulse is R = R0 + R1·n^a, the population keeps n^a = (R − R0)/R1 and needs no power at all
 * for a pulse once n ≥ 32.
 */
final class PowerStep {
  private PowerStep() {}

  /** Largest u for which {@link #onePlusPow} is exact to rounding. */
  static final double MAX_U = 1.0 / 32;

  /** (1 + u)^a for 0 ≤ u ≤ {@link #MAX_U}, |a| ≤ 4. */
  static double onePlusPow(double u, double a) {
    double u2 = u * u;
    double u4 = u2 * u2;
    double u8 = u4 * u4;
    // ln(1+u) = u·(1 − u/2 + u²/3 − … − u¹¹/12) in Estrin pairs.
    double p01 = Math.fma(-1.0 / 2, u, 1.0);
    double p23 = Math.fma(-1.0 / 4, u, 1.0 / 3);
    double p45 = Math.fma(-1.0 / 6, u, 1.0 / 5);
    double p67 = Math.fma(-1.0 / 8, u, 1.0 / 7);
    double p89 = Math.fma(-1.0 / 10, u, 1.0 / 9);
    double pab = Math.fma(-1.0 / 12, u, 1.0 / 11);
    double q0 = Math.fma(p23, u2, p01);
    double q1 = Math.fma(p67, u2, p45);
    double q2 = Math.fma(pab, u2, p89);
    double s = Math.fma(q2, u8, Math.fma(q1, u4, q0));
    double y = a * (u * s);
    // exp(y) = 1 + y + … + y⁹/9! in Estrin pairs.
    double y2 = y * y;
    double y4 = y2 * y2;
    double y8 = y4 * y4;
    double e01 = 1.0 + y;
    double e23 = Math.fma(1.0 / 6, y, 1.0 / 2);
    double e45 = Math.fma(1.0 / 120, y, 1.0 / 24);
    double e67 = Math.fma(1.0 / 5040, y, 1.0 / 720);
    double e89 = Math.fma(1.0 / 362880, y, 1.0 / 40320);
    double f0 = Math.fma(e23, y2, e01);
    double f1 = Math.fma(e67, y2, e45);
    return Math.fma(e89, y8, Math.fma(f1, y4, f0));
  }

  /** Number of binomial coefficients kept by {@link #binomialCoefficients}. */
  static final int BINOMIAL_TERMS = 10;

  /**
   * c_k = binom(a, k) = a(a−1)…(a−k+1)/k!, k = 1..10, for {@link #binomialOnePlusPow}. Only for |a| ≤ 1, where
   * |c_k| ≤ 1 and the series (1 + u)^a = 1 + Σ c_k·u^k truncated after u¹⁰ errs by less than u¹¹/(1 − u) ≤ 3e-17
   * for u ≤ 1/32.
   */
  static double[] binomialCoefficients(double a) {
    if (!(Math.abs(a) <= 1)) {
      throw new IllegalArgumentException("exponent: binomial step needs |a| <= 1, got " + a);
    }
    double[] c = new double[BINOMIAL_TERMS + 1];
    c[0] = 1;
    for (int k = 0; k < BINOMIAL_TERMS; k++) {
      c[k + 1] = c[k] * (a - k) / (k + 1);
    }
    return c;
  }

  /** (1 + u)^a = 1 + Σ c_k·u^k, k = 1..10, in Estrin's scheme; c from {@link #binomialCoefficients}. */
  static double binomialOnePlusPow(double u, double[] c) {
    double u2 = u * u;
    double u4 = u2 * u2;
    double u8 = u4 * u4;
    double p01 = Math.fma(c[1], u, 1.0);
    double p23 = Math.fma(c[3], u, c[2]);
    double p45 = Math.fma(c[5], u, c[4]);
    double p67 = Math.fma(c[7], u, c[6]);
    double p89 = Math.fma(c[9], u, c[8]);
    double q0 = Math.fma(p23, u2, p01);
    double q1 = Math.fma(p67, u2, p45);
    double q2 = Math.fma(c[10], u2, p89);
    return Math.fma(q2, u8, Math.fma(q1, u4, q0));
  }

  /**
   * (1 + u)^a by the binomial series with its coefficients computed on the spot (for a per-device exponent), for
   * |a| ≤ 1 and 0 ≤ u ≤ {@link #MAX_U}; same truncation bound as {@link #binomialOnePlusPow(double, double[])}.
   */
  static double binomialOnePlusPow(double u, double a) {
    double c1 = a;
    double c2 = c1 * ((a - 1) * (1.0 / 2));
    double c3 = c2 * ((a - 2) * (1.0 / 3));
    double c4 = c3 * ((a - 3) * (1.0 / 4));
    double c5 = c4 * ((a - 4) * (1.0 / 5));
    double c6 = c5 * ((a - 5) * (1.0 / 6));
    double c7 = c6 * ((a - 6) * (1.0 / 7));
    double c8 = c7 * ((a - 7) * (1.0 / 8));
    double c9 = c8 * ((a - 8) * (1.0 / 9));
    double c10 = c9 * ((a - 9) * (1.0 / 10));
    double u2 = u * u;
    double u4 = u2 * u2;
    double u8 = u4 * u4;
    double p01 = Math.fma(c1, u, 1.0);
    double p23 = Math.fma(c3, u, c2);
    double p45 = Math.fma(c5, u, c4);
    double p67 = Math.fma(c7, u, c6);
    double p89 = Math.fma(c9, u, c8);
    double q0 = Math.fma(p23, u2, p01);
    double q1 = Math.fma(p67, u2, p45);
    double q2 = Math.fma(c10, u2, p89);
    return Math.fma(q2, u8, Math.fma(q1, u4, q0));
  }
}
