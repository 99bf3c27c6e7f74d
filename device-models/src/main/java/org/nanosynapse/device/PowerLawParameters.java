package org.nanosynapse.device;

/**
 * One branch of the power-law pulse response, R(n) = R0 + R1·n^a (see {@link PowerLaw}).
 *
 * @param r0Ohm asymptote of the branch as n → ∞ for SET (a &lt; 0), the value at n = 0 for RESET (a &gt; 0); Ω, ≥ 0
 * @param r1Ohm scale: R(1) − R0; Ω, &gt; 0
 * @param exponent a, dimensionless; &lt; 0 for SET (R falls with each pulse), &gt; 0 for RESET (R rises)
 */
public record PowerLawParameters(double r0Ohm, double r1Ohm, double exponent) {

  public PowerLawParameters {
    if (!(r0Ohm >= 0) || Double.isInfinite(r0Ohm)) {
      throw new IllegalArgumentException("r0_ohm: must be a finite resistance >= 0 Ohm, got " + r0Ohm);
    }
    if (!(r1Ohm > 0) || Double.isInfinite(r1Ohm)) {
      throw new IllegalArgumentException("r1_ohm: must be a finite resistance > 0 Ohm, got " + r1Ohm);
    }
    if (!(exponent != 0) || !Double.isFinite(exponent)) {
      throw new IllegalArgumentException("exponent: must be finite and non-zero, got " + exponent);
    }
  }

  /** The polarity this branch describes: SET when a &lt; 0, RESET when a &gt; 0. */
  public Polarity polarity() {
    return exponent < 0 ? Polarity.SET : Polarity.RESET;
  }

  /** Throws (naming {@code field}) unless the sign of the exponent matches the polarity. */
  public PowerLawParameters requirePolarity(Polarity expected, String field) {
    if (polarity() != expected) {
      throw new IllegalArgumentException(
          field
              + ": exponent must be "
              + (expected == Polarity.SET ? "< 0 for SET" : "> 0 for RESET")
              + ", got "
              + exponent);
    }
    return this;
  }
}
