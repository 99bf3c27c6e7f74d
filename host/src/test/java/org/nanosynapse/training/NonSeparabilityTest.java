package org.nanosynapse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.dataset.LineDatasetGenerator;
import org.nanosynapse.dataset.LineTask;
import org.nanosynapse.nn.Activation;
import org.nanosynapse.nn.Loss;
import org.nanosynapse.nn.Mlp;

/**
 * Horizontal vs vertical lines are not linearly separable: on N×N the N horizontal and the N vertical
 * patterns sum to the same image (all ones), so for any linear score s(x) = w·x + b,
 * Σ_r s(H_r) = Σ_c s(V_c); all H above the threshold and all V below would make the left side larger
 * than the right. A single-layer perceptron therefore gets at most 2N − 1 of the 2N clean patterns,
 * and 2N − 1 is reachable. A hidden layer gets all of them.
 */
class NonSeparabilityTest {

  @Test
  void theSumIdentityHoldsForAnyLinearScoreAndForEveryN() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int n = 3; n <= 8; n++) {
      LineTask task = LineTask.square(n, 0);
      for (int trial = 0; trial < 20; trial++) {
        double[] w = new double[n * n];
        for (int i = 0; i < w.length; i++) {
          w[i] = rng.nextGaussian();
        }
        double b = rng.nextGaussian();
        double sumH = 0;
        double sumV = 0;
        for (double[] h : task.cleanPatterns(0)) {
          sumH += score(w, b, h);
        }
        for (double[] v : task.cleanPatterns(1)) {
          sumV += score(w, b, v);
        }
        assertEquals(sumH, sumV, 1e-9, "N=" + n);
      }
    }
  }

  @Test
  void twoNMinusOneIsReachable() {
    for (int n = 3; n <= 8; n++) {
      // w = +1 on column 0, −1 elsewhere, b = N − 1.5: every H scores 0.5, V_0 scores 2N − 1.5 (wrong),
      // every other V scores −1.5.
      LineTask task = LineTask.square(n, 0);
      double[] w = new double[n * n];
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < n; c++) {
          w[r * n + c] = c == 0 ? 1 : -1;
        }
      }
      double b = n - 1.5;
      int correct = 0;
      for (double[] h : task.cleanPatterns(0)) {
        correct += score(w, b, h) > 0 ? 1 : 0;
      }
      for (double[] v : task.cleanPatterns(1)) {
        correct += score(w, b, v) <= 0 ? 1 : 0;
      }
      assertEquals(2 * n - 1, correct, "N=" + n);
    }
  }

  private static double score(double[] w, double b, double[] x) {
    double s = b;
    for (int i = 0; i < x.length; i++) {
      s += w[i] * x[i];
    }
    return s;
  }

  @Test
  void trainedPerceptronsNeverGetAllCleanPatternsButAnMlpDoes() {
    for (int n = 3; n <= 4; n++) {
      LineTask task = LineTask.square(n, 0);
      Dataset clean = LineDatasetGenerator.cleanPatterns(task);
      Dataset repeated = clean;
      for (int i = 0; i < 19; i++) {
        repeated = repeated.concat(clean);
      }
      TrainingData data = new TrainingData(repeated, null, clean);
      int best = 0;
      Object[][] variants = {
        {Activation.SOFTMAX, Loss.CROSS_ENTROPY}, {Activation.SIGMOID, Loss.QUADRATIC}, {Activation.STEP, Loss.QUADRATIC}
      };
      for (Object[] v : variants) {
        for (int seed = 1; seed <= 15; seed++) {
          TrainingConfig c = TrainingConfig.defaults().toBuilder().task(task).hidden().mode(TrainingMode.IDEAL)
              .outputActivation((Activation) v[0]).loss((Loss) v[1]).learningRate(0.05).epochs(40).seed(seed)
              .build();
          Mlp m = Trainer.train(c, data, TrainingListener.NONE).model();
          int correct = countCorrect(m, clean);
          assertTrue(correct <= 2 * n - 1, "perceptron got " + correct + " of " + 2 * n + " on " + n + "×" + n);
          best = Math.max(best, correct);
        }
      }
      assertTrue(best >= 2 * n - 2, "gradient training gets close to the bound: " + best);
      assertEquals(2 * n - 1, pocketPerceptron(task, 7), "the pocket perceptron reaches 2N−1 on " + n + "×" + n);
      for (int seed = 1; seed <= 5; seed++) {
        TrainingConfig c = TrainingConfig.defaults().toBuilder().task(task).hidden(4).mode(TrainingMode.IDEAL)
            .learningRate(0.05).epochs(40).seed(seed).build();
        Mlp m = Trainer.train(c, data, TrainingListener.NONE).model();
        assertEquals(2 * n, countCorrect(m, clean), "MLP 4 hidden, seed " + seed + ", " + n + "×" + n);
      }
    }
  }

  /** Rosenblatt's rule on ±1 targets, keeping the best weights seen (Gallant's pocket algorithm). */
  private static int pocketPerceptron(LineTask task, long seed) {
    Dataset clean = LineDatasetGenerator.cleanPatterns(task);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] w = new double[task.pixels()];
    double b = 0;
    int best = 0;
    for (int it = 0; it < 20_000; it++) {
      int i = rng.nextInt(clean.size());
      double t = clean.label(i) == 0 ? 1 : -1;
      if (t * score(w, b, clean.input(i)) <= 0) {
        for (int j = 0; j < w.length; j++) {
          w[j] += t * clean.input(i)[j] * rng.nextDouble();
        }
        b += t * rng.nextDouble();
      }
      int correct = 0;
      for (int k = 0; k < clean.size(); k++) {
        double s = score(w, b, clean.input(k));
        correct += (clean.label(k) == 0 ? s > 0 : s <= 0) ? 1 : 0;
      }
      assertTrue(correct <= 2 * task.rows() - 1, "perceptron rule got " + correct);
      best = Math.max(best, correct);
    }
    return best;
  }

  private static int countCorrect(Mlp m, Dataset d) {
    int correct = 0;
    for (int i = 0; i < d.size(); i++) {
      correct += m.predict(d.input(i)) == d.label(i) ? 1 : 0;
    }
    return correct;
  }
}
