package org.nanosynapse.calibration;

/**
 * How the offset R0 of R(x) = R0 + R1·x^a was treated in a fit. A free R0 is poorly determined on
 * short or weakly curved series (it trades off against a), so the fitter bounds it to
 * 0 ≤ R0 &lt; min(R) and says when a bound was reached; the user may fix it instead.
 */
public enum R0Handling {
  /** R0 fitted freely inside 0 ≤ R0 &lt; min(R); its standard error is reported. */
  FREE_BOUNDED("free, bounded to [0, min R)"),
  /** The best R0 lay on the lower bound 0 Ω; it was held at 0 and R1, a refitted (no SE for R0). */
  AT_LOWER_BOUND("at lower bound 0 Ohm, held fixed (data do not support R0 > 0)"),
  /** The best R0 lay at the upper bound (just below min R); held there, R1, a refitted. */
  AT_UPPER_BOUND("at upper bound (just below min R), held fixed"),
  /** R0 fixed by the user (e.g. {@code --fix-r0}); no SE for R0. */
  FIXED("fixed by the user");

  private final String description;

  R0Handling(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** True when R0 was a free parameter of the final fit (so it has a standard error). */
  public boolean isFree() {
    return this == FREE_BOUNDED;
  }
}
