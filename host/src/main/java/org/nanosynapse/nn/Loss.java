package org.nanosynapse.nn;

import java.util.Locale;

/** Training losses. Cross-entropy needs a sigmoid or softmax output layer. */
public enum Loss {
  /** ½ Σ (y − t)². */
  QUADRATIC,
  /** Softmax output: −log y_label; sigmoid output: −Σ [t log y + (1 − t) log(1 − y)]. */
  CROSS_ENTROPY;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Loss parse(String s) {
    String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (k) {
      case "quadratic", "mse" -> QUADRATIC;
      case "cross-entropy", "ce", "crossentropy" -> CROSS_ENTROPY;
      default -> throw new IllegalArgumentException("loss: unknown loss '" + s + "' (quadratic, cross-entropy)");
    };
  }
}
