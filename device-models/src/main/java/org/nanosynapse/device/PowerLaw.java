package org.nanosynapse.device;

/**
 * The device equations, in one place. Sources: Tiotto et al., Front. Neurosci. 14:627276 (2021) and the authors'
 * code (physics-and-sources.md §1.1–1.2).
 *
 * <pre>
 *   Power law (one branch):     R(n)  = R0 + R1 · n^a
 *   Inverse (pulse number):     n(R)  = ((R − R0) / R1)^(1/a)
 *   k pulses from state R:      R'    = R(n(R) + k)              history-free: the state is R alone
 *   Clipping:                   R'    = min(max(R', Rmin), Rmax)
 *   Normalised conductance:     Gn    = (1/R − 1/R1) / (1/R0 − 1/R1)   (dimensionless, 0 at R1, 1 at R0)
 *   Differential-pair weight:   w     = γ · (Gn+ − Gn−)
 * </pre>
 *
 * SET branches have a &lt; 0 (R falls towards R0), RESET branches a &gt; 0 (R rises from R0). A pulse never moves
 * the state against its polarity: a SET result is at most R, a RESET result at least R. This matters only outside the
 * branch's domain: for SET at R ≤ R0, n(R) is infinite and R stays; for RESET at R ≤ R0, n(R) = 0.
 */
public final class PowerLaw {
  private PowerLaw() {}

  /** R(n) = R0 + R1·n^a, in Ω, for pulse number n ≥ 0 (dimensionless, may be fractional). */
  public static double resistanceAt(PowerLawParameters p, double pulseNumber) {
    return p.r0Ohm() + p.r1Ohm() * Math.pow(pulseNumber, p.exponent());
  }

  /**
   * n(R) = ((R − R0)/R1)^(1/a), the (fractional) pulse number at which the branch passes through R. For R ≤ R0 it
   * is +∞ on a SET branch and 0 on a RESET branch.
   */
  public static double pulseNumberAt(PowerLawParameters p, double resistanceOhm) {
    double x = (resistanceOhm - p.r0Ohm()) / p.r1Ohm();
    if (!(x > 0)) {
      return p.exponent() < 0 ? Double.POSITIVE_INFINITY : 0.0;
    }
    return Math.pow(x, 1.0 / p.exponent());
  }

  /**
   * State after {@code pulses} pulses (≥ 0, may be fractional) from state R, unclipped: R(n(R) + pulses), never
   * moving against the branch's polarity.
   */
  public static double afterPulses(PowerLawParameters p, double resistanceOhm, double pulses) {
    double n = pulseNumberAt(p, resistanceOhm);
    double next = resistanceAt(p, n + pulses);
    return p.exponent() < 0 ? Math.min(resistanceOhm, next) : Math.max(resistanceOhm, next);
  }

  /** Same as {@link #afterPulses(PowerLawParameters, double, double)}, then clipped to [min, max] Ω. */
  public static double afterPulses(
      PowerLawParameters p, double resistanceOhm, double pulses, double minOhm, double maxOhm) {
    return clip(afterPulses(p, resistanceOhm, pulses), minOhm, maxOhm);
  }

  /** min(max(R, Rmin), Rmax). */
  public static double clip(double resistanceOhm, double minOhm, double maxOhm) {
    return Math.min(Math.max(resistanceOhm, minOhm), maxOhm);
  }

  /**
   * Number of pulses (fractional) a branch needs to go from R to a target R, n(target) − n(R); negative or NaN
   * when the target lies against the branch's direction, +∞ when it lies beyond the asymptote.
   */
  public static double pulsesBetween(PowerLawParameters p, double fromOhm, double toOhm) {
    return pulseNumberAt(p, toOhm) - pulseNumberAt(p, fromOhm);
  }

  /** Gn = (1/R − 1/R1)/(1/R0 − 1/R1): dimensionless, 0 at R = R1 (high R), 1 at R = R0 (low R). */
  public static double normalisedConductance(double resistanceOhm, double r0Ohm, double r1Ohm) {
    double gMin = 1.0 / r1Ohm;
    double gMax = 1.0 / r0Ohm;
    return (1.0 / resistanceOhm - gMin) / (gMax - gMin);
  }

  /** Inverse of {@link #normalisedConductance}: R = 1 / (1/R1 + Gn·(1/R0 − 1/R1)), in Ω. */
  public static double resistanceAtNormalisedConductance(double gn, double r0Ohm, double r1Ohm) {
    double gMin = 1.0 / r1Ohm;
    double gMax = 1.0 / r0Ohm;
    return 1.0 / (gMin + gn * (gMax - gMin));
  }

  /** w = γ·(Gn+ − Gn−); γ is the dimensionless gain of the differential pair. */
  public static double weight(double gain, double gnPlus, double gnMinus) {
    return gain * (gnPlus - gnMinus);
  }
}
