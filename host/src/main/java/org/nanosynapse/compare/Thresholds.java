package org.nanosynapse.compare;

/**
 * Limits beyond which hardware and simulation count as disagreeing ({@code compare} then exits 1).
 * A NaN limit is not checked.
 *
 * @param minClassAgreement fraction of patterns whose board class equals the host fixed-point
 *     prediction, dimensionless in [0, 1]
 * @param minExactOutputs fraction of patterns whose board outputs equal the host's bit for bit
 * @param minBoardAccuracy fraction of patterns the boards classify correctly
 * @param maxRelativeResidual largest |measured − simulated| / simulated device code over the pulse
 *     trajectories, dimensionless
 */
public record Thresholds(
    double minClassAgreement, double minExactOutputs, double minBoardAccuracy, double maxRelativeResidual) {

  /** Defaults: 99.5 % class agreement, 99 % exact outputs, 5 % trajectory residual, accuracy unchecked. */
  public static Thresholds defaults() {
    return new Thresholds(0.995, 0.99, Double.NaN, 0.05);
  }

  public Thresholds {
    check(minClassAgreement, "min class agreement");
    check(minExactOutputs, "min exact outputs");
    check(minBoardAccuracy, "min board accuracy");
    if (!Double.isNaN(maxRelativeResidual) && !(maxRelativeResidual >= 0)) {
      throw new IllegalArgumentException("max relative residual: must be ≥ 0, got " + maxRelativeResidual);
    }
  }

  private static void check(double v, String field) {
    if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(field + ": must be a fraction in [0, 1], got " + v);
    }
  }
}
