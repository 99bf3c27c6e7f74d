package org.nanosynapse.calibration;

import java.nio.file.Path;

/** Parsing of single cells with the error location (file, line, column) in every message. */
final class Cells {
  private Cells() {}

  static String column(int index, String name) {
    return (index + 1) + (name == null || name.isEmpty() ? "" : " (" + name + ")");
  }

  static double number(Path file, int line, int col, String colName, String cell) {
    String t = cell.trim();
    if (t.isEmpty()) {
      throw new DataFormatException(file, line, column(col, colName), "empty cell, a number is needed");
    }
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new DataFormatException(
          file, line, column(col, colName), "not a number: '" + abbreviate(t) + "'");
    }
    if (!Double.isFinite(v)) {
      throw new DataFormatException(
          file, line, column(col, colName), "not a finite number: '" + abbreviate(t) + "'");
    }
    return v;
  }

  static long integer(Path file, int line, int col, String colName, String cell) {
    double v = number(file, line, col, colName, cell);
    if (v != Math.rint(v) || Math.abs(v) > 1e15) {
      throw new DataFormatException(
          file, line, column(col, colName), "not a whole number: '" + abbreviate(cell.trim()) + "'");
    }
    return (long) v;
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
