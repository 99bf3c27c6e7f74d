package org.nanosynapse.device;

/**
 * Which non-idealities a {@link DevicePopulation} simulates, and how strongly. Every field is switchable (0 = off).
 * Spreads are relative standard deviations (dimensionless fractions: 0.15 = 15 %).
 *
 * <table>
 * <caption>Non-idealities</caption>
 * <tr><th>field</th><th>what</th><th>unit / kind</th><th>scope</th></tr>
 * <tr><td>r0SpreadRel</td><td>spread of R0 (all branches and the lower clip scale together)</td>
 *   <td>relative σ; factor ~ N(1, σ) truncated to &gt; 0</td><td>device-to-device</td></tr>
 * <tr><td>r1SpreadRel</td><td>spread of R1 (all branches and the upper clip scale together)</td>
 *   <td>relative σ; factor ~ N(1, σ) truncated to &gt; 0</td><td>device-to-device</td></tr>
 * <tr><td>exponentSpreadRel</td><td>spread of the exponent a</td>
 *   <td>relative σ; factor ~ N(1, σ) truncated to &gt; 0 so a keeps its sign</td><td>device-to-device</td></tr>
 * <tr><td>initialSpreadRel</td><td>spread of the initial resistance</td>
 *   <td>relative σ; R_init ~ N(R_init, σ·R_init), then clipped to the device's range</td><td>device-to-device</td></tr>
 * <tr><td>pulseNoiseRel</td><td>variation of each pulse's effect: a pulse advances the device by
 *   Δn = max(0, 1 + σ·ξ) pulse-equivalents on its power law (ξ ~ N(0,1))</td><td>relative σ</td>
 *   <td>cycle-to-cycle (per pulse)</td></tr>
 * <tr><td>readNoiseRel</td><td>noise of a read: G_read = G·(1 + σ·ξ); the state is untouched</td>
 *   <td>relative σ of the read conductance</td><td>cycle-to-cycle (per read)</td></tr>
 * <tr><td>levels</td><td>finite number of distinguishable states: after each pulse the state snaps to the nearest of
 *   {@code levels} values equally spaced in ln R over the device's range (0 = continuous)</td>
 *   <td>count</td><td>all devices</td></tr>
 * <tr><td>stuckHighProbability / stuckLowProbability</td><td>probability that a device is stuck at its upper /
 *   lower clip resistance and ignores every pulse</td><td>probability</td><td>device-to-device</td></tr>
 * <tr><td>retentionTauS, retentionExponent</td><td>relaxation of the programmed state towards the device's initial
 *   resistance as a power law in time: log R(t) = log R_rest + (log R_prog − log R_rest)·(1 + t/τ)^(−β); β = 0
 *   is off</td><td>τ in s, β dimensionless</td><td>all devices</td></tr>
 * </table>
 *
 * Sources: the 15 % truncated-Gaussian device-to-device spread of R0, R1, a and R_init is the published simulation's
 * default (Tiotto et al. 2021, authors' code, physics-and-sources.md §1.4). The published code has no
 * cycle-to-cycle noise, read noise, levels, stuck devices or retention; those are ours. The retention default
 * ({@link #RETENTION_TAU_S}, {@link #RETENTION_EXPONENT}) loses half of the programmed change in log R after one hour,
 * [inferred] from "memory lasted between one to four hours" (Goossens et al., J. Appl. Phys. 124, 152102 (2018),
 * press release) and the power-law relaxation of Quiñonez et al. (2025).
 */
