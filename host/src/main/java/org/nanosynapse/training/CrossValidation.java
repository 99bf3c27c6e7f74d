package org.nanosynapse.training;

import java.util.SplittableRandom;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.dataset.LineDatasetGenerator;

/**
 * k-fold cross-validation: one data set of {@code trainSize} images is shuffled and cut into k folds;
 * each fold is the test set once while the network trains on the other k − 1.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /**
   * @param foldAccuracies test accuracy on each held-out fold
   * @param mean mean over folds
   * @param standardDeviation sample standard deviation over folds
   */
  public record Result(double[] foldAccuracies, double mean, double standardDeviation) {}

  public static Result run(TrainingConfig config, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("folds: need at least 2, got " + k);
    }
    if (config.trainSize() < k) {
      throw new IllegalArgumentException("folds: " + k + " folds need at least " + k + " training images");
    }
    Dataset all = LineDatasetGenerator.generate(config.task(), config.trainSize(), config.seed());
    int[] order = Dataset.permutation(all.size(), new SplittableRandom(config.seed() + 1));
    double[] acc = new double[k];
    for (int f = 0; f < k; f++) {
      int from = all.size() * f / k;
      int to = all.size() * (f + 1) / k;
      int[] testIdx = java.util.Arrays.copyOfRange(order, from, to);
      int[] trainIdx = new int[all.size() - testIdx.length];
      System.arraycopy(order, 0, trainIdx, 0, from);
      System.arraycopy(order, to, trainIdx, from, all.size() - to);
      TrainingConfig c = config.toBuilder().seed(config.seed() + 1000L * (f + 1)).validationSize(0).patience(0).build();
      TrainingData data = new TrainingData(all.subset(trainIdx), null, all.subset(testIdx));
      acc[f] = Trainer.train(c, data, TrainingListener.NONE).testAccuracy();
    }
    double mean = java.util.Arrays.stream(acc).average().orElse(Double.NaN);
    double var = java.util.Arrays.stream(acc).map(a -> (a - mean) * (a - mean)).sum() / (k - 1);
    return new Result(acc, mean, Math.sqrt(var));
  }
}
