package org.nanosynapse.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Importer of the old-device file of the shared Nb:SrTiO3 data ({@code nbsto-old-device}), from
 * github.com/thomastiotto/Memristor-Models {@code raw_data/pulses/old_device/}.
 *
 * <p>Tab-separated. Line 1: {@code --} then one SET amplitude per column ({@code "1 V"} …
 * {@code "0.1 V"}); line 2: {@code pulse number} then {@code Resistance (Ohm)} per column; then
 * rows of pulse number 1–20 and one resistance per column. Pulses 1–10 are RESET pulses (n = pulse
 * number), pulses 11–20 SET pulses of the column's amplitude (n = pulse number − 10, so n = 1 is
 * the read after the first SET pulse). The RESET amplitude and read voltage come from the file
 * name ({@code reset-m4V_..._read-m1V_...}); the pulse width is not given in the source (NaN).
 */
public final class NbstoOldDeviceReader {
  public static final String FORMAT = "nbsto-old-device";
  /** Number of RESET pulses before the SET pulses in this protocol. */
  public static final int RESET_PULSES = 10;

  private static final Pattern AMPLITUDE = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(m?V)\\s*");
  private static final Pattern RESET_NAME = Pattern.compile(".*reset-(m?)(\\d+(?:\\.\\d+)?)V.*");
  private static final Pattern READ_NAME = Pattern.compile(".*read-(m?)(\\d+(?:\\.\\d+)?)V.*");

  private NbstoOldDeviceReader() {}

  static boolean looksLike(List<String> lines) {
    return !lines.isEmpty() && lines.get(0).startsWith("--\t");
  }

  public static PulseData parse(Path file, List<String> lines, String sha256) {
    if (lines.size() < 3) {
      throw new DataFormatException(file, lines.size(), null, "expected two header lines and data rows");
    }
    String[] head = lines.get(0).split("\t", -1);
    int columns = head.length - 1;
    if (columns < 1) {
      throw new DataFormatException(file, 1, null, "no amplitude columns in the first header line");
    }
    double[] setV = new double[columns];
    for (int c = 1; c < head.length; c++) {
      Matcher m = AMPLITUDE.matcher(head[c]);
      if (!m.matches()) {
        throw new DataFormatException(file, 1, Cells.column(c, head[c].trim()), "expected an amplitude like '0.5 V'");
      }
      double f = m.group(2).equals("mV") ? 1e-3 : 1.0;
      setV[c - 1] = Double.parseDouble(m.group(1)) * f;
    }
    String[] units = lines.get(1).split("\t", -1);
    if (units.length != head.length) {
      throw new DataFormatException(file, 2, null, units.length + " cells but line 1 has " + head.length);
    }
    for (int c = 1; c < units.length; c++) {
      String u = units[c].trim().toLowerCase(Locale.ROOT);
      if (!u.equals("resistance (ohm)")) {
        throw new DataFormatException(file, 2, Cells.column(c, units[c].trim()), "unknown unit, expected 'Resistance (Ohm)'");
      }
    }
    String fn = file.getFileName().toString();
    double resetV = signed(RESET_NAME, fn);
    double readV = signed(READ_NAME, fn);

    List<List<double[]>> reset = new ArrayList<>();
    List<List<double[]>> set = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      reset.add(new ArrayList<>());
      set.add(new ArrayList<>());
    }
    long lastPulse = 0;
    for (int i = 2; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.isBlank()) {
        continue;
      }
      int ln = i + 1;
      String[] cells = raw.split("\t", -1);
      if (cells.length != head.length) {
        throw new DataFormatException(file, ln, null, cells.length + " cells but the header has " + head.length);
      }
      long pulse = Cells.integer(file, ln, 0, "pulse number", cells[0]);
      if (pulse <= lastPulse) {
        throw new DataFormatException(file, ln, Cells.column(0, "pulse number"), "pulse number must increase");
      }
      lastPulse = pulse;
      for (int c = 1; c < cells.length; c++) {
        String colName = head[c].trim();
        double r = Cells.number(file, ln, c, colName, cells[c]);
        if (!(r > 0)) {
          throw new DataFormatException(file, ln, Cells.column(c, colName), "resistance must be > 0, got " + cells[c].trim());
        }
        if (pulse <= RESET_PULSES) {
          reset.get(c - 1).add(new double[] {pulse, r});
        } else {
          set.get(c - 1).add(new double[] {pulse - RESET_PULSES, r});
        }
      }
    }
    List<PulseSeries> out = new ArrayList<>();
    String stem = fn.replaceFirst("\\.[^.]*$", "");
    for (int c = 0; c < columns; c++) {
      String amp = PulseCsvReader.formatVolts(setV[c]);
      if (!reset.get(c).isEmpty()) {
        out.add(series(stem + "/reset-before-set" + amp, Branch.RESET, resetV, readV, reset.get(c), fn));
      }
      if (!set.get(c).isEmpty()) {
        out.add(series(stem + "/set" + amp, Branch.SET, setV[c], readV, set.get(c), fn));
      }
    }
    return new PulseData(file, FORMAT, sha256, out, List.of());
  }

  private static double signed(Pattern p, String name) {
    Matcher m = p.matcher(name);
    if (!m.matches()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(m.group(2));
    return m.group(1).isEmpty() ? v : -v;
  }

  private static PulseSeries series(String name, Branch b, double ampV, double readV, List<double[]> pts, String fn) {
    double[] n = new double[pts.size()];
    double[] r = new double[pts.size()];
    for (int i = 0; i < n.length; i++) {
      n[i] = pts.get(i)[0];
      r[i] = pts.get(i)[1];
    }
    return new PulseSeries(name, "nbsto-old-device", b, ampV, Double.NaN, readV, n, r, fn + " column " + PulseCsvReader.formatVolts(ampV));
  }
}
