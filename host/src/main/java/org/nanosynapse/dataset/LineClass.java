package org.nanosynapse.dataset;

import java.util.Locale;

/** The classes of the line-orientation task. */
public enum LineClass {
  /** One full row lit. */
  HORIZONTAL,
  /** One full column lit. */
  VERTICAL,
  /** Nothing lit (only noise). */
  NO_LINE,
  /** One full row and one full column lit (a cross). */
  BOTH;

  /** Lower-case name used in files and on the command line ("horizontal", "no-line"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@link #label()} (case-insensitive, '_' or '-'). */
  public static LineClass parse(String s) {
    for (LineClass c : values()) {
      if (c.label().equalsIgnoreCase(s.trim().replace('_', '-'))) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "class: unknown line class '" + s + "' (horizontal, vertical, no-line, both)");
  }
}
