package org.nanosynapse.calibration;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.util.Pair;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PowerLawParameters;

/**
 * Levenberg–Marquardt fit of R(x) = R0 + R1·x^a in log space (Commons Math 3).
 *
 * <p>Why log space: the reads span several decades and their noise is multiplicative, so each read
 * weighs the same in log10 R. Why a profile first: R0 and a trade off against each other on short
 * or weakly curved series, and the 3-parameter objective has flat valleys; the fitter first solves
 * the 2-parameter problem (R1, a) for a grid of R0 values in [0, min R), then refines all three
 * from the best grid point with R0 clamped to that interval. When the optimum lies on a bound, R0 is
 * held there and only R1 and a are refitted, and the result says so ({@link R0Handling}).
 *
 * <p>Standard errors come from the covariance σ²(JᵀJ)⁻¹ of the final fit's free parameters, with
 * σ² = RSS/(m − p) and J the Jacobian of log10 R_model with respect to (R0, R1, a).
 */
public final class PowerLawFitter {
  private static final double LN10 = Math.log(10);
  /** Upper bound of R0 as a fraction of the smallest measured resistance. */
  private static final double MAX_R0_FRACTION = 0.9999;
  /** Condition number above which the covariance is reported as undefined (NaN). */
  private static final double MAX_CONDITION = 1e14;

  private PowerLawFitter() {}

  /** The fitted equation, {@link PowerLaw#resistanceAt}: R(x) = R0 + R1·x^a (x &gt; 0). */
  static double model(double r0Ohm, double r1Ohm, double a, double x) {
    return PowerLaw.resistanceAt(new PowerLawParameters(r0Ohm, r1Ohm, a), x);
  }

  /** Fewest reads a fit needs: one more than the free parameters, so the residual variance is defined. */
  public static int minimumReads(FitOptions options) {
    return options.r0Fixed() ? 3 : 4;
  }

  /** Fits one pulse series (x = pulse number n). */
  public static PowerLawFit fit(PulseSeries series, FitOptions options) {
    return fit(series.pulseNumber(), series.resistanceOhm(), options);
  }

