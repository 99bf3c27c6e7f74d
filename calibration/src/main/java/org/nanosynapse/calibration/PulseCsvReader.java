package org.nanosynapse.calibration;

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
 * Reader of the project's own pulse-response CSV (format {@code nanosynapse-csv}, version 1).
 *
 * <pre>
 * # comment lines start with '#'; blank lines are ignored
 * device_id,pulse_index,polarity,amplitude [V],width [ms],read_voltage [V],current [A]
 * dev-A,1,reset,-2,100,-0.5,-1.15e-6
 * </pre>
 *
 * <p>Columns, in any order, named in the first non-comment line; a unit in square brackets (or
 * parentheses) is required for physical columns:
 *
 * <ul>
 *   <li>{@code device_id} (text), {@code pulse_index} (integer, increasing within a series),
 *       {@code polarity} ({@code set} or {@code reset});
 *   <li>{@code amplitude} (V, mV), {@code width} (s, ms, us, ns), {@code read_voltage} (V, mV);
 *   <li>exactly one of {@code current} (A, mA, uA, nA, pA; resistance = |V_read| / |I|, the sign
 *       must match the read voltage's) or {@code resistance} (Ohm, kOhm, MOhm, GOhm);
 *   <li>optional {@code time} (s, ms, us, min, h): time of the read after the end of the pulse.
 * </ul>
 *
 * <p>A series is a run of consecutive rows with the same device, polarity and amplitude; its n is
 * {@code pulse_index − first pulse_index of the run + 1}. With a time column, the rows of one
 * device and pulse with several times also form a relaxation series, and the pulse series uses the
 * earliest read of each pulse.
 */
public final class PulseCsvReader {
  public static final String FORMAT = "nanosynapse-csv";

  private static final Pattern HEADER = Pattern.compile("^\\s*([A-Za-z_]+)\\s*(?:[\\[(]\\s*(.*?)\\s*[\\])])?\\s*$");

  private enum Col {
    DEVICE_ID("device_id", null),
    PULSE_INDEX("pulse_index", null),
    POLARITY("polarity", null),
    AMPLITUDE("amplitude", Units.VOLTAGE),
    WIDTH("width", Units.TIME),
    READ_VOLTAGE("read_voltage", Units.VOLTAGE),
    CURRENT("current", Units.CURRENT),
    RESISTANCE("resistance", Units.RESISTANCE),
    TIME("time", Units.TIME);

    final String key;
    final Units units;

    Col(String key, Units units) {
      this.key = key;
      this.units = units;
    }
  }

  private PulseCsvReader() {}

  /** True when the first non-comment line looks like this format's header. */
  static boolean looksLike(List<String> lines) {
    for (String l : lines) {
      String t = l.trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      return t.toLowerCase(Locale.ROOT).startsWith("device_id");
    }
    return false;
  }

  private record Row(
      int line, String device, long pulse, Branch branch, double amplitudeV, double widthS,
      double readV, double resistanceOhm, double timeS) {}

  public static PulseData parse(Path file, List<String> lines, String sha256) {
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
    Map<Col, Integer> index = new LinkedHashMap<>();
    double[] factor = new double[head.length];
    for (int c = 0; c < head.length; c++) {
      Matcher m = HEADER.matcher(head[c]);
      String where = Cells.column(c, head[c].trim());
      if (!m.matches()) {
        throw new DataFormatException(file, headerLine + 1, where, "cannot read header cell, expected 'name [unit]'");
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      String unit = m.group(2);
      Col col = null;
      for (Col k : Col.values()) {
        if (k.key.equals(key)) {
          col = k;
        }
      }
      if (col == null) {
        throw new DataFormatException(file, headerLine + 1, where, "unknown column '" + key + "'");
      }
      if (index.containsKey(col)) {
        throw new DataFormatException(file, headerLine + 1, where, "column '" + key + "' appears twice");
      }
      if (col.units == null) {
        if (unit != null && !unit.isEmpty()) {
          throw new DataFormatException(file, headerLine + 1, where, "column '" + key + "' takes no unit");
        }
        factor[c] = 1;
      } else {
        if (unit == null || unit.isEmpty()) {
          throw new DataFormatException(
              file, headerLine + 1, where, "missing unit, write e.g. '" + key + " [" + col.units.si() + "]'");
        }
        Double f = col.units.factor(unit);
        if (f == null) {
          throw new DataFormatException(
              file, headerLine + 1, where,
              "unknown unit '" + unit + "' (accepted: " + col.units.accepted() + ")");
        }
        factor[c] = f;
      }
      index.put(col, c);
    }
    for (Col required : List.of(Col.DEVICE_ID, Col.PULSE_INDEX, Col.POLARITY, Col.AMPLITUDE, Col.WIDTH, Col.READ_VOLTAGE)) {
      if (!index.containsKey(required)) {
        throw new DataFormatException(file, headerLine + 1, null, "missing column '" + required.key + "'");
      }
    }
    boolean hasCurrent = index.containsKey(Col.CURRENT);
    boolean hasResistance = index.containsKey(Col.RESISTANCE);
    if (hasCurrent == hasResistance) {
      throw new DataFormatException(
          file, headerLine + 1, null,
          hasCurrent ? "give either 'current' or 'resistance', not both" : "missing column 'current' or 'resistance'");
    }
    boolean hasTime = index.containsKey(Col.TIME);

    List<Row> rows = new ArrayList<>();
    for (int i = headerLine + 1; i < lines.size(); i++) {
      String raw = lines.get(i);
      String t = raw.trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int ln = i + 1;
      String[] cells = raw.split(",", -1);
      if (cells.length != head.length) {
        throw new DataFormatException(
            file, ln, null, cells.length + " cells but the header has " + head.length + " columns");
      }
      String device = cells[index.get(Col.DEVICE_ID)].trim();
      if (device.isEmpty()) {
        throw new DataFormatException(file, ln, Cells.column(index.get(Col.DEVICE_ID), "device_id"), "empty device id");
      }
      int pc = index.get(Col.PULSE_INDEX);
      long pulse = Cells.integer(file, ln, pc, "pulse_index", cells[pc]);
      int polc = index.get(Col.POLARITY);
      Branch branch = Branch.parseOrNull(cells[polc]);
      if (branch == null) {
        throw new DataFormatException(
            file, ln, Cells.column(polc, "polarity"),
            "polarity must be 'set' or 'reset', got '" + Cells.abbreviate(cells[polc].trim()) + "'");
      }
      double amp = value(file, ln, index, factor, cells, Col.AMPLITUDE);
      double width = value(file, ln, index, factor, cells, Col.WIDTH);
      if (!(width > 0)) {
        throw new DataFormatException(file, ln, Cells.column(index.get(Col.WIDTH), "width"), "width must be > 0, got " + width);
      }
      double readV = value(file, ln, index, factor, cells, Col.READ_VOLTAGE);
      double r;
      if (hasResistance) {
        r = value(file, ln, index, factor, cells, Col.RESISTANCE);
        if (!(r > 0)) {
          throw new DataFormatException(
              file, ln, Cells.column(index.get(Col.RESISTANCE), "resistance"), "resistance must be > 0, got " + cells[index.get(Col.RESISTANCE)].trim());
        }
      } else {
        double current = value(file, ln, index, factor, cells, Col.CURRENT);
        String where = Cells.column(index.get(Col.CURRENT), "current");
        if (readV == 0) {
          throw new DataFormatException(file, ln, Cells.column(index.get(Col.READ_VOLTAGE), "read_voltage"),
              "read voltage 0 V: resistance from current is undefined");
        }
        if (current == 0) {
          throw new DataFormatException(file, ln, where, "current 0 A: resistance would be infinite");
        }
        if (Math.signum(current) != Math.signum(readV)) {
          throw new DataFormatException(file, ln, where,
              "current sign opposite to the read voltage's: negative resistance");
        }
        r = readV / current;
      }
      double time = Double.NaN;
      if (hasTime) {
        time = value(file, ln, index, factor, cells, Col.TIME);
        if (!(time > 0)) {
          throw new DataFormatException(file, ln, Cells.column(index.get(Col.TIME), "time"), "time must be > 0, got " + time);
        }
      }
      rows.add(new Row(ln, device, pulse, branch, amp, width, readV, r, time));
    }
    if (rows.isEmpty()) {
      throw new DataFormatException(file, 0, null, "no data rows");
    }
    return new PulseData(file, FORMAT, sha256, buildSeries(file, rows), buildRelaxations(file, rows, hasTime));
  }

  private static double value(Path file, int ln, Map<Col, Integer> index, double[] factor, String[] cells, Col col) {
    int c = index.get(col);
    return Cells.number(file, ln, c, col.key, cells[c]) * factor[c];
  }

  private static List<PulseSeries> buildSeries(Path file, List<Row> rows) {
    // Earliest read of each (device, pulse): with a time column a pulse has several reads.
    List<Row> firstReads = new ArrayList<>();
    Map<String, Row> seen = new HashMap<>();
    for (Row r : rows) {
      String key = r.device + "\u0000" + r.pulse;
      Row prev = seen.get(key);
      if (prev == null) {
        seen.put(key, r);
        firstReads.add(r);
      } else if (prev.branch != r.branch || prev.amplitudeV != r.amplitudeV) {
        throw new DataFormatException(file, r.line, null,
            "pulse " + r.pulse + " of device " + r.device + " already had polarity/amplitude on line " + prev.line);
      } else if (Double.isNaN(r.timeS)) {
        throw new DataFormatException(file, r.line, null, "pulse " + r.pulse + " of device " + r.device
            + " was already read on line " + prev.line + " (several reads of one pulse need a time column)");
      } else if (r.timeS < prev.timeS) {
        firstReads.set(firstReads.indexOf(prev), r);
        seen.put(key, r);
      }
    }
    List<PulseSeries> out = new ArrayList<>();
    Map<String, Integer> nameCount = new HashMap<>();
    int start = 0;
    for (int i = 1; i <= firstReads.size(); i++) {
      Row s = firstReads.get(start);
      boolean sameRun = i < firstReads.size()
          && firstReads.get(i).device.equals(s.device)
          && firstReads.get(i).branch == s.branch
          && firstReads.get(i).amplitudeV == s.amplitudeV;
      if (sameRun) {
        if (firstReads.get(i).pulse <= firstReads.get(i - 1).pulse) {
          throw new DataFormatException(file, firstReads.get(i).line, null,
              "pulse_index must increase within a series (previous " + firstReads.get(i - 1).pulse + ")");
        }
        continue;
      }
      List<Row> run = firstReads.subList(start, i);
      double[] n = new double[run.size()];
      double[] r = new double[run.size()];
      for (int k = 0; k < run.size(); k++) {
        n[k] = run.get(k).pulse - s.pulse + 1;
        r[k] = run.get(k).resistanceOhm;
      }
      String base = s.device + "/" + s.branch.label() + "@" + formatVolts(s.amplitudeV);
      int count = nameCount.merge(base, 1, Integer::sum);
      String name = count == 1 ? base : base + "#" + count;
      out.add(new PulseSeries(name, s.device, s.branch, s.amplitudeV, s.widthS, s.readV, n, r,
          file.getFileName() + " lines " + run.get(0).line + "-" + run.get(run.size() - 1).line));
      start = i;
    }
    return out;
  }

  private static List<RelaxationSeries> buildRelaxations(Path file, List<Row> rows, boolean hasTime) {
    if (!hasTime) {
      return List.of();
    }
    Map<String, List<Row>> byPulse = new LinkedHashMap<>();
    for (Row r : rows) {
      byPulse.computeIfAbsent(r.device + "\u0000" + r.pulse, k -> new ArrayList<>()).add(r);
    }
    List<RelaxationSeries> out = new ArrayList<>();
    for (List<Row> reads : byPulse.values()) {
      if (reads.size() < 3) {
        continue; // fewer than 3 reads cannot support a 3-parameter law
      }
      reads.sort((a, b) -> Double.compare(a.timeS, b.timeS));
      double[] t = new double[reads.size()];
      double[] r = new double[reads.size()];
      for (int k = 0; k < reads.size(); k++) {
        if (k > 0 && reads.get(k).timeS == reads.get(k - 1).timeS) {
          throw new DataFormatException(file, reads.get(k).line, null, "two reads at the same time after pulse " + reads.get(k).pulse);
        }
        t[k] = reads.get(k).timeS;
        r[k] = reads.get(k).resistanceOhm;
      }
      Row f = reads.get(0);
      out.add(new RelaxationSeries(f.device + "/pulse" + f.pulse + "/relaxation", f.device, f.pulse, t, r,
          file.getFileName() + " " + reads.size() + " reads"));
    }
    return out;
  }

  static String formatVolts(double v) {
    if (Double.isNaN(v)) {
      return "?V";
    }
    String s = String.format(Locale.ROOT, "%+.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    return s + "V";
  }
}
