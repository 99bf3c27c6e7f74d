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
import java.util.Map;
import java.util.Set;

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
    CsvHeader header = CsvHeader.read(file, lines, Set.of("board_id", "adc_code", "adc_bits"),
        Map.of("series_resistor", Units.RESISTANCE, "reference", Units.RESISTANCE,
            "read_voltage", Units.VOLTAGE, "adc_reference", Units.VOLTAGE),
        List.of("board_id", "series_resistor", "read_voltage", "adc_reference", "adc_code"));
    List<AdcReading> out = new ArrayList<>();
    Map<String, AdcReading> firstOfBoard = new HashMap<>();
    for (int i = header.line; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.isBlank() || raw.trim().startsWith("#")) {
        continue;
      }
      int ln = i + 1;
      String[] cells = header.cells(file, ln, raw);
      int bc = header.column("board_id");
      String board = cells[bc].trim();
      if (board.isEmpty()) {
        throw new DataFormatException(file, ln, Cells.column(bc, "board_id"), "empty board id");
      }
      int bits = 10;
      if (header.has("adc_bits")) {
        int c = header.column("adc_bits");
        bits = (int) Cells.integer(file, ln, c, "adc_bits", cells[c]);
      }
      double rs = header.value(file, ln, cells, "series_resistor");
      double vr = header.value(file, ln, cells, "read_voltage");
      double vref = header.value(file, ln, cells, "adc_reference");
      AdcFrontEnd fe;
      try {
        fe = new AdcFrontEnd(rs, vr, vref, bits);
      } catch (IllegalArgumentException e) {
        throw new DataFormatException(file, ln, null, e.getMessage());
      }
      int cc = header.column("adc_code");
      long code = Cells.integer(file, ln, cc, "adc_code", cells[cc]);
      if (code < 0 || code > fe.maxCode()) {
        throw new DataFormatException(file, ln, Cells.column(cc, "adc_code"), "ADC code must be 0.." + fe.maxCode() + ", got " + code);
      }
      double ref = Double.NaN;
      if (header.has("reference") && !cells[header.column("reference")].isBlank()) {
        ref = header.value(file, ln, cells, "reference");
        if (!(ref > 0)) {
          throw new DataFormatException(file, ln, Cells.column(header.column("reference"), "reference"), "reference resistance must be > 0, got " + cells[header.column("reference")].trim());
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
}
