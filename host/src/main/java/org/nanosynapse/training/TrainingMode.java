package org.nanosynapse.training;

import java.util.Locale;

/** The three ways to train the same network. */
public enum TrainingMode {
  /** Floating-point weights. */
  IDEAL,
  /** Every weight a differential device pair, updated by pulses during training. */
  IN_PLACE,
  /** Train ideal, then program the pairs to the trained weights by closed-loop write-and-verify. */
  WRITE_VERIFY;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public boolean memristive() {
    return this != IDEAL;
  }

  public static TrainingMode parse(String s) {
    String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (TrainingMode m : values()) {
      if (m.label().equals(k)) {
        return m;
      }
    }
    if (k.equals("in-situ") || k.equals("memristive")) {
      return IN_PLACE;
    }
    throw new IllegalArgumentException("mode: unknown mode '" + s + "' (ideal, in-place, write-verify)");
  }
}
