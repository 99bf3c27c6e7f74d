package org.nanosynapse.device;

/**
 * Counter-based random numbers, one stream per device: the stream of device i depends only on the seed and i, so a
 * population is reproduced exactly by its seed whatever the number of threads or the order of updates.
 *
 * <p>Uniforms come from SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA
 * 2014; the same mixer as {@link java.util.SplittableRandom}). Gaussians use the ziggurat method with 128 layers
 * (Marsaglia and Tsang, J. Stat. Softw. 5(8), 2000): one 64-bit draw and one table comparison in ~99 % of cases.
 */
public final class DeviceRandom {
  private DeviceRandom() {}

  /** Weyl increment of SplitMix64 (odd; 2^64 / golden ratio). */
  static final long GAMMA = 0x9E3779B97F4A7C15L;

  private static final int LAYERS = 128;
  private static final double ZIG_R = 3.442619855899;
  private static final double ZIG_V = 9.91256303526217e-3;
  private static final long[] KN = new long[LAYERS];
  private static final double[] WN = new double[LAYERS];
  private static final double[] FN = new double[LAYERS];

  static {
    double m1 = 2147483648.0;
    double dn = ZIG_R;
    double tn = dn;
    double q = ZIG_V / Math.exp(-0.5 * dn * dn);
    KN[0] = (long) ((dn / q) * m1);
    KN[1] = 0;
    WN[0] = q / m1;
    WN[LAYERS - 1] = dn / m1;
    FN[0] = 1.0;
    FN[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
    for (int i = LAYERS - 2; i >= 1; i--) {
      dn = Math.sqrt(-2.0 * Math.log(ZIG_V / dn + Math.exp(-0.5 * dn * dn)));
      KN[i + 1] = (long) ((dn / tn) * m1);
      tn = dn;
      FN[i] = Math.exp(-0.5 * dn * dn);
      WN[i] = dn / m1;
    }
  }

  /** SplitMix64 finaliser: a bijective 64-bit mix. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Initial state of the stream {@code stream} under {@code seed}. */
  public static long streamState(long seed, long stream) {
    return mix64(seed * GAMMA + mix64(stream + 0x632BE59BD9B4E019L));
  }

  /** Next 64 random bits of the stream whose state is {@code state[i]}; advances it. */
  public static long nextLong(long[] state, int i) {
    long s = state[i] + GAMMA;
    state[i] = s;
    return mix64(s);
  }

  /** Uniform in the open interval (0, 1). */
  public static double nextOpenUniform(long[] state, int i) {
    return ((nextLong(state, i) >>> 11) + 0.5) * 0x1.0p-53;
  }

  /** Standard normal N(0, 1) by the ziggurat. */
  public static double nextGaussian(long[] state, int i) {
    long bits = nextLong(state, i);
    double g = gaussianFast(bits);
    return g == g ? g : gaussianSlow(state, i, bits);
  }

  /**
   * The ziggurat's first step on 64 random bits: the Gaussian in ~99 % of cases, else NaN, and then {@link
   * #gaussianSlow} (which may draw more from the same stream) gives it. Split so that loops over many devices can
   * keep the rare slow path out of their hot loop; together they give exactly {@link #nextGaussian}.
   */
  static double gaussianFast(long bits) {
    int hz = (int) (bits >>> 32);
    int iz = (int) bits & (LAYERS - 1);
    return Math.abs((long) hz) < KN[iz] ? hz * WN[iz] : Double.NaN;
  }

  /** The Gaussian for {@code bits} (just drawn from stream {@code state[i]}) when {@link #gaussianFast} gave NaN. */
  static double gaussianSlow(long[] state, int i, long bits) {
    return gaussianSlow(state, i, (int) (bits >>> 32), (int) bits & (LAYERS - 1));
  }

  private static double gaussianSlow(long[] state, int i, int hz, int iz) {
    while (true) {
      double x = hz * WN[iz];
      if (iz == 0) {
        double y;
        do {
          x = -Math.log(nextOpenUniform(state, i)) / ZIG_R;
          y = -Math.log(nextOpenUniform(state, i));
        } while (y + y < x * x);
        return hz > 0 ? ZIG_R + x : -ZIG_R - x;
      }
      if (FN[iz] + nextOpenUniform(state, i) * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) {
        return x;
      }
      long bits = nextLong(state, i);
      hz = (int) (bits >>> 32);
      iz = (int) bits & (LAYERS - 1);
      if (Math.abs((long) hz) < KN[iz]) {
        return hz * WN[iz];
      }
    }
  }

  /** N(mean, sd) truncated to (lower, upper) by rejection; the bounds must hold non-negligible mass. */
  public static double nextTruncatedGaussian(long[] state, int i, double mean, double sd, double lower,
      double upper) {
    if (sd == 0) {
      return mean;
    }
    for (int tries = 0; tries < 10_000; tries++) {
      double v = mean + sd * nextGaussian(state, i);
      if (v > lower && v < upper) {
        return v;
      }
    }
    throw new IllegalArgumentException("spread: truncated Gaussian with mean " + mean + " and sd " + sd
        + " has almost no mass in (" + lower + ", " + upper + ")");
  }
}
