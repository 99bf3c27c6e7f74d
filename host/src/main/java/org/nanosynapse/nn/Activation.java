package org.nanosynapse.nn;

import java.util.Locale;

/**
 * Neuron activations. {@link #boardCode()} is the code of firmware/PROTOCOL.md §Arithmetic (−1 when
 * the board has no such activation: softmax, which the board replaces by identity + argmax).
 *
 * <p>Step and sign have zero derivative almost everywhere; training uses the derivative of a smooth
 * surrogate (logistic sigmoid for step, tanh for sign), the usual straight-through choice, while the
 * forward pass stays hard.
 */
public enum Activation {
  IDENTITY(0),
  STEP(1),
  SIGN(2),
  RELU(3),
  SIGMOID(4),
  TANH(5),
  /** Vector activation over a layer; only valid on the output layer. */
  SOFTMAX(-1);

  private final int boardCode;

  Activation(int boardCode) {
    this.boardCode = boardCode;
  }

  /** Activation code on the board, or −1 if the board has none. */
  public int boardCode() {
    return boardCode;
  }

  /** The activation with a board code. */
  public static Activation ofBoardCode(int code) {
    for (Activation a : values()) {
      if (a.boardCode == code && code >= 0) {
        return a;
      }
    }
    throw new IllegalArgumentException("activation code: unknown code " + code + " (0..5)");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a name such as "tanh" or "ReLU". */
  public static Activation parse(String s) {
    for (Activation a : values()) {
      if (a.label().equalsIgnoreCase(s.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "activation: unknown activation '" + s + "' (identity, step, sign, relu, sigmoid, tanh, softmax)");
  }

  /** Lower output level used for one-hot targets: −1 for sign/tanh, else 0. */
  public double lowTarget() {
    return this == SIGN || this == TANH ? -1 : 0;
  }

  /** Applies an element-wise activation (not softmax). */
  public double apply(double z) {
    return switch (this) {
      case IDENTITY -> z;
      case STEP -> z > 0 ? 1 : 0;
      case SIGN -> z > 0 ? 1 : (z < 0 ? -1 : 0);
      case RELU -> z > 0 ? z : 0;
      case SIGMOID -> sigmoid(z);
      case TANH -> Math.tanh(z);
      case SOFTMAX -> throw new IllegalStateException("softmax is a layer activation");
    };
  }

  /** Applies the activation to a whole layer, writing {@code y}. */
  public void apply(double[] z, double[] y) {
    if (this == SOFTMAX) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int i = 0; i < z.length; i++) {
        y[i] = Math.exp(z[i] - max);
        sum += y[i];
      }
      for (int i = 0; i < z.length; i++) {
        y[i] /= sum;
      }
    } else {
      for (int i = 0; i < z.length; i++) {
        y[i] = apply(z[i]);
      }
    }
  }

  /** dy/dz for element-wise activations, given z and y = f(z) (surrogates for step and sign). */
  public double derivative(double z, double y) {
    return switch (this) {
      case IDENTITY -> 1;
      case STEP -> {
        double s = sigmoid(z);
        yield s * (1 - s);
      }
      case SIGN -> {
        double t = Math.tanh(z);
        yield 1 - t * t;
      }
      case RELU -> z > 0 ? 1 : 0;
      case SIGMOID -> y * (1 - y);
      case TANH -> 1 - y * y;
      case SOFTMAX -> throw new IllegalStateException("softmax is a layer activation");
    };
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
