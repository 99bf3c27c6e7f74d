package org.nanosynapse.device;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * N devices of one {@link ParameterSet}, each with its own parameters (device-to-device spread) and state
 * (resistance), stored as structure-of-arrays for speed. Seeded: the same (parameter set, non-idealities, seed)
 * gives the same devices and, for the same calls, the same states; device i does not depend on N or on threads.
 *
 * <p>Device i's own power law on a branch is the parameter set's law with R0·f0ᵢ, R1·f1ᵢ and a·faᵢ, where f0ᵢ,
 * f1ᵢ, faᵢ are its device-to-device factors; its clip range is [Rmin·f0ᵢ, Rmax·f1ᵢ] (so for groningen-2021 it is
 * [R0ᵢ, R1ᵢ], as in the published code). Each pulse follows {@link PowerLaw#afterPulses} on that law.
 *
 * <p>Thread safety: pulses to disjoint devices may run concurrently ({@link #applyPulse(Polarity, double, int, int)}
 * on disjoint ranges, or {@link #applyPulseToAll}); calls on the same device may not. A population remembers up to
 * 127 distinct (polarity, amplitude) pairs for its pulse-number cache; the 128th clears the cache, which must not
 * happen while another thread is pulsing (use fewer distinct amplitudes concurrently).
 */
public final class DevicePopulation {
  private static final byte NOT_STUCK = 0;
  private static final byte STUCK_HIGH = 1;
  private static final byte STUCK_LOW = 2;

  private final ParameterSet parameters;
  private final NonIdealities noise;
  private final long seed;
  private final int size;

  private final double[] resistanceOhm;
  /** Device-to-device factors; null when that spread is off (all 1). */
  private final double[] r0Factor;
  private final double[] r1Factor;
  private final double[] exponentFactor;
  /** 1/f1 and 1/fa per device (null when that spread is off), so the fast paths need no division. */
  private final double[] inverseR1Factor;
  private final double[] inverseExponentFactor;
  /**
   * Cache of the pulse number n(R) on the branch last applied to each device (tag = that branch's id, 0 = none),
   * so a repeated pulse costs one power instead of two. The state is still R: n is always n(R) of the branch,
   * and every change of R that leaves the branch's curve (clip, levels, retention, external writes) drops the tag.
   */
  private final double[] pulseNumber;
  private final byte[] branchTag;
  /** Per-device random stream states for pulse noise and for read noise (separate, so reading never changes
   * what a pulse does); null when that noise is off. */
  private final long[] rngState;
  private final long[] readRngState;
  private final byte[] stuck;
  /** Retention: initial (rest) state, programmed state and time since the last pulse; null when off. */
  private final double[] restOhm;
  private final double[] programmedOhm;
  private final double[] sinceProgrammedS;

  /** Last branch used per polarity (immutable; a stale read only costs a lookup). */
  private final Branch[] lastBranch = new Branch[Polarity.values().length];

  public DevicePopulation(ParameterSet parameters, NonIdealities noise, int size, long seed) {
    if (parameters == null) {
      throw new IllegalArgumentException("param-set: missing");
    }
    if (noise == null) {
      throw new IllegalArgumentException("noise: missing");
    }
    if (size < 1) {
      throw new IllegalArgumentException("devices: must be >= 1, got " + size);
    }
    this.parameters = parameters;
    this.noise = noise;
    this.seed = seed;
    this.size = size;
    this.resistanceOhm = new double[size];
    this.r0Factor = noise.r0SpreadRel() > 0 ? new double[size] : null;
    this.r1Factor = noise.r1SpreadRel() > 0 ? new double[size] : null;
    this.exponentFactor = noise.exponentSpreadRel() > 0 ? new double[size] : null;
    this.inverseR1Factor = r1Factor == null ? null : new double[size];
    this.inverseExponentFactor = exponentFactor == null ? null : new double[size];
    this.pulseNumber = new double[size];
    this.branchTag = new byte[size];
    this.rngState = noise.pulseNoiseRel() > 0 ? new long[size] : null;
    this.readRngState = noise.readNoiseRel() > 0 ? new long[size] : null;
    this.stuck = noise.hasStuck() ? new byte[size] : null;
    boolean retention = noise.hasRetention();
    this.restOhm = retention ? new double[size] : null;
    this.programmedOhm = retention ? new double[size] : null;
    this.sinceProgrammedS = retention ? new double[size] : null;
    long[] d2d = new long[1];
    for (int i = 0; i < size; i++) {
      d2d[0] = DeviceRandom.streamState(seed, 3L * i);
      initialiseDevice(i, d2d);
      if (rngState != null) {
        rngState[i] = DeviceRandom.streamState(seed, 3L * i + 1);
      }
      if (readRngState != null) {
        readRngState[i] = DeviceRandom.streamState(seed, 3L * i + 2);
      }
    }
  }

  /** An ideal population of one device; see also {@link Device#ideal(ParameterSet)}. */
  public static DevicePopulation ideal(ParameterSet parameters, int size) {
    return new DevicePopulation(parameters, NonIdealities.NONE, size, 0);
  }

  private void initialiseDevice(int i, long[] d2d) {
    // Fixed draw order per device, so switching one spread off does not change the others' draws.
    double f0 = DeviceRandom.nextTruncatedGaussian(d2d, 0, 1, noise.r0SpreadRel(), 0, Double.POSITIVE_INFINITY);
    double f1 = DeviceRandom.nextTruncatedGaussian(d2d, 0, 1, noise.r1SpreadRel(), 0, Double.POSITIVE_INFINITY);
    double fa = DeviceRandom.nextTruncatedGaussian(d2d, 0, 1, noise.exponentSpreadRel(), 0,
        Double.POSITIVE_INFINITY);
    double fInit = 1 + noise.initialSpreadRel() * DeviceRandom.nextGaussian(d2d, 0);
    double u = DeviceRandom.nextOpenUniform(d2d, 0);
    if (r0Factor != null) {
      r0Factor[i] = f0;
    }
    if (r1Factor != null) {
      r1Factor[i] = f1;
      inverseR1Factor[i] = 1.0 / f1;
    }
    if (exponentFactor != null) {
      exponentFactor[i] = fa;
      inverseExponentFactor[i] = 1.0 / fa;
    }
    double r = PowerLaw.clip(parameters.initialResistanceOhm() * fInit, minResistanceOhm(i),
        maxResistanceOhm(i));
    if (stuck != null) {
      if (u < noise.stuckHighProbability()) {
        stuck[i] = STUCK_HIGH;
        r = maxResistanceOhm(i);
      } else if (u < noise.stuckHighProbability() + noise.stuckLowProbability()) {
        stuck[i] = STUCK_LOW;
        r = minResistanceOhm(i);
      }
    }
    resistanceOhm[i] = r;
    if (restOhm != null) {
      restOhm[i] = r;
      programmedOhm[i] = r;
    }
  }

  // ---------------------------------------------------------------- pulses

  /** Applies {@code count} pulses, one after the other, to device {@code device}; returns its new resistance. */
  public double applyPulses(int device, Polarity polarity, double amplitudeV, int count) {
    checkDevice(device);
    if (count < 0) {
      throw new IllegalArgumentException("count: must be >= 0, got " + count);
    }
    Branch b = branch(polarity, amplitudeV);
    for (int k = 0; k < count; k++) {
      pulse(b, device);
    }
    return resistanceOhm[device];
  }

  /** One pulse to device {@code device}; returns its new resistance, Ω. */
  public double applyPulse(int device, Polarity polarity, double amplitudeV) {
    return applyPulses(device, polarity, amplitudeV, 1);
  }

  /** One pulse to each device in [from, to). Ranges that do not overlap may run on different threads. */
  public void applyPulse(Polarity polarity, double amplitudeV, int from, int to) {
    if (from < 0 || to > size || from > to) {
      throw new IllegalArgumentException("range: [" + from + ", " + to + ") is not within [0, " + size + ")");
    }
    applyBranch(branch(polarity, amplitudeV), from, to);
  }

  private void applyBranch(Branch b, int from, int to) {
    if (r0Factor == null && r1Factor == null && exponentFactor == null && rngState == null && stuck == null
        && restOhm == null && noise.levels() == 0) {
      pulsePlain(b, from, to);
    } else if (stuck == null && restOhm == null && noise.levels() == 0) {
      pulseSpread(b, from, to);
    } else {
      for (int i = from; i < to; i++) {
        pulse(b, i);
      }
    }
  }

  /** One pulse to every device, split over {@code threads} threads (1 = the caller's thread). */
  public void applyPulseToAll(Polarity polarity, double amplitudeV, int threads) {
    if (threads <= 1) {
      applyPulse(polarity, amplitudeV, 0, size);
      return;
    }
    int chunks = threads;
    Branch b = branch(polarity, amplitudeV);
    IntStream.range(0, chunks).parallel().forEach(c -> {
      long from = (long) size * c / chunks;
      long to = (long) size * (c + 1) / chunks;
      applyBranch(b, (int) from, (int) to);
    });
  }

  /** Devices per block of {@link #pulsePlain} and {@link #pulseSpread} (work arrays of 1 KB each, in L1). */
  private static final int BLOCK = 128;

  /*
   * The fast paths below do what pulse() does (same arithmetic up to rounding) without the rarer non-idealities.
   * A pulse needs up to two powers, n = x^(1/a) when n is not cached and (n + Δn)^a when Δn/n > 1/32 (else a
   * series), each e^(p·ln x) by LogExp: per device a chain of four dependent ln/exp that, done device by device,
   * is the whole cost (latency-bound). So each block of devices goes through short passes, each doing one step for
   * every device that needs it; within a pass the devices are independent and the processor overlaps them (about
   * 2-3x faster than one device at a time when every pulse changes branch). On the ideal path a block whose pulse
   * numbers are all cached (repeated pulses) takes one fused pass instead. The ideal and the spread/noise paths are
   * separate methods, and each block is a call, so that the JIT compiles each for its own case as a whole method.
   */

  /** The ideal fast path: all devices share the law, no noise (Δn = 1). */
  private void pulsePlain(Branch b, int from, int to) {
    Scratch scratch = new Scratch(Math.min(BLOCK, to - from));
    for (int start = from; start < to; start += BLOCK) {
      plainBlock(b, start, Math.min(BLOCK, to - start), scratch);
    }
  }

  /** One block of {@link #pulsePlain}: devices [start, start + len), len ≤ {@link #BLOCK}. */
  private void plainBlock(Branch b, int start, int len, Scratch scratch) {
    final double[] res = resistanceOhm;
    final double[] pn = pulseNumber;
    final byte[] tag = branchTag;
    final double r0 = b.r0Ohm;
    final double r1 = b.r1Ohm;
    final double invR1 = 1.0 / r1;
    final double a = b.exponent;
    final double invA = b.inverseExponent;
    final double[] c = b.binomial; // null when |a| > 1
    final boolean set = a < 0;
    final byte id = b.id;
    final double[] nB = scratch.nB;
    final double[] work = scratch.work;
    final int[] todo = scratch.todo;
    // (1) cached n, or ln x (−∞ for x ≤ 0, so that n becomes +∞ on SET and 0 on RESET as in pulseNumberOf)
    int misses = 0;
    for (int j = 0; j < len; j++) {
      int i = start + j;
      if (tag[i] == id) {
        nB[j] = pn[i];
      } else {
        double x = (res[i] - r0) * invR1;
        work[j] = x > 0 ? LogExp.log(x) : Double.NEGATIVE_INFINITY;
        todo[misses++] = j;
      }
    }
    if (misses == 0) {
      for (int j = 0; j < len; j++) {
        int i = start + j;
        double r = res[i];
        double n = nB[j];
        double xNext = n >= 1 / PowerStep.MAX_U ? (r - r0) * invR1 * onePlusPow(1.0 / n, a, c)
            : LogExp.pow(n + 1.0, a);
        settle(i, r0 + r1 * xNext, b.minOhm, b.maxOhm, set, n + 1.0, id);
      }
      return;
    }
    // (2) n = e^(ln(x)/a)
    for (int m = 0; m < misses; m++) {
      int j = todo[m];
      nB[j] = LogExp.exp(work[j] * invA);
    }
    // (3) (n + 1)^a = x·(1 + 1/n)^a by the series, and store; or ln(n + 1) for (4)
    int powers = 0;
    for (int j = 0; j < len; j++) {
      int i = start + j;
      double n = nB[j];
      if (n >= 1 / PowerStep.MAX_U) {
        double xNext = (res[i] - r0) * invR1 * onePlusPow(1.0 / n, a, c);
        settle(i, r0 + r1 * xNext, b.minOhm, b.maxOhm, set, n + 1.0, id);
      } else {
        work[j] = LogExp.log(n + 1.0);
        todo[powers++] = j;
      }
    }
    // (4) (n + 1)^a = e^(a·ln(n + 1)), and store
    for (int m = 0; m < powers; m++) {
      int j = todo[m];
      settle(start + j, r0 + r1 * LogExp.exp(a * work[j]), b.minOhm, b.maxOhm, set, nB[j] + 1.0, id);
    }
  }

  /** The fast path with device-to-device spread and/or pulse noise. */
  private void pulseSpread(Branch b, int from, int to) {
    Scratch scratch = new Scratch(Math.min(BLOCK, to - from));
    for (int start = from; start < to; start += BLOCK) {
      spreadBlock(b, start, Math.min(BLOCK, to - start), scratch);
    }
  }

  /** One block of {@link #pulseSpread}: devices [start, start + len), len ≤ {@link #BLOCK}. */
  private void spreadBlock(Branch b, int start, int len, Scratch scratch) {
    final double[] res = resistanceOhm;
    final double[] pn = pulseNumber;
    final byte[] tag = branchTag;
    final double[] f0s = r0Factor;
    final double[] f1s = r1Factor;
    final double[] fas = exponentFactor;
    final double[] invF1s = inverseR1Factor;
    final double[] invFas = inverseExponentFactor;
    final long[] rng = rngState;
    final double sigma = noise.pulseNoiseRel();
    final double[] c = fas == null ? b.binomial : null; // shared binomial coefficients, or per device
    final double invR1 = 1.0 / b.r1Ohm;
    final byte id = b.id;
    final boolean set = b.exponent < 0; // the sign of a·fa, as fa > 0
    final double[] nB = scratch.nB;
    final double[] dnB = scratch.dnB;
    final double[] work = scratch.work;
    final int[] todo = scratch.todo;
    final long[] slowBits = scratch.slowBits;
    final int[] slowIdx = scratch.slowIdx;
    // (1) Δn = max(0, 1 + σξ), one Gaussian per pulse; cached n, or ln x (−∞ for x ≤ 0, as in pulsePlain)
    int misses = 0;
    int slow = 0;
    for (int j = 0; j < len; j++) {
      int i = start + j;
      if (tag[i] == id) {
        nB[j] = pn[i];
      } else {
        double r0 = b.r0Ohm * (f0s == null ? 1.0 : f0s[i]);
        double x = (res[i] - r0) * (invF1s == null ? invR1 : invR1 * invF1s[i]);
        work[j] = x > 0 ? LogExp.log(x) : Double.NEGATIVE_INFINITY;
        todo[misses++] = j;
      }
      if (rng == null) {
        dnB[j] = 1.0;
      } else {
        long bits = DeviceRandom.nextLong(rng, i);
        double g = DeviceRandom.gaussianFast(bits);
        if (g != g) { // the ziggurat's rare slow path, below
          slowBits[slow] = bits;
          slowIdx[slow++] = j;
        }
        dnB[j] = Math.max(0.0, 1.0 + sigma * g);
      }
    }
    for (int k = 0; k < slow; k++) {
      int j = slowIdx[k];
      double g = DeviceRandom.gaussianSlow(rng, start + j, slowBits[k]);
      dnB[j] = Math.max(0.0, 1.0 + sigma * g);
    }
    // (2) n = e^(ln(x)/a)
    for (int m = 0; m < misses; m++) {
      int j = todo[m];
      double invA = invFas == null ? b.inverseExponent : b.inverseExponent * invFas[start + j];
      nB[j] = LogExp.exp(work[j] * invA);
    }
    // (3) (n + Δn)^a = x·(1 + Δn/n)^a by the series, and store; or ln(n + Δn) for (4)
    int powers = 0;
    for (int j = 0; j < len; j++) {
      int i = start + j;
      double n = nB[j];
      double dn = dnB[j];
      if (dn <= PowerStep.MAX_U * n && n > 0) { // u = Δn/n <= MAX_U
        double a = fas == null ? b.exponent : b.exponent * fas[i];
        double f0 = f0s == null ? 1.0 : f0s[i];
        double f1 = f1s == null ? 1.0 : f1s[i];
        double r0 = b.r0Ohm * f0;
        double x = (res[i] - r0) * (invF1s == null ? invR1 : invR1 * invF1s[i]);
        double xNext = x * onePlusPow(dn / n, a, c);
        settle(i, r0 + b.r1Ohm * f1 * xNext, b.minOhm * f0, b.maxOhm * f1, set, n + dn, id);
      } else {
        work[j] = LogExp.log(n + dn);
        todo[powers++] = j;
      }
    }
    // (4) (n + Δn)^a = e^(a·ln(n + Δn)), and store
    for (int m = 0; m < powers; m++) {
      int j = todo[m];
      int i = start + j;
      double a = fas == null ? b.exponent : b.exponent * fas[i];
      double f0 = f0s == null ? 1.0 : f0s[i];
      double f1 = f1s == null ? 1.0 : f1s[i];
      double xNext = LogExp.exp(a * work[j]);
      settle(i, b.r0Ohm * f0 + b.r1Ohm * f1 * xNext, b.minOhm * f0, b.maxOhm * f1, set, nB[j] + dnB[j], id);
    }
  }

  /** Per-call work arrays of the block passes (one set per thread, reused block after block). */
  private static final class Scratch {
    final double[] nB;
    final double[] dnB;
    final double[] work;
    final int[] todo;
    /** Devices whose Gaussian needs the ziggurat's slow path, and their first 64 random bits. */
    final int[] slowIdx;
    final long[] slowBits;

    Scratch(int block) {
      nB = new double[block];
      dnB = new double[block];
      work = new double[block];
      todo = new int[block];
      slowIdx = new int[block];
      slowBits = new long[block];
    }
  }

  /** (1 + u)^a for u ≤ 1/32: binomial series (shared coefficients c, or computed for a), else the exp·ln series. */
  private static double onePlusPow(double u, double a, double[] c) {
    return c != null ? PowerStep.binomialOnePlusPow(u, c)
        : Math.abs(a) <= 1 ? PowerStep.binomialOnePlusPow(u, a) : PowerStep.onePlusPow(u, a);
  }

  /**
   * Stores device i's new state: {@code next} clipped to [lo, hi] and never against the polarity (SET: a &lt; 0); the
   * pulse number {@code nAfter} stays cached only if R is on the branch's curve.
   */
  private void settle(int i, double next, double lo, double hi, boolean set, double nAfter, byte id) {
    // Plain comparisons instead of Math.min/max (whose −0.0 and NaN rules cost instructions; neither occurs here).
    double r = resistanceOhm[i];
    double out = next < lo ? lo : next > hi ? hi : next;
    boolean onCurve = out == next && (set ? next <= r : next >= r);
    resistanceOhm[i] = set ? (out < r ? out : r) : (out > r ? out : r); // = out when on the curve
    pulseNumber[i] = nAfter;
    branchTag[i] = onCurve ? id : 0;
  }

  /**
   * (n + Δn)^a given x = n^a: x·(1 + Δn/n)^a by {@link PowerStep} (binomial series for |a| ≤ 1, else exp·ln
   * series) when Δn/n ≤ 1/32 (no power computed), else
   * e^(a·ln(n + Δn)) by {@link LogExp}. For n = ∞ (SET at or below R0) x is returned unchanged, so R stays.
   */
  private static double powerAfter(double x, double n, double dn, double a) {
    if (dn <= PowerStep.MAX_U * n && n > 0) { // u = Δn/n <= MAX_U, without a division when it is not
      double u = dn / n;
      return x * (Math.abs(a) <= 1 ? PowerStep.binomialOnePlusPow(u, a) : PowerStep.onePlusPow(u, a));
    }
    return LogExp.pow(n + dn, a);
  }

  /**
   * n = x^(1/a) = e^(ln(x)/a), +∞ (SET) or 0 (RESET) for x ≤ 0; same as {@link PowerLaw#pulseNumberAt} to rounding
   * ({@link LogExp}).
   */
  private static double pulseNumberOf(double x, double invA) {
    if (!(x > 0)) {
      return invA < 0 ? Double.POSITIVE_INFINITY : 0.0;
    }
    return LogExp.pow(x, invA);
  }

  private void pulse(Branch b, int i) {
    if (stuck != null && stuck[i] != NOT_STUCK) {
      return;
    }
    double f0 = r0Factor == null ? 1.0 : r0Factor[i];
    double f1 = r1Factor == null ? 1.0 : r1Factor[i];
    double a = exponentFactor == null ? b.exponent : b.exponent * exponentFactor[i];
    double r0 = b.r0Ohm * f0;
    double r1 = b.r1Ohm * f1;
    double r = resistanceOhm[i];
    if (restOhm != null) {
      r = relaxed(i);
      if (r != resistanceOhm[i]) {
        branchTag[i] = 0;
      }
    }
    double x = (r - r0) / r1;
    double n = branchTag[i] == b.id ? pulseNumber[i] : pulseNumberOf(x, 1.0 / a);
    double dn = 1.0;
    if (rngState != null) {
      dn = Math.max(0.0, 1.0 + noise.pulseNoiseRel() * DeviceRandom.nextGaussian(rngState, i));
    }
    double next = r0 + r1 * powerAfter(x, n, dn, a);
    n += dn;
    double lo = b.minOhm * f0;
    double hi = b.maxOhm * f1;
    double out = Math.min(Math.max(next, lo), hi);
    boolean onCurve = out == next && (a < 0 ? next <= r : next >= r);
    if (!onCurve) {
      out = a < 0 ? Math.min(out, r) : Math.max(out, r);
    }
    if (noise.levels() > 0) {
      double q = quantised(out, lo, hi, noise.levels());
      onCurve &= q == out;
      out = q;
    }
    resistanceOhm[i] = out;
    pulseNumber[i] = n;
    branchTag[i] = onCurve ? b.id : 0;
    if (restOhm != null) {
      programmedOhm[i] = out;
      sinceProgrammedS[i] = 0;
    }
  }

  /**
   * Snaps R to the nearest of {@code levels} states equally spaced in ln R on [lo, hi]. Log spacing because these
   * devices span several decades: levels equally spaced in conductance would put all high-resistance states (where
   * the published devices work) on one level.
   */
  static double quantised(double r, double lo, double hi, int levels) {
    double span = Math.log(hi / lo);
    double q = Math.rint(Math.log(r / lo) / span * (levels - 1)) / (levels - 1);
    return PowerLaw.clip(lo * Math.exp(q * span), lo, hi);
  }

  // ---------------------------------------------------------------- time

  /**
   * Lets {@code dtS} seconds pass: with retention on, every device relaxes towards its rest state (see
   * {@link NonIdealities}); without, nothing changes.
   */
  public void advanceTime(double dtS) {
    if (!(dtS >= 0) || Double.isInfinite(dtS)) {
      throw new IllegalArgumentException("dt_s: must be a finite time >= 0 s, got " + dtS);
    }
    if (restOhm == null) {
      return;
    }
    for (int i = 0; i < size; i++) {
      sinceProgrammedS[i] += dtS;
      resistanceOhm[i] = relaxed(i);
      branchTag[i] = 0;
    }
  }

  private double relaxed(int i) {
    if (stuck != null && stuck[i] != NOT_STUCK) {
      return resistanceOhm[i];
    }
    double decay = Math.pow(1 + sinceProgrammedS[i] / noise.retentionTauS(), -noise.retentionExponent());
    double logR = Math.log(restOhm[i]) + (Math.log(programmedOhm[i]) - Math.log(restOhm[i])) * decay;
    return Math.exp(logR);
  }

  // ---------------------------------------------------------------- state and read-out

  /** True state of device i, Ω (no read noise). */
  public double resistanceOhm(int device) {
    checkDevice(device);
    return resistanceOhm[device];
  }

  /** A read of device i: with read noise on, G_read = G·(1 + σ·ξ) from the device's own stream. Ω. */
  public double readResistanceOhm(int device) {
    checkDevice(device);
    double r = resistanceOhm[device];
    if (noise.readNoiseRel() > 0) {
      double g = (1.0 / r) * (1 + noise.readNoiseRel() * DeviceRandom.nextGaussian(readRngState, device));
      return 1.0 / Math.max(g, Double.MIN_NORMAL);
    }
    return r;
  }

  /** True conductance 1/R, S. */
  public double conductanceS(int device) {
    return 1.0 / resistanceOhm(device);
  }

  /**
   * Normalised conductance Gn of device i with the device's clip range as (R0, R1) of {@link
   * PowerLaw#normalisedConductance}: 0 at its upper clip, 1 at its lower clip (for groningen-2021 exactly the
   * published normalisation by the device's own R0 and R1). Dimensionless. Uses the true state.
   */
  public double normalisedConductance(int device) {
    return PowerLaw.normalisedConductance(resistanceOhm(device), minResistanceOhm(device),
        maxResistanceOhm(device));
  }

  /** Gn of a noisy read (see {@link #readResistanceOhm}). */
  public double readNormalisedConductance(int device) {
    return PowerLaw.normalisedConductance(readResistanceOhm(device), minResistanceOhm(device),
        maxResistanceOhm(device));
  }

  /** Sets the state of device i (e.g. after an external write), clipped to its range; stuck devices ignore it. */
  public void setResistanceOhm(int device, double newResistanceOhm) {
    checkDevice(device);
    if (!(newResistanceOhm > 0) || Double.isInfinite(newResistanceOhm)) {
      throw new IllegalArgumentException(
          "resistance_ohm: must be a finite resistance > 0 Ohm, got " + newResistanceOhm);
    }
    if (stuck != null && stuck[device] != NOT_STUCK) {
      return;
    }
    double r = PowerLaw.clip(newResistanceOhm, minResistanceOhm(device), maxResistanceOhm(device));
    resistanceOhm[device] = r;
    branchTag[device] = 0;
    if (restOhm != null) {
      programmedOhm[device] = r;
      sinceProgrammedS[device] = 0;
    }
  }

  /** Copy of every device's true state, Ω. */
  public double[] resistancesOhm() {
    return resistanceOhm.clone();
  }

  // ---------------------------------------------------------------- per-device parameters

  /** Device i's own (true) power law at this polarity and amplitude, device-to-device spread included. */
  public PowerLawParameters deviceLaw(int device, Polarity polarity, double amplitudeV) {
    checkDevice(device);
    PowerLawParameters p = parameters.law(polarity, amplitudeV);
    return new PowerLawParameters(
        p.r0Ohm() * (r0Factor == null ? 1 : r0Factor[device]),
        p.r1Ohm() * (r1Factor == null ? 1 : r1Factor[device]),
        p.exponent() * (exponentFactor == null ? 1 : exponentFactor[device]));
  }

  /** Lower clip of device i, Ω. */
  public double minResistanceOhm(int device) {
    return parameters.minResistanceOhm() * (r0Factor == null ? 1 : r0Factor[device]);
  }

  /** Upper clip of device i, Ω. */
  public double maxResistanceOhm(int device) {
    return parameters.maxResistanceOhm() * (r1Factor == null ? 1 : r1Factor[device]);
  }

  /** Whether device i is stuck (ignores pulses). */
  public boolean isStuck(int device) {
    checkDevice(device);
    return stuck != null && stuck[device] != NOT_STUCK;
  }

  /**
   * Fractional number of pulses device i needs (by its own true law, without noise) to move from its present
   * state to {@code targetOhm}: ≥ 0 when the target lies in the branch's direction, +∞ beyond the asymptote,
   * 0 when already there or past it.
   */
  public double pulsesToReach(int device, Polarity polarity, double amplitudeV, double targetOhm) {
    PowerLawParameters law = deviceLaw(device, polarity, amplitudeV);
    double r = resistanceOhm[device];
    boolean wrongWay = polarity == Polarity.SET ? targetOhm >= r : targetOhm <= r;
    if (wrongWay) {
      return 0;
    }
    double k = PowerLaw.pulsesBetween(law, r, targetOhm);
    return Double.isNaN(k) ? Double.POSITIVE_INFINITY : Math.max(0, k);
  }

  /** A single-device view of device i. */
  public Device device(int device) {
    checkDevice(device);
    return new Device(this, device);
  }

  /** An independent copy (same devices, same states, same random streams). */
  public DevicePopulation copy() {
    return new DevicePopulation(this);
  }

  private DevicePopulation(DevicePopulation o) {
    parameters = o.parameters;
    noise = o.noise;
    seed = o.seed;
    size = o.size;
    resistanceOhm = o.resistanceOhm.clone();
    r0Factor = clone(o.r0Factor);
    r1Factor = clone(o.r1Factor);
    exponentFactor = clone(o.exponentFactor);
    inverseR1Factor = clone(o.inverseR1Factor);
    inverseExponentFactor = clone(o.inverseExponentFactor);
    pulseNumber = o.pulseNumber.clone();
    branchTag = o.branchTag.clone();
    branchIds.putAll(o.branchIds);
    rngState = o.rngState == null ? null : o.rngState.clone();
    readRngState = o.readRngState == null ? null : o.readRngState.clone();
    stuck = o.stuck == null ? null : o.stuck.clone();
    restOhm = clone(o.restOhm);
    programmedOhm = clone(o.programmedOhm);
    sinceProgrammedS = clone(o.sinceProgrammedS);
  }

  private static double[] clone(double[] a) {
    return a == null ? null : a.clone();
  }

  public int size() {
    return size;
  }

  public ParameterSet parameterSet() {
    return parameters;
  }

  public NonIdealities nonIdealities() {
    return noise;
  }

  public long seed() {
    return seed;
  }

  private void checkDevice(int device) {
    if (device < 0 || device >= size) {
      throw new IllegalArgumentException("device: index " + device + " is not in [0, " + size + ")");
    }
  }

  /** Ids of the branches used so far (key: polarity and amplitude), for the pulse-number cache. */
  private final java.util.Map<String, Byte> branchIds = new java.util.HashMap<>();

  /** The set's law at one (polarity, amplitude), resolved once and reused while the caller repeats it. */
  private Branch branch(Polarity polarity, double amplitudeV) {
    if (polarity == null) {
      throw new IllegalArgumentException("polarity: missing");
    }
    Branch b = lastBranch[polarity.ordinal()];
    if (b != null && b.amplitudeV == amplitudeV) {
      return b;
    }
    PowerLawParameters law = parameters.law(polarity, amplitudeV);
    byte id;
    synchronized (branchIds) {
      String key = polarity + "@" + Double.doubleToLongBits(amplitudeV);
      Byte known = branchIds.get(key);
      if (known == null) {
        if (branchIds.size() >= Byte.MAX_VALUE) {
          // Ids run out only with >127 distinct amplitudes: forget every cached n and start over.
          branchIds.clear();
          Arrays.fill(branchTag, (byte) 0);
          Arrays.fill(lastBranch, null); // their ids are being reused
        }
        known = (byte) (branchIds.size() + 1);
        branchIds.put(key, known);
      }
      id = known;
    }
    b = new Branch(polarity, amplitudeV, id, law, parameters.minResistanceOhm(), parameters.maxResistanceOhm());
    lastBranch[polarity.ordinal()] = b;
    return b;
  }

  private static final class Branch {
    final Polarity polarity;
    final double amplitudeV;
    final byte id;
    final double r0Ohm;
    final double r1Ohm;
    final double exponent;
    final double inverseExponent;
    /** Binomial coefficients of (1 + u)^a for the ideal fast path, or null when |a| > 1. */
    final double[] binomial;
    final double minOhm;
    final double maxOhm;

    Branch(Polarity polarity, double amplitudeV, byte id, PowerLawParameters law, double minOhm, double maxOhm) {
      this.polarity = polarity;
      this.amplitudeV = amplitudeV;
      this.id = id;
      this.r0Ohm = law.r0Ohm();
      this.r1Ohm = law.r1Ohm();
      this.exponent = law.exponent();
      this.inverseExponent = 1.0 / law.exponent();
      this.binomial = Math.abs(law.exponent()) <= 1 ? PowerStep.binomialCoefficients(law.exponent()) : null;
      this.minOhm = minOhm;
      this.maxOhm = maxOhm;
    }
  }

  @Override
  public String toString() {
    return "DevicePopulation[" + parameters.name() + ", " + size + " devices, seed " + seed + "]";
  }
}
