package org.nanosynapse.device;

/**
 * ln x and e^y for the pulse loops, inlined plain Java (no call into the JVM's math stubs), accurate to a few units
 * in the last place. A pulse on the other branch needs two powers, n = x^(1/a) and (n + Δn)^a, each done as
 * exp(p·ln x); these two functions make that about twice as fast as {@code Math.pow} in the population's loops.
 *
 * <pre>
 *   ln x:  x = 2^k·z, z in [0.705, 1.41);  z·(1/c) = 1 + r with c the centre of z's 1/128 table cell, |r| &lt; 1/256
 *          ln x = k·ln 2 + ln c + ln(1 + r),   ln(1 + r) = r − r²/2 + … − r⁶/6   (truncation &lt; r⁷/7 &lt; 3e-18)
 *   e^y:   y = (32m + j)·ln2/32 + r, |r| ≤ ln2/64;  e^y = 2^m · 2^(j/32) · e^r,
 *          e^r = 1 + r + r²/2 + … + r⁶/720                                   (truncation &lt; r⁷/5040 &lt; 4e-18)
 * </pre>
 *
 * The table-based reduction follows the usual libm design (e.g. ARM optimized-routines); r = z·(1/c) − 1 is exact
 * with a fused multiply-add, and ln c is tabulated for the rounded 1/c, so only the polynomials and the final sums
 * round. {@link #log} is accurate in absolute terms (error &lt; 4e-16·(1 + |k|)), which is what exp(p·ln x) needs;
 * {@link #exp} is accurate to about 2 ulp relative. Inputs outside the easy range (x ≤ 0, subnormal, ∞, NaN;
 * |y| ≥ 700, NaN) go to {@link Math#log}/{@link Math#exp}. Tested against {@code Math.log}, {@code Math.exp} and
 * {@code Math.pow} in {@code LogExpTest}.
 */
final class LogExp {
  private LogExp() {}

  private static final int LOG_TABLE_BITS = 7;
  private static final int LOG_N = 1 << LOG_TABLE_BITS;
  /** Bits of 0.705 ≈ √½: z = x·2^−k lands in [0.705, 1.41). */
  private static final long LOG_OFF = 0x3fe6955500000000L;
  private static final double LN2_HI = 0x1.62e42fefa3800p-1;
  private static final double LN2_LO = 0x1.ef35793c76730p-45;
  /** 1/c (rounded) and ln c = −ln(1/c) of the rounded value, per table cell; interleaved: [2i] = 1/c, [2i+1] = ln c. */
  private static final double[] LOG_TABLE = new double[2 * LOG_N];

  private static final int EXP_TABLE_BITS = 5;
  private static final int EXP_N = 1 << EXP_TABLE_BITS;
  private static final double EXP_SHIFT = 0x1.8p52;
  private static final double INV_LN2_N = EXP_N / Math.log(2);
  private static final double LN2_N_HI = LN2_HI / EXP_N;
  private static final double LN2_N_LO = LN2_LO / EXP_N;
  /** Bits of 2^(j/32) minus j·2^47, so that adding m'·2^47 (m' = 32m + j) yields the bits of 2^m·2^(j/32). */
  private static final long[] EXP_TABLE = new long[EXP_N];

  static {
    for (int i = 0; i < LOG_N; i++) {
      double lo = Double.longBitsToDouble(LOG_OFF + ((long) i << (52 - LOG_TABLE_BITS)));
      double hi = Double.longBitsToDouble(LOG_OFF + ((long) (i + 1) << (52 - LOG_TABLE_BITS)));
      double invC = 1.0 / ((lo + hi) / 2);
      LOG_TABLE[2 * i] = invC;
      LOG_TABLE[2 * i + 1] = -Math.log(invC);
    }
    for (int j = 0; j < EXP_N; j++) {
      double t = Math.pow(2, j / (double) EXP_N);
      EXP_TABLE[j] = Double.doubleToRawLongBits(t) - ((long) j << (52 - EXP_TABLE_BITS));
    }
  }

  /** ln x, Math.log's value to ≈ 4e-16·(1 + |log2 x|) absolute. */
  static double log(double x) {
    if (!(x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY)) {
      return Math.log(x); // x <= 0, subnormal, infinite or NaN
    }
    long ix = Double.doubleToRawLongBits(x);
    long tmp = ix - LOG_OFF;
    int i = (int) (tmp >>> (52 - LOG_TABLE_BITS)) & (LOG_N - 1);
    double k = (double) (tmp >> 52);
    double z = Double.longBitsToDouble(ix - (tmp & (0xfffL << 52)));
    double invC = LOG_TABLE[2 * i];
    double logC = LOG_TABLE[2 * i + 1];
    double r = Math.fma(z, invC, -1.0);
    double r2 = r * r;
    // ln(1+r) − r = r²·(−1/2 + r/3 + r²·(−1/4 + r/5) + r⁴·(−1/6)) in Estrin pairs.
    double p01 = Math.fma(1.0 / 3, r, -1.0 / 2);
    double p23 = Math.fma(1.0 / 5, r, -1.0 / 4);
    double p = Math.fma(Math.fma(-1.0 / 6, r2, p23), r2, p01);
    double hi = Math.fma(k, LN2_HI, logC);
    return hi + (r + Math.fma(k, LN2_LO, r2 * p));
  }

  /** e^y, Math.exp's value to about 2 ulp. */
  static double exp(double y) {
    if (!(Math.abs(y) < 700)) {
      return Math.exp(y); // overflow, underflow, NaN
    }
    double kd = Math.fma(y, INV_LN2_N, EXP_SHIFT);
    long ki = Double.doubleToRawLongBits(kd);
    kd -= EXP_SHIFT;
    double r = Math.fma(-kd, LN2_N_HI, y);
    r = Math.fma(-kd, LN2_N_LO, r);
    double s = Double.longBitsToDouble(EXP_TABLE[(int) ki & (EXP_N - 1)] + (ki << (52 - EXP_TABLE_BITS)));
    double r2 = r * r;
    // e^r − 1 = r + r²·(1/2 + r/6 + r²·(1/24 + r/120) + r⁴·(1/720)) in Estrin pairs.
    double p01 = Math.fma(1.0 / 6, r, 1.0 / 2);
    double p23 = Math.fma(1.0 / 120, r, 1.0 / 24);
    double p = Math.fma(Math.fma(1.0 / 720, r2, p23), r2, p01);
    return Math.fma(s, Math.fma(r2, p, r), s);
  }

  /** x^p = e^(p·ln x) for x &gt; 0 (with {@link #log} and {@link #exp}); 0^p as {@code Math.pow} for p ≠ 0. */
  static double pow(double x, double p) {
    return exp(p * log(x));
  }
}
