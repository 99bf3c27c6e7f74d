package org.nanosynapse.dataset;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The Bayes-optimal accuracy of a {@link LineTask}: the accuracy of the classifier that knows the
 * generative model and picks the most probable class, Σ_x max_c P(c) P(x | c). No classifier can beat
 * it on data from that model, so it is the ceiling to quote accuracies against.
 *
 * <p>P(x | c) is the mean over the class's clean patterns of Π_j P(x_j | pattern_j), with the
 * per-pixel model of {@link LineTask}. Binary images (no analog noise) with at most {@link
 * #MAX_EXACT_IMAGES} possible images are enumerated exactly; otherwise the ceiling is estimated by
 * sampling images from the model and averaging max_c P(c | x) (unbiased; its standard error is
 * reported).
 */
public final class BayesCeiling {
  /** Largest number of distinct images enumerated exactly. */
  public static final long MAX_EXACT_IMAGES = 1L << 20;

  /**
   * @param accuracy the ceiling, dimensionless in [0, 1]
   * @param standardError 0 when exact
   * @param exact true when computed by enumeration
   * @param samples images sampled (0 when exact)
   */
  public record Result(double accuracy, double standardError, boolean exact, int samples) {}

  private BayesCeiling() {}

  /** Exact when small enough, else sampled with 50,000 images and seed 1. */
  public static Result of(LineTask task) {
    return of(task, 50_000, 1);
  }

  public static Result of(LineTask task, int samples, long seed) {
    int values = task.missingProbability() > 0 ? 3 : 2;
    double count = Math.pow(values, task.pixels());
    if (task.binary() && count <= MAX_EXACT_IMAGES) {
      return new Result(exact(task, values), 0, true, 0);
    }
    return sampled(task, samples, seed);
  }

  private static double exact(LineTask task, int values) {
    int n = task.pixels();
    double[] pixelValues = values == 3 ? new double[] {0, 1, LineTask.MISSING_VALUE} : new double[] {0, 1};
    int[] digits = new int[n];
    double[] x = new double[n];
    double total = 0;
    Model model = new Model(task);
    long images = (long) Math.pow(values, n);
    for (long k = 0; k < images; k++) {
      for (int j = 0; j < n; j++) {
        x[j] = pixelValues[digits[j]];
      }
      total += model.maxJoint(x);
      for (int j = 0; j < n; j++) { // next image: count in base `values`
        if (++digits[j] < values) {
          break;
        }
        digits[j] = 0;
      }
    }
    return total;
  }

  /** The sampling estimator even where enumeration is possible (for checking one against the other). */
  static Result sampledForTest(LineTask task, int samples, long seed) {
    return sampled(task, samples, seed);
  }

  private static Result sampled(LineTask task, int samples, long seed) {
    if (samples < 2) {
      throw new IllegalArgumentException("samples: need at least 2, got " + samples);
    }
    Dataset d = LineDatasetGenerator.generate(task, samples, seed);
    Model model = new Model(task);
    double sum = 0;
    double sumSq = 0;
    for (double[] x : d.inputs()) {
      double q = model.maxPosterior(x);
      sum += q;
      sumSq += q * q;
    }
    double mean = sum / samples;
    double var = Math.max(0, sumSq / samples - mean * mean);
    return new Result(mean, Math.sqrt(var / (samples - 1)), false, samples);
  }

  /** Per-class log-likelihoods of an image under the task's generative model. */
  private static final class Model {
    private final LineTask task;
    private final double[][][] patterns; // [class][pattern][pixel]
    private final double[] logJointScratch;

    Model(LineTask task) {
      this.task = task;
      int k = task.classCount();
      patterns = new double[k][][];
      for (int c = 0; c < k; c++) {
        List<double[]> ps = task.cleanPatterns(c);
        patterns[c] = ps.toArray(new double[0][]);
      }
      logJointScratch = new double[k];
    }

    /** max_c P(c, x) for a discrete image. */
    double maxJoint(double[] x) {
      logJoint(x);
      double best = Double.NEGATIVE_INFINITY;
      for (double v : logJointScratch) {
        best = Math.max(best, v);
      }
      return best == Double.NEGATIVE_INFINITY ? 0 : Math.exp(best);
    }

    /** max_c P(c | x). */
    double maxPosterior(double[] x) {
      logJoint(x);
      double best = Double.NEGATIVE_INFINITY;
      for (double v : logJointScratch) {
        best = Math.max(best, v);
      }
      double norm = 0;
      for (double v : logJointScratch) {
        norm += Math.exp(v - best);
      }
      return 1 / norm;
    }

    private void logJoint(double[] x) {
      int k = patterns.length;
      for (int c = 0; c < k; c++) {
        double[][] ps = patterns[c];
        double[] terms = new double[ps.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ps.length; i++) {
          double s = 0;
          for (int j = 0; j < x.length && s != Double.NEGATIVE_INFINITY; j++) {
            s += logPixel(x[j], ps[i][j]);
          }
          terms[i] = s;
          max = Math.max(max, s);
        }
        double sum = 0;
        if (max != Double.NEGATIVE_INFINITY) {
          for (double t : terms) {
            sum += Math.exp(t - max);
          }
        }
        logJointScratch[c] =
            max == Double.NEGATIVE_INFINITY
                ? max
                : max + Math.log(sum) - Math.log(ps.length) - Math.log(k);
      }
    }

    /** log P(observed pixel value v | clean bit b). */
    private double logPixel(double v, double b) {
      double p = task.flipProbability();
      double m = task.missingProbability();
      if (m > 0 && v == LineTask.MISSING_VALUE) {
        return Math.log(m);
      }
      double present = Math.log1p(-m);
      if (task.analogSigma() > 0) {
        double s = task.analogSigma();
        double same = gauss((v - b) / s);
        double flipped = gauss((v - (1 - b)) / s);
        return present + Math.log((1 - p) * same + p * flipped) - Math.log(s);
      }
      return present + Math.log(v == b ? 1 - p : p);
    }

    private static double gauss(double z) {
      return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }
  }
}
