package org.nanosynapse.device;

/**
 * Direction of a programming pulse on an Nb:SrTiO3 interface memristor.
 *
 * <p>Convention of the measured data (physics-and-sources.md §2): positive pulses SET (potentiation, R falls,
 * power-law exponent a &lt; 0); negative pulses RESET (depression, R rises, a &gt; 0).
 */
public enum Polarity {
  /** Positive pulse; resistance falls. Power-law exponent must be negative. */
  SET,
  /** Negative pulse; resistance rises. Power-law exponent must be positive. */
  RESET;

  /** +1 for SET (positive amplitude), −1 for RESET (negative amplitude). */
  public int amplitudeSign() {
    return this == SET ? 1 : -1;
  }

  /** Parses "SET"/"RESET" case-insensitively; throws naming the field otherwise. */
  public static Polarity parse(String text, String field) {
    if (text != null) {
      for (Polarity p : values()) {
        if (p.name().equalsIgnoreCase(text.trim())) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(field + ": expected SET or RESET, got '" + text + "'");
  }
}
