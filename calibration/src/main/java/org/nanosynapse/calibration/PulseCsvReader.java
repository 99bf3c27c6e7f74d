package org.nanosynapse.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  private static final Set<String> PLAIN_COLUMNS =
      Stream.of(Col.values()).filter(k -> k.units == null).map(k -> k.key).collect(Collectors.toUnmodifiableSet());
  private static final Map<String, Units> PHYSICAL_COLUMNS = Stream.of(Col.values()).filter(k -> k.units != null)
      .collect(Collectors.toUnmodifiableMap(k -> k.key, k -> k.units));

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
    CsvHeader header = CsvHeader.read(file, lines, PLAIN_COLUMNS, PHYSICAL_COLUMNS, Stream.of(
        Col.DEVICE_ID, Col.PULSE_INDEX, Col.POLARITY, Col.AMPLITUDE, Col.WIDTH, Col.READ_VOLTAGE).map(k -> k.key).toList());
    boolean hasCurrent = header.has(Col.CURRENT.key);
    boolean hasResistance = header.has(Col.RESISTANCE.key);
    if (hasCurrent == hasResistance) {
      throw new DataFormatException(
          file, header.line, null,
          hasCurrent ? "give either 'current' or 'resistance', not both" : "missing column 'current' or 'resistance'");
    }
    boolean hasTime = header.has(Col.TIME.key);

    List<Row> rows = new ArrayList<>();
    for (int i = header.line; i < lines.size(); i++) {
      String raw = lines.get(i);
      String t = raw.trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int ln = i + 1;
      String[] cells = header.cells(file, ln, raw);
      String device = cells[header.column(Col.DEVICE_ID.key)].trim();
      if (device.isEmpty()) {
        throw new DataFormatException(file, ln, Cells.column(header.column(Col.DEVICE_ID.key), "device_id"), "empty device id");
      }
      int pc = header.column(Col.PULSE_INDEX.key);
      long pulse = Cells.integer(file, ln, pc, "pulse_index", cells[pc]);
      int polc = header.column(Col.POLARITY.key);
      Branch branch = Branch.parseOrNull(cells[polc]);
      if (branch == null) {
        throw new DataFormatException(
            file, ln, Cells.column(polc, "polarity"),
            "polarity must be 'set' or 'reset', got '" + Cells.abbreviate(cells[polc].trim()) + "'");
      }
      double amp = header.value(file, ln, cells, Col.AMPLITUDE.key);
      double width = header.value(file, ln, cells, Col.WIDTH.key);
      if (!(width > 0)) {
        throw new DataFormatException(file, ln, Cells.column(header.column(Col.WIDTH.key), "width"), "width must be > 0, got " + width);
      }
      double readV = header.value(file, ln, cells, Col.READ_VOLTAGE.key);
      double r;
      if (hasResistance) {
        r = header.value(file, ln, cells, Col.RESISTANCE.key);
        if (!(r > 0)) {
          throw new DataFormatException(
              file, ln, Cells.column(header.column(Col.RESISTANCE.key), "resistance"), "resistance must be > 0, got " + cells[header.column(Col.RESISTANCE.key)].trim());
        }
      } else {
        double current = header.value(file, ln, cells, Col.CURRENT.key);
        String where = Cells.column(header.column(Col.CURRENT.key), "current");
        if (readV == 0) {
          throw new DataFormatException(file, ln, Cells.column(header.column(Col.READ_VOLTAGE.key), "read_voltage"),
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
        time = header.value(file, ln, cells, Col.TIME.key);
        if (!(time > 0)) {
          throw new DataFormatException(file, ln, Cells.column(header.column(Col.TIME.key), "time"), "time must be > 0, got " + time);
        }
      }
      rows.add(new Row(ln, device, pulse, branch, amp, width, readV, r, time));
    }
    if (rows.isEmpty()) {
      throw new DataFormatException(file, 0, null, "no data rows");
    }
    return new PulseData(file, FORMAT, sha256, buildSeries(file, rows), buildRelaxations(file, rows, hasTime));
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
