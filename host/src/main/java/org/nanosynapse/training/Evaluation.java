package org.nanosynapse.training;

import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.nn.Loss;
import org.nanosynapse.nn.Mlp;

/**
 * Accuracy and confusion matrix of a classifier on a data set.
 *
 * @param accuracy fraction correct, dimensionless
 * @param confusion [true class][predicted class] counts
 * @param meanLoss mean loss (NaN when not computed, e.g. fixed-point)
 */
public record Evaluation(double accuracy, int[][] confusion, double meanLoss) {

  public static Evaluation of(Mlp mlp, Dataset data, Loss loss) {
    int k = data.classCount();
    int[][] confusion = new int[k][k];
    Mlp.Workspace ws = mlp.newWorkspace();
    double lossSum = 0;
    int correct = 0;
    for (int i = 0; i < data.size(); i++) {
      double[] y = mlp.forward(data.input(i), ws);
      int predicted = Mlp.argmax(y);
      confusion[data.label(i)][predicted]++;
      if (predicted == data.label(i)) {
        correct++;
      }
      lossSum += lossOf(y, data.label(i), loss, mlp.activation(mlp.layerCount() - 1).lowTarget());
    }
    return new Evaluation(correct / (double) data.size(), confusion, lossSum / data.size());
  }

  /** Accuracy of the board arithmetic (bit-exact prediction of what the boards will answer). */
  public static Evaluation of(FixedPointNetwork net, Dataset data) {
    int k = data.classCount();
    int[][] confusion = new int[k][k];
    int correct = 0;
    for (int i = 0; i < data.size(); i++) {
      int predicted = net.predict(data.input(i));
      confusion[data.label(i)][predicted]++;
      if (predicted == data.label(i)) {
        correct++;
      }
    }
    return new Evaluation(correct / (double) data.size(), confusion, Double.NaN);
  }

  static double lossOf(double[] y, int label, Loss loss, double low) {
    double s = 0;
    for (int j = 0; j < y.length; j++) {
      double t = j == label ? 1 : (loss == Loss.CROSS_ENTROPY ? 0 : low);
      if (loss == Loss.CROSS_ENTROPY) {
        double yc = Math.min(1 - 1e-12, Math.max(1e-12, y[j]));
        s -= t * Math.log(yc);
      } else {
        s += 0.5 * (y[j] - t) * (y[j] - t);
      }
    }
    return s;
  }

  /** The confusion matrix as aligned text, rows = true class, columns = predicted. */
  public String confusionText(java.util.List<String> classNames) {
    int w = 10;
    for (String n : classNames) {
      w = Math.max(w, n.length() + 1);
    }
    StringBuilder sb = new StringBuilder(String.format("%-" + w + "s", "true\\pred"));
    for (String n : classNames) {
      sb.append(String.format("%" + w + "s", n));
    }
    sb.append('\n');
    for (int i = 0; i < confusion.length; i++) {
      sb.append(String.format("%-" + w + "s", classNames.get(i)));
      for (int c : confusion[i]) {
        sb.append(String.format("%" + w + "d", c));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
