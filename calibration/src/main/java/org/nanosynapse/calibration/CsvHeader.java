package org.nanosynapse.calibration;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of the project's own CSV formats (pulse responses, ADC readings): the first line that is neither blank
 * nor a '#' comment, one cell {@code name [unit]} (or {@code name (unit)}) per column in any order. Physical columns
 * need a unit, the others take none; each column's values are turned into SI by the unit's factor.
 */
final class CsvHeader {
  private static final Pattern CELL = Pattern.compile("^\\s*([A-Za-z_]+)\\s*(?:[\\[(]\\s*(.*?)\\s*[\\])])?\\s*$");

  /** 1-based line number of the header. */
  final int line;
  private final int columnCount;
  private final Map<String, Integer> index;
  private final double[] factor;

  private CsvHeader(int line, int columnCount, Map<String, Integer> index, double[] factor) {
    this.line = line;
    this.columnCount = columnCount;
    this.index = index;
    this.factor = factor;
  }

  /**
   * Finds and reads the header of {@code lines}. {@code plain}: the columns without a unit; {@code physical}: the
   * columns with one, and which units they accept; {@code required}: the columns that must be there, in the order
   * they are asked for.
   */
  static CsvHeader read(Path file, List<String> lines, Set<String> plain, Map<String, Units> physical,
      List<String> required) {
    int headerLine = -1;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (!t.isEmpty() && !t.startsWith("#")) {
        headerLine = i;
        break;
      }
    }
    if (headerLine < 0) {
      throw new DataFormatException(file, 0, null, "no header line and no data");
    }
    String[] head = lines.get(headerLine).split(",", -1);
    Map<String, Integer> index = new HashMap<>();
    double[] factor = new double[head.length];
    for (int c = 0; c < head.length; c++) {
      String where = Cells.column(c, head[c].trim());
      Matcher m = CELL.matcher(head[c]);
      if (!m.matches()) {
        throw new DataFormatException(file, headerLine + 1, where, "cannot read header cell, expected 'name [unit]'");
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      String unit = m.group(2) == null ? "" : m.group(2);
      Units units = physical.get(key);
      if (units == null && !plain.contains(key)) {
        throw new DataFormatException(file, headerLine + 1, where, "unknown column '" + key + "'");
      }
      if (index.put(key, c) != null) {
        throw new DataFormatException(file, headerLine + 1, where, "column '" + key + "' appears twice");
      }
      if (units == null) {
        if (!unit.isEmpty()) {
          throw new DataFormatException(file, headerLine + 1, where, "column '" + key + "' takes no unit");
        }
        factor[c] = 1;
      } else {
        if (unit.isEmpty()) {
          throw new DataFormatException(
              file, headerLine + 1, where, "missing unit, write e.g. '" + key + " [" + units.si() + "]'");
        }
        Double f = units.factor(unit);
        if (f == null) {
          throw new DataFormatException(
              file, headerLine + 1, where, "unknown unit '" + unit + "' (accepted: " + units.accepted() + ")");
        }
        factor[c] = f;
      }
    }
    for (String req : required) {
      if (!index.containsKey(req)) {
        throw new DataFormatException(file, headerLine + 1, null, "missing column '" + req + "'");
      }
    }
    return new CsvHeader(headerLine + 1, head.length, index, factor);
  }

  boolean has(String key) {
    return index.containsKey(key);
  }

  /** 0-based column of {@code key}, which must be present. */
  int column(String key) {
    return index.get(key);
  }

  /** The cells of data line {@code ln} (1-based): exactly one per header column. */
  String[] cells(Path file, int ln, String raw) {
    String[] cells = raw.split(",", -1);
    if (cells.length != columnCount) {
      throw new DataFormatException(file, ln, null, cells.length + " cells but the header has " + columnCount + " columns");
    }
    return cells;
  }

  /** The number in column {@code key} of a data row, in SI. */
  double value(Path file, int ln, String[] cells, String key) {
    int c = index.get(key);
    return Cells.number(file, ln, c, key, cells[c]) * factor[c];
  }
}