public record NonIdealities(
    double r0SpreadRel,
    double r1SpreadRel,
    double exponentSpreadRel,
    double initialSpreadRel,
    double pulseNoiseRel,
    double readNoiseRel,
    int levels,
    double stuckHighProbability,
    double stuckLowProbability,
    double retentionTauS,
    double retentionExponent) {

  /** The published device-to-device spread, 15 % on R0, R1, a and R_init (relative σ). */
  public static final double PUBLISHED_SPREAD_REL = 0.15;
  /** Default relaxation time scale τ, s. */
  public static final double RETENTION_TAU_S = 1.0;
  /** Default relaxation exponent β: (1 + 3600 s / 1 s)^(−β) = 1/2, half the change lost after one hour. */
  public static final double RETENTION_EXPONENT = Math.log(2) / Math.log(1 + 3600.0);

  /** An ideal population: every device follows the parameter set exactly. */
  public static final NonIdealities NONE = new NonIdealities(0, 0, 0, 0, 0, 0, 0, 0, 0, RETENTION_TAU_S, 0);

  /** The published simulations' noise: 15 % device-to-device spread of R0, R1, a and R_init, nothing else. */
  public static final NonIdealities PUBLISHED =
      NONE.withDeviceSpread(PUBLISHED_SPREAD_REL, PUBLISHED_SPREAD_REL, PUBLISHED_SPREAD_REL, PUBLISHED_SPREAD_REL);

  public NonIdealities {
    check(r0SpreadRel, "r0_spread_rel");
    check(r1SpreadRel, "r1_spread_rel");
    check(exponentSpreadRel, "exponent_spread_rel");
    check(initialSpreadRel, "initial_spread_rel");
    check(pulseNoiseRel, "pulse_noise_rel");
    check(readNoiseRel, "read_noise_rel");
    if (levels < 0 || levels == 1) {
      throw new IllegalArgumentException("levels: must be 0 (continuous) or >= 2, got " + levels);
    }
    if (!(stuckHighProbability >= 0 && stuckLowProbability >= 0
        && stuckHighProbability + stuckLowProbability <= 1)) {
      throw new IllegalArgumentException(
          "stuck_probability: stuck-high and stuck-low must be >= 0 and sum to <= 1, got "
              + stuckHighProbability + " and " + stuckLowProbability);
    }
    if (!(retentionTauS > 0) || Double.isInfinite(retentionTauS)) {
      throw new IllegalArgumentException("retention_tau_s: must be > 0 s, got " + retentionTauS);
    }
    check(retentionExponent, "retention_exponent");
  }

  private static void check(double v, String field) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(field + ": must be a finite value >= 0, got " + v);
    }
  }

  public NonIdealities withDeviceSpread(double r0Rel, double r1Rel, double exponentRel, double initialRel) {
    return new NonIdealities(r0Rel, r1Rel, exponentRel, initialRel, pulseNoiseRel, readNoiseRel, levels,
        stuckHighProbability, stuckLowProbability, retentionTauS, retentionExponent);
  }

  /** Same relative spread on R0, R1, a and R_init. */
  public NonIdealities withDeviceSpread(double rel) {
    return withDeviceSpread(rel, rel, rel, rel);
  }

  public NonIdealities withPulseNoise(double rel) {
    return new NonIdealities(r0SpreadRel, r1SpreadRel, exponentSpreadRel, initialSpreadRel, rel, readNoiseRel,
        levels, stuckHighProbability, stuckLowProbability, retentionTauS, retentionExponent);
  }

  public NonIdealities withReadNoise(double rel) {
    return new NonIdealities(r0SpreadRel, r1SpreadRel, exponentSpreadRel, initialSpreadRel, pulseNoiseRel, rel,
        levels, stuckHighProbability, stuckLowProbability, retentionTauS, retentionExponent);
  }

  public NonIdealities withLevels(int count) {
    return new NonIdealities(r0SpreadRel, r1SpreadRel, exponentSpreadRel, initialSpreadRel, pulseNoiseRel,
        readNoiseRel, count, stuckHighProbability, stuckLowProbability, retentionTauS, retentionExponent);
  }

  public NonIdealities withStuck(double highProbability, double lowProbability) {
    return new NonIdealities(r0SpreadRel, r1SpreadRel, exponentSpreadRel, initialSpreadRel, pulseNoiseRel,
        readNoiseRel, levels, highProbability, lowProbability, retentionTauS, retentionExponent);
  }

  public NonIdealities withRetention(double tauS, double exponent) {
    return new NonIdealities(r0SpreadRel, r1SpreadRel, exponentSpreadRel, initialSpreadRel, pulseNoiseRel,
        readNoiseRel, levels, stuckHighProbability, stuckLowProbability, tauS, exponent);
  }

  /** Retention with the default τ and β (half the change in log R lost after one hour). */
  public NonIdealities withRetention() {
    return withRetention(RETENTION_TAU_S, RETENTION_EXPONENT);
  }

  public boolean hasDeviceSpread() {
    return r0SpreadRel > 0 || r1SpreadRel > 0 || exponentSpreadRel > 0;
  }

  public boolean hasStuck() {
    return stuckHighProbability > 0 || stuckLowProbability > 0;
  }

  public boolean hasRetention() {
    return retentionExponent > 0;
  }
}
