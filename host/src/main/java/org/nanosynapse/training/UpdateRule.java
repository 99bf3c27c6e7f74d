package org.nanosynapse.training;

import java.util.Locale;

/** How an in-place memristive update turns a desired weight change into pulses. */
public enum UpdateRule {
  /**
   * Turns the desired Δw into a pulse count from the device's own known state and parameters (at
   * most {@code maxPulsesPerStep}); the default.
   */
  DEVICE_AWARE,
  /**
   * The published rule (Tiotto et al. 2021, mPES): only the sign of Δw, one SET pulse to the + or −
   * device per synapse per step, nothing inside a dead-zone |Δw| ≤ threshold.
   */
  SIGN_ONLY;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static UpdateRule parse(String s) {
    String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (UpdateRule r : values()) {
      if (r.label().equals(k)) {
        return r;
      }
    }
    if (k.equals("sign") || k.equals("published") || k.equals("mpes")) {
      return SIGN_ONLY;
    }
    throw new IllegalArgumentException("rule: unknown update rule '" + s + "' (device-aware, sign-only)");
  }
}
