package org.nanosynapse.calibration;

import java.util.Locale;

/**
 * Which branch of the pulse response a series belongs to. Polarity convention of the measured
 * Nb:SrTiO3 devices: positive pulses SET (resistance falls), negative pulses RESET (resistance
 * rises).
 */
public enum Branch {
  SET,
  RESET;

  /** Lower-case name used in files and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code set} / {@code reset} (any case); null when the text is neither. */
  public static Branch parseOrNull(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "set", "potentiation", "+" -> SET;
      case "reset", "depression", "-" -> RESET;
      default -> null;
    };
  }
}