  /**
   * Fits R(x) to the reads.
   *
   * @param x positive abscissae (pulse number, or time in seconds)
   * @param resistanceOhm positive reads
   */
  public static PowerLawFit fit(double[] x, double[] resistanceOhm, FitOptions options) {
    int m = x.length;
    if (m != resistanceOhm.length) {
      throw new IllegalArgumentException("x and resistance lengths differ");
    }
    int needed = minimumReads(options);
    if (m < needed) {
      throw new IllegalArgumentException(
          "a power-law fit with " + (options.r0Fixed() ? "fixed" : "free") + " R0 needs at least "
              + needed + " reads, got " + m);
    }
    double[] y = new double[m];
    double rMin = Double.POSITIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      if (!(x[i] > 0) || !(resistanceOhm[i] > 0)) {
        throw new IllegalArgumentException("x and resistance must be > 0 (read " + (i + 1) + ")");
      }
      y[i] = Math.log10(resistanceOhm[i]);
      rMin = Math.min(rMin, resistanceOhm[i]);
    }
    if (Arrays.stream(x).distinct().count() < 3) {
      throw new IllegalArgumentException("a power-law fit needs at least 3 distinct x values");
    }
    if (options.r0Fixed()) {
      if (options.fixedR0Ohm() >= rMin) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
            "fix-r0: R0 = %.4g Ohm is not below the smallest measured resistance %.4g Ohm",
            options.fixedR0Ohm(), rMin));
      }
      Two t = fitTwo(x, y, options.fixedR0Ohm(), options.maxIterations());
      return result(x, y, options.fixedR0Ohm(), t.r1, t.a, R0Handling.FIXED, t.converged);
    }

    // Profile over R0 = f·min R, f in [0, MAX_R0_FRACTION].
    int g = options.profileGridPoints();
    double bestCost = Double.POSITIVE_INFINITY;
    double bestF = 0;
    Two best = null;
    for (int k = 0; k < g; k++) {
      double f = MAX_R0_FRACTION * k / (g - 1);
      Two t = fitTwo(x, y, f * rMin, options.maxIterations());
      if (t.cost < bestCost) {
        bestCost = t.cost;
        bestF = f;
        best = t;
      }
    }
    Three r = fitThree(x, y, rMin, Math.max(bestF, 1e-3), best.r1, best.a, options.maxIterations());
    if (r != null && r.cost <= bestCost * (1 + 1e-12)) {
      if (r.q <= 1e-9) {
        Two t = fitTwo(x, y, 0, options.maxIterations());
        return result(x, y, 0, t.r1, t.a, R0Handling.AT_LOWER_BOUND, t.converged);
      }
      if (r.q >= MAX_R0_FRACTION * (1 - 1e-9)) {
        Two t = fitTwo(x, y, MAX_R0_FRACTION * rMin, options.maxIterations());
        return result(x, y, MAX_R0_FRACTION * rMin, t.r1, t.a, R0Handling.AT_UPPER_BOUND, t.converged);
      }
      return result(x, y, r.q * rMin, r.r1, r.a, R0Handling.FREE_BOUNDED, r.converged);
    }
    // Refinement failed or did worse than the grid: keep the grid optimum.
    R0Handling h = bestF == 0 ? R0Handling.AT_LOWER_BOUND
        : bestF >= MAX_R0_FRACTION ? R0Handling.AT_UPPER_BOUND : R0Handling.FREE_BOUNDED;
    return result(x, y, bestF * rMin, best.r1, best.a, h, best.converged);
  }

  private record Two(double r1, double a, double cost, boolean converged) {}

  private record Three(double q, double r1, double a, double cost, boolean converged) {}

  /** (lnR1, a) with R0 fixed, starting from the straight line through log(R − R0) vs log x. */
  private static Two fitTwo(double[] x, double[] y, double r0, int maxIter) {
    double[] start = lineStart(x, y, r0);
    MultivariateJacobianFunction f = p -> {
      double r1 = Math.exp(p.getEntry(0));
      double a = p.getEntry(1);
      RealVector v = new ArrayRealVector(x.length);
      RealMatrix j = new Array2DRowRealMatrix(x.length, 2);
      for (int i = 0; i < x.length; i++) {
        double r = model(r0, r1, a, x[i]);
        double pw = r - r0;
        v.setEntry(i, Math.log10(r));
        j.setEntry(i, 0, pw / (LN10 * r));
        j.setEntry(i, 1, pw * Math.log(x[i]) / (LN10 * r));
      }
      return new Pair<>(v, j);
    };
    LeastSquaresProblem problem = new LeastSquaresBuilder()
        .model(f).target(y).start(start).maxIterations(maxIter).maxEvaluations(maxIter * 4).lazyEvaluation(false)
        .build();
    try {
      LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(problem);
      RealVector p = o.getPoint();
      return new Two(Math.exp(p.getEntry(0)), p.getEntry(1), cost(o), true);
    } catch (MathIllegalStateException | IllegalArgumentException e) {
      // No convergence, or the optimizer wandered to parameters the power law refuses (a = 0, R1 = inf).
      double r1 = Math.exp(start[0]);
      return new Two(r1, start[1], sse(x, y, r0, r1, start[1]), false);
    }
  }

  /** (q = R0/min R, lnR1, a), q clamped to [0, MAX_R0_FRACTION]. Null when the optimizer failed. */
  private static Three fitThree(double[] x, double[] y, double rMin, double q0, double r1, double a, int maxIter) {
    MultivariateJacobianFunction f = p -> {
      double r0 = p.getEntry(0) * rMin;
      double r1p = Math.exp(p.getEntry(1));
      double ap = p.getEntry(2);
      RealVector v = new ArrayRealVector(x.length);
      RealMatrix j = new Array2DRowRealMatrix(x.length, 3);
      for (int i = 0; i < x.length; i++) {
        double r = model(r0, r1p, ap, x[i]);
        double pw = r - r0;
        v.setEntry(i, Math.log10(r));
        j.setEntry(i, 0, rMin / (LN10 * r));
        j.setEntry(i, 1, pw / (LN10 * r));
        j.setEntry(i, 2, pw * Math.log(x[i]) / (LN10 * r));
      }
      return new Pair<>(v, j);
    };
    LeastSquaresProblem problem = new LeastSquaresBuilder()
        .model(f).target(y).start(new double[] {q0, Math.log(r1), a})
        .parameterValidator(p -> {
          RealVector c = p.copy();
          c.setEntry(0, Math.min(MAX_R0_FRACTION, Math.max(0, c.getEntry(0))));
          return c;
        })
        .maxIterations(maxIter).maxEvaluations(maxIter * 4).lazyEvaluation(false)
        .build();
    try {
      LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(problem);
      RealVector p = o.getPoint();
      return new Three(p.getEntry(0), Math.exp(p.getEntry(1)), p.getEntry(2), cost(o), true);
    } catch (MathIllegalStateException | IllegalArgumentException e) {
      return null;
    }
  }

  private static double cost(LeastSquaresOptimizer.Optimum o) {
    double c = o.getCost();
    return c * c;
  }

  private static double[] lineStart(double[] x, double[] y, double r0) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      double r = Math.pow(10, y[i]) - r0;
      if (r <= 0) {
        continue;
      }
      double lx = Math.log(x[i]);
      double ly = Math.log(r);
      sx += lx;
      sy += ly;
      sxx += lx * lx;
      sxy += lx * ly;
      k++;
    }
    double den = k * sxx - sx * sx;
    if (k < 2 || den == 0) {
      return new double[] {Math.log(Math.pow(10, y[0])), -0.3};
    }
    double slope = (k * sxy - sx * sy) / den;
    if (slope == 0) {
      slope = 1e-6; // the power law needs a non-zero exponent
    }
    return new double[] {(sy - slope * sx) / k, slope};
  }

  private static double sse(double[] x, double[] y, double r0, double r1, double a) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double d = y[i] - Math.log10(model(r0, r1, a, x[i]));
      s += d * d;
    }
    return s;
  }

  /** Residuals, R², RMSE and the standard errors at the final point. */
  private static PowerLawFit result(
      double[] x, double[] y, double r0, double r1, double a, R0Handling h, boolean converged) {
    int m = x.length;
    double[] res = new double[m];
    double mean = Arrays.stream(y).average().orElse(0);
    double rss = 0, tss = 0;
    for (int i = 0; i < m; i++) {
      res[i] = y[i] - Math.log10(model(r0, r1, a, x[i]));
      rss += res[i] * res[i];
      tss += (y[i] - mean) * (y[i] - mean);
    }
    boolean r0Free = h.isFree();
    int p = r0Free ? 3 : 2;
    // Columns scaled to comparable size: R0 in units of max(R0, 1 Ohm), R1 relative, a absolute.
    double r0Scale = Math.max(r0, 1.0);
    RealMatrix j = new Array2DRowRealMatrix(m, p);
    for (int i = 0; i < m; i++) {
      double r = model(r0, r1, a, x[i]);
      double pw = r - r0;
      int c = 0;
      if (r0Free) {
        j.setEntry(i, c++, r0Scale / (LN10 * r));
      }
      j.setEntry(i, c++, pw / (LN10 * r));
      j.setEntry(i, c, pw * Math.log(x[i]) / (LN10 * r));
    }
    double sigma2 = m > p ? rss / (m - p) : Double.NaN;
    double[] se = new double[p];
    Arrays.fill(se, Double.NaN);
    RealMatrix jtj = j.transpose().multiply(j);
    SingularValueDecomposition svd = new SingularValueDecomposition(jtj);
    if (svd.getConditionNumber() < MAX_CONDITION) {
      RealMatrix cov = svd.getSolver().getInverse().scalarMultiply(sigma2);
      for (int k = 0; k < p; k++) {
        se[k] = Math.sqrt(Math.max(0, cov.getEntry(k, k)));
      }
    }
    int c = 0;
    double r0Se = r0Free ? se[c++] * r0Scale : Double.NaN;
    double r1Se = se[c++] * r1;
    double aSe = se[c];
    double r2 = tss > 0 ? 1 - rss / tss : Double.NaN;
    return new PowerLawFit(r0, r1, a, r0Se, r1Se, aSe, r2, Math.sqrt(rss / m), m, h, converged, res);
  }
}
