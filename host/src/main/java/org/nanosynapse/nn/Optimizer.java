package org.nanosynapse.nn;

import java.util.Locale;

/**
 * Turns a mean gradient into the desired weight change. Trainers apply the change directly (ideal
 * weights) or hand it to the devices as a target (memristive weights). Weight decay λ adds λ·w to the
 * gradient (L2 regularisation).
 */
public abstract class Optimizer {
  /** The optimisers on offer. */
  public enum Kind {
    SGD,
    ADAM;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String s) {
      for (Kind k : values()) {
        if (k.label().equalsIgnoreCase(s.trim())) {
          return k;
        }
      }
      throw new IllegalArgumentException("optimizer: unknown optimizer '" + s + "' (sgd, adam)");
    }
  }

  protected final double learningRate;
  protected final double weightDecay;

  protected Optimizer(double learningRate, double weightDecay) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate: must be > 0, got " + learningRate);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("weight decay: must be ≥ 0, got " + weightDecay);
    }
    this.learningRate = learningRate;
    this.weightDecay = weightDecay;
  }

  /** SGD (momentum 0 for plain SGD) or Adam (β1 0.9, β2 0.999, ε 1e-8; momentum ignored). */
  public static Optimizer create(Kind kind, double learningRate, double momentum, double weightDecay) {
    return kind == Kind.ADAM
        ? new Adam(learningRate, weightDecay)
        : new Sgd(learningRate, momentum, weightDecay);
  }

  /** Writes the desired change of every weight into {@code update} (same shape as the weights). */
  public abstract void update(double[][][] weights, double[][][] meanGrad, double[][][] update);

  protected double regularised(double g, double w, boolean bias) {
    return bias ? g : g + weightDecay * w;
  }

  /** SGD with classical momentum: v ← μ v − η g; Δw = v. */
  public static final class Sgd extends Optimizer {
    private final double momentum;
    private double[][][] velocity;

    public Sgd(double learningRate, double momentum, double weightDecay) {
      super(learningRate, weightDecay);
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("momentum: must be in [0, 1), got " + momentum);
      }
      this.momentum = momentum;
    }

    @Override
    public void update(double[][][] w, double[][][] g, double[][][] update) {
      if (velocity == null) {
        velocity = zeros(w);
      }
      for (int l = 0; l < w.length; l++) {
        for (int j = 0; j < w[l].length; j++) {
          int n = w[l][j].length;
          for (int i = 0; i < n; i++) {
            double v = momentum * velocity[l][j][i] - learningRate * regularised(g[l][j][i], w[l][j][i], i == n - 1);
            velocity[l][j][i] = v;
            update[l][j][i] = v;
          }
        }
      }
    }
  }

  /** Adam (Kingma and Ba, 2015) with bias correction. */
  public static final class Adam extends Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private double[][][] m;
    private double[][][] v;
    private int t;

    public Adam(double learningRate, double weightDecay) {
      super(learningRate, weightDecay);
    }

    @Override
    public void update(double[][][] w, double[][][] g, double[][][] update) {
      if (m == null) {
        m = zeros(w);
        v = zeros(w);
      }
      t++;
      double c1 = 1 - Math.pow(BETA1, t);
      double c2 = 1 - Math.pow(BETA2, t);
      for (int l = 0; l < w.length; l++) {
        for (int j = 0; j < w[l].length; j++) {
          int n = w[l][j].length;
          for (int i = 0; i < n; i++) {
            double gi = regularised(g[l][j][i], w[l][j][i], i == n - 1);
            m[l][j][i] = BETA1 * m[l][j][i] + (1 - BETA1) * gi;
            v[l][j][i] = BETA2 * v[l][j][i] + (1 - BETA2) * gi * gi;
            update[l][j][i] = -learningRate * (m[l][j][i] / c1) / (Math.sqrt(v[l][j][i] / c2) + EPS);
          }
        }
      }
    }
  }

  static double[][][] zeros(double[][][] like) {
    double[][][] z = new double[like.length][][];
    for (int l = 0; l < like.length; l++) {
      z[l] = new double[like[l].length][like[l][0].length];
    }
    return z;
  }
}
