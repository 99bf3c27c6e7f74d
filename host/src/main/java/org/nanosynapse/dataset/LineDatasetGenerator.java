package org.nanosynapse.dataset;

import java.util.List;
import java.util.SplittableRandom;

/** Draws images from a {@link LineTask}'s generative model; the same seed gives the same data set. */
public final class LineDatasetGenerator {
  private LineDatasetGenerator() {}

  public static Dataset generate(LineTask task, int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("count: need at least 1 image, got " + count);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int k = task.classCount();
    @SuppressWarnings("unchecked")
    List<double[]>[] patterns = new List[k];
    for (int c = 0; c < k; c++) {
      patterns[c] = task.cleanPatterns(c);
    }
    double[][] x = new double[count][];
    int[] y = new int[count];
    for (int i = 0; i < count; i++) {
      int label = rng.nextInt(k);
      double[] clean = patterns[label].get(rng.nextInt(patterns[label].size()));
      x[i] = corrupt(task, clean, rng);
      y[i] = label;
    }
    return new Dataset(task.rows(), task.cols(), task.classes(), x, y);
  }

  /** One noisy copy of a clean 0/1 image. */
  static double[] corrupt(LineTask task, double[] clean, SplittableRandom rng) {
    double[] img = new double[clean.length];
    for (int j = 0; j < clean.length; j++) {
      double v = clean[j];
      if (task.flipProbability() > 0 && rng.nextDouble() < task.flipProbability()) {
        v = 1 - v;
      }
      if (task.missingProbability() > 0 && rng.nextDouble() < task.missingProbability()) {
        v = LineTask.MISSING_VALUE;
      } else if (task.analogSigma() > 0) {
        v += task.analogSigma() * rng.nextGaussian();
      }
      img[j] = v;
    }
    return img;
  }

  /** The clean patterns of every class as a data set (each pattern once, in class order). */
  public static Dataset cleanPatterns(LineTask task) {
    java.util.ArrayList<double[]> x = new java.util.ArrayList<>();
    java.util.ArrayList<Integer> y = new java.util.ArrayList<>();
    for (int c = 0; c < task.classCount(); c++) {
      for (double[] p : task.cleanPatterns(c)) {
        x.add(p);
        y.add(c);
      }
    }
    return new Dataset(
        task.rows(), task.cols(), task.classes(), x.toArray(new double[0][]),
        y.stream().mapToInt(Integer::intValue).toArray());
  }
}
