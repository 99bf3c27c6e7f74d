package org.nanosynapse.network;

import org.nanosynapse.calibration.FitOptions;
import org.nanosynapse.calibration.PowerLawFitter;

/**
 * The pulse-number offset n₀ of a train that did not start at n = 0 of its branch: the n₀ ≥ 0 for
 * which the calibration module's fit of R(k + n₀) = R0 + R1·(k + n₀)^a (k = pulse index in the
 * train) has the smallest RMSE in log10 R. A profile, like the fitter's own over R0: a grid of n₀
 * (0 and {@value #GRID} values geometric in [{@value #MIN_OFFSET}, {@value #MAX_OFFSET}]), then a
 * golden-section search between the best point's neighbours. The inner fits are
 * {@link PowerLawFitter}'s.
 */
final class PulseOffsetProfile {
  static final int GRID = 30;
  static final double MIN_OFFSET = 1e-3;
  static final double MAX_OFFSET = 30;
  private static final int GOLDEN_STEPS = 30;

  private PulseOffsetProfile() {}

  /** The best n₀ ≥ 0 for these reads (k ≥ 1 pulse indices, r > 0 resistances). */
  static double bestOffset(double[] k, double[] r, FitOptions options) {
    double[] grid = new double[GRID + 1];
    grid[0] = 0;
    for (int i = 1; i <= GRID; i++) {
      grid[i] = MIN_OFFSET * Math.pow(MAX_OFFSET / MIN_OFFSET, (i - 1.0) / (GRID - 1));
    }
    int best = 0;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int i = 0; i < grid.length; i++) {
      double c = cost(k, r, grid[i], options);
      if (c < bestCost) {
        bestCost = c;
        best = i;
      }
    }
    double lo = grid[Math.max(0, best - 1)];
    double hi = grid[Math.min(grid.length - 1, best + 1)];
    double g = (Math.sqrt(5) - 1) / 2;
    double x1 = hi - g * (hi - lo);
    double x2 = lo + g * (hi - lo);
    double f1 = cost(k, r, x1, options);
    double f2 = cost(k, r, x2, options);
    for (int i = 0; i < GOLDEN_STEPS; i++) {
      if (f1 < f2) {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - g * (hi - lo);
        f1 = cost(k, r, x1, options);
      } else {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + g * (hi - lo);
        f2 = cost(k, r, x2, options);
      }
    }
    double x = f1 < f2 ? x1 : x2;
    return Math.min(f1, f2) < bestCost ? x : grid[best];
  }

  private static double cost(double[] k, double[] r, double offset, FitOptions options) {
    double[] x = new double[k.length];
    for (int i = 0; i < k.length; i++) {
      x[i] = k[i] + offset;
    }
    try {
      return PowerLawFitter.fit(x, r, options).rmseLog10();
    } catch (RuntimeException e) {
      return Double.POSITIVE_INFINITY;
    }
  }
}
