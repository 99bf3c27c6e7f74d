package org.nanosynapse.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader of ADC readings CSV (format {@code nanosynapse-adc-readings}, version 1):
 *
 * <pre>
 * # comments start with '#'
 * board_id,series_resistor [kOhm],read_voltage [V],adc_reference [V],adc_code,reference [Ohm]
 * nano-1,100,5,5,93,1.0e4
 * </pre>
 *
 * <p>Columns in any order: {@code board_id}, {@code series_resistor} (Ohm, kOhm, MOhm), {@code
 * read_voltage} (V, mV), {@code adc_reference} (V, mV), {@code adc_code} (integer 0..1023), optional
 * {@code reference} (Ohm, kOhm, MOhm, GOhm; the known resistor; required to fit a calibration) and
 * optional {@code adc_bits} (default 10). The front-end values must be the same on every row of one
 * board.
 */
public final class AdcReadingsReader {
  private static final Pattern HEADER = Pattern.compile("^\\s*([A-Za-z_]+)\\s*(?:[\\[(]\\s*(.*?)\\s*[\\])])?\\s*$");

  private AdcReadingsReader() {}

  /** The readings and the SHA-256 of the bytes read. */
  public record Readings(Path file, String sha256, List<AdcReading> readings) {
    public Readings {
      readings = List.copyOf(readings);
    }

    /** Readings grouped by board, in file order. */
    public Map<String, List<AdcReading>> byBoard() {
      Map<String, List<AdcReading>> m = new LinkedHashMap<>();
      readings.forEach(r -> m.computeIfAbsent(r.boardId(), k -> new ArrayList<>()).add(r));
      return m;
    }
  }

  public static Readings read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(file, bytes);
  }

  public static Readings parse(Path file, byte[] bytes) {
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
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
    Map<String, Integer> col = new HashMap<>();
    double[] factor = new double[head.length];
    for (int c = 0; c < head.length; c++) {
      String where = Cells.column(c, head[c].trim());
      Matcher m = HEADER.matcher(head[c]);
      if (!m.matches()) {
        throw new DataFormatException(file, headerLine + 1, where, "cannot read header cell, expected 'name [unit]'");
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      String unit = m.group(2) == null ? "" : m.group(2);
      Units units = switch (key) {
        case "series_resistor", "reference" -> Units.RESISTANCE;
        case "read_voltage", "adc_reference" -> Units.VOLTAGE;
        case "board_id", "adc_code", "adc_bits" -> null;
        default -> throw new DataFormatException(file, headerLine + 1, where, "unknown column '" + key + "'");
      };
      if (col.put(key, c) != null) {
        throw new DataFormatException(file, headerLine + 1, where, "column '" + key + "' appears twice");
      }
      if (units == null) {
        if (!unit.isEmpty()) {
          throw new DataFormatException(file, headerLine + 1, where, "column '" + key + "' takes no unit");
        }
        factor[c] = 1;
      } else {
        if (unit.isEmpty()) {
          throw new DataFormatException(file, headerLine + 1, where, "missing unit, write e.g. '" + key + " [" + units.si() + "]'");
        }
        Double f = units.factor(unit);
        if (f == null) {
          throw new DataFormatException(file, headerLine + 1, where, "unknown unit '" + unit + "' (accepted: " + units.accepted() + ")");
        }
        factor[c] = f;
      }
    }
    for (String req : List.of("board_id", "series_resistor", "read_voltage", "adc_reference", "adc_code")) {
      if (!col.containsKey(req)) {
        throw new DataFormatException(file, headerLine + 1, null, "missing column '" + req + "'");
      }
    }
    List<AdcReading> out = new ArrayList<>();
    Map<String, AdcReading> firstOfBoard = new HashMap<>();
    for (int i = headerLine + 1; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.isBlank() || raw.trim().startsWith("#")) {
        continue;
      }
      int ln = i + 1;
      String[] cells = raw.split(",", -1);
      if (cells.length != head.length) {
        throw new DataFormatException(file, ln, null, cells.length + " cells but the header has " + head.length + " columns");
      }
      int bc = col.get("board_id");
      String board = cells[bc].trim();
      if (board.isEmpty()) {
        throw new DataFormatException(file, ln, Cells.column(bc, "board_id"), "empty board id");
      }
      int bits = 10;
      if (col.containsKey("adc_bits")) {
        int c = col.get("adc_bits");
        bits = (int) Cells.integer(file, ln, c, "adc_bits", cells[c]);
      }
      double rs = value(file, ln, col, factor, cells, "series_resistor");
      double vr = value(file, ln, col, factor, cells, "read_voltage");
      double vref = value(file, ln, col, factor, cells, "adc_reference");
      AdcFrontEnd fe;
      try {
        fe = new AdcFrontEnd(rs, vr, vref, bits);
      } catch (IllegalArgumentException e) {
        throw new DataFormatException(file, ln, null, e.getMessage());
      }
      int cc = col.get("adc_code");
      long code = Cells.integer(file, ln, cc, "adc_code", cells[cc]);
      if (code < 0 || code > fe.maxCode()) {
        throw new DataFormatException(file, ln, Cells.column(cc, "adc_code"), "ADC code must be 0.." + fe.maxCode() + ", got " + code);
      }
      double ref = Double.NaN;
      if (col.containsKey("reference") && !cells[col.get("reference")].isBlank()) {
        ref = value(file, ln, col, factor, cells, "reference");
        if (!(ref > 0)) {
          throw new DataFormatException(file, ln, Cells.column(col.get("reference"), "reference"), "reference resistance must be > 0, got " + cells[col.get("reference")].trim());
        }
      }
      AdcReading r = new AdcReading(board, fe, (int) code, ref, ln);
      AdcReading first = firstOfBoard.putIfAbsent(board, r);
      if (first != null && !first.frontEnd().equals(fe)) {
        throw new DataFormatException(file, ln, null,
            "front-end values of board " + board + " differ from line " + first.line() + " (one board, one circuit)");
      }
      out.add(r);
    }
    if (out.isEmpty()) {
      throw new DataFormatException(file, 0, null, "no data rows");
    }
    return new Readings(file, PulseDataReader.sha256(bytes), out);
  }

  private static double value(Path file, int ln, Map<String, Integer> col, double[] factor, String[] cells, String key) {
    int c = col.get(key);
    return Cells.number(file, ln, c, key, cells[c]) * factor[c];
  }
}
