package org.nanosynapse.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fully connected multilayer perceptron with floating-point weights.
 *
 * <p>Layer l maps {@code sizes[l]} inputs to {@code sizes[l+1]} outputs: z_j = Σ_i w[l][j][i] x_i +
 * w[l][j][n] (the last column is the bias, whose input is the constant 1, as on the board), y_j =
 * f_l(z_j). The weight arrays are live: trainers write them in place.
 */
public final class Mlp {
  private final int[] sizes;
  private final Activation[] activations;
  private final double[][][] weights;

  /** An all-zero network; see {@link #initialised}. */
  public Mlp(int[] sizes, Activation[] activations) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("layers: need an input and an output size");
    }
    for (int l = 0; l < sizes.length; l++) {
      if (sizes[l] < 1) {
        String field = l == 0 ? "input size" : (l == sizes.length - 1 ? "output size" : "hidden size");
        throw new IllegalArgumentException(field + ": must be at least 1, got " + sizes[l]);
      }
    }
    if (activations.length != sizes.length - 1) {
      throw new IllegalArgumentException(
          "activations: need one per layer (" + (sizes.length - 1) + "), got " + activations.length);
    }
    for (int l = 0; l < activations.length - 1; l++) {
      if (activations[l] == Activation.SOFTMAX) {
        throw new IllegalArgumentException("activation: softmax is only allowed on the output layer");
      }
    }
    this.sizes = sizes.clone();
    this.activations = activations.clone();
    weights = new double[sizes.length - 1][][];
    for (int l = 0; l < weights.length; l++) {
      weights[l] = new double[sizes[l + 1]][sizes[l] + 1];
    }
  }

  /** Glorot-uniform weights and zero biases from a seed. */
  public static Mlp initialised(int[] sizes, Activation[] activations, long seed) {
    Mlp m = new Mlp(sizes, activations);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int l = 0; l < m.weights.length; l++) {
      double limit = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
      for (double[] row : m.weights[l]) {
        for (int i = 0; i < sizes[l]; i++) {
          row[i] = (2 * rng.nextDouble() - 1) * limit;
        }
      }
    }
    return m;
  }

  public Mlp copy() {
    Mlp m = new Mlp(sizes, activations);
    copyWeightsTo(m.weights);
    return m;
  }

  public void copyWeightsTo(double[][][] target) {
    for (int l = 0; l < weights.length; l++) {
      for (int j = 0; j < weights[l].length; j++) {
        System.arraycopy(weights[l][j], 0, target[l][j], 0, weights[l][j].length);
      }
    }
  }

  public int[] sizes() {
    return sizes.clone();
  }

  public int layerCount() {
    return weights.length;
  }

  public int inputSize() {
    return sizes[0];
  }

  public int outputSize() {
    return sizes[sizes.length - 1];
  }

  public Activation activation(int layer) {
    return activations[layer];
  }

  public Activation[] activations() {
    return activations.clone();
  }

  /** The live weights, [layer][output][input], bias last. */
  public double[][][] weights() {
    return weights;
  }

  /** A zero array shaped like the weights. */
  public double[][][] zerosLikeWeights() {
    double[][][] g = new double[weights.length][][];
    for (int l = 0; l < weights.length; l++) {
      g[l] = new double[weights[l].length][weights[l][0].length];
    }
    return g;
  }

  public int parameterCount() {
    int n = 0;
    for (double[][] layer : weights) {
      n += layer.length * layer[0].length;
    }
    return n;
  }

  /** Output of the network for one input. */
  public double[] forward(double[] x) {
    return forward(x, newWorkspace());
  }

  public double[] forward(double[] x, Workspace ws) {
    checkInput(x);
    ws.a[0] = x;
    for (int l = 0; l < weights.length; l++) {
      layer(l, ws.a[l], ws.z[l], ws.a[l + 1]);
    }
    return ws.a[weights.length];
  }

  /** Index of the largest output, the lowest on a tie. */
  public int predict(double[] x, Workspace ws) {
    return argmax(forward(x, ws));
  }

  public int predict(double[] x) {
    return predict(x, newWorkspace());
  }

  public static int argmax(double[] y) {
    int best = 0;
    for (int i = 1; i < y.length; i++) {
      if (y[i] > y[best]) {
        best = i;
      }
    }
    return best;
  }

  private void layer(int l, double[] in, double[] z, double[] out) {
    double[][] w = weights[l];
    int n = in.length;
    for (int j = 0; j < w.length; j++) {
      double[] row = w[j];
      double s = row[n];
      for (int i = 0; i < n; i++) {
        s += row[i] * in[i];
      }
      z[j] = s;
    }
    activations[l].apply(z, out);
  }

  private void checkInput(double[] x) {
    if (x.length != sizes[0]) {
      throw new IllegalArgumentException("input: expected " + sizes[0] + " values, got " + x.length);
    }
  }

  /** Per-thread scratch space for forward and backward passes. */
  public final class Workspace {
    final double[][] a;
    final double[][] z;
    final double[][] delta;
    final double[][] keep;

    Workspace() {
      a = new double[sizes.length][];
      z = new double[sizes.length - 1][];
      delta = new double[sizes.length - 1][];
      keep = new double[sizes.length - 1][];
      for (int l = 0; l < sizes.length - 1; l++) {
        a[l + 1] = new double[sizes[l + 1]];
        z[l] = new double[sizes[l + 1]];
        delta[l] = new double[sizes[l + 1]];
        keep[l] = new double[sizes[l + 1]];
      }
    }
  }

  public Workspace newWorkspace() {
    return new Workspace();
  }

  /**
   * Forward and backward pass for one labelled example; adds dLoss/dw to {@code grad} and returns
   * the loss. Targets are one-hot, with the output activation's {@link Activation#lowTarget()} for
   * the other classes. Dropout (inverted: kept units scaled by 1/(1−rate)) applies to hidden layers.
   */
  public double backprop(
      double[] x, int label, Loss loss, double dropoutRate, SplittableRandom rng, double[][][] grad, Workspace ws) {
    checkInput(x);
    int layers = weights.length;
    ws.a[0] = x;
    for (int l = 0; l < layers; l++) {
      layer(l, ws.a[l], ws.z[l], ws.a[l + 1]);
      if (dropoutRate > 0 && l < layers - 1) {
        double scale = 1 / (1 - dropoutRate);
        double[] y = ws.a[l + 1];
        for (int j = 0; j < y.length; j++) {
          ws.keep[l][j] = rng.nextDouble() < dropoutRate ? 0 : scale;
          y[j] *= ws.keep[l][j];
        }
      }
    }
    Activation out = activations[layers - 1];
    double[] y = ws.a[layers];
    double[] d = ws.delta[layers - 1];
    double low = out.lowTarget();
    double lossValue = 0;
    if (loss == Loss.CROSS_ENTROPY) {
      if (out != Activation.SOFTMAX && out != Activation.SIGMOID) {
        throw new IllegalArgumentException("loss: cross-entropy needs a softmax or sigmoid output layer, not " + out.label());
      }
      for (int j = 0; j < y.length; j++) {
        double t = j == label ? 1 : 0;
        d[j] = y[j] - t;
        double yc = Math.min(1 - 1e-12, Math.max(1e-12, y[j]));
        lossValue -= out == Activation.SOFTMAX ? t * Math.log(yc) : t * Math.log(yc) + (1 - t) * Math.log(1 - yc);
      }
    } else {
      for (int j = 0; j < y.length; j++) {
        double t = j == label ? 1 : low;
        d[j] = y[j] - t;
        lossValue += 0.5 * d[j] * d[j];
      }
      if (out == Activation.SOFTMAX) {
        double dot = 0;
        for (int j = 0; j < y.length; j++) {
          dot += d[j] * y[j];
        }
        for (int j = 0; j < y.length; j++) {
          d[j] = y[j] * (d[j] - dot);
        }
      } else {
        for (int j = 0; j < y.length; j++) {
          d[j] *= out.derivative(ws.z[layers - 1][j], y[j]);
        }
      }
    }
    for (int l = layers - 1; l >= 0; l--) {
      double[] in = ws.a[l];
      double[] dl = ws.delta[l];
      double[][] g = grad[l];
      int n = in.length;
      for (int j = 0; j < dl.length; j++) {
        double dj = dl[j];
        if (dj == 0) {
          continue;
        }
        double[] gj = g[j];
        for (int i = 0; i < n; i++) {
          gj[i] += dj * in[i];
        }
        gj[n] += dj;
      }
      if (l > 0) {
        double[] dPrev = ws.delta[l - 1];
        double[][] w = weights[l];
        Activation f = activations[l - 1];
        for (int i = 0; i < n; i++) {
          double s = 0;
          for (int j = 0; j < dl.length; j++) {
            s += w[j][i] * dl[j];
          }
          double keep = dropoutRate > 0 ? ws.keep[l - 1][i] : 1;
          double yUnscaled = keep == 0 ? 0 : in[i] / keep;
          dPrev[i] = keep == 0 ? 0 : s * keep * f.derivative(ws.z[l - 1][i], yUnscaled);
        }
      }
    }
    return lossValue;
  }

  @Override
  public String toString() {
    return "Mlp" + Arrays.toString(sizes);
  }
}
