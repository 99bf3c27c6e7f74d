package org.nanosynapse.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Importer of the new-device files of the shared Nb:SrTiO3 data ({@code nbsto-new-device}), from
 * github.com/thomastiotto/Memristor-Models {@code raw_data/pulses/new_device/*_processed.txt}.
 *
 * <p>Tab-separated, no header; columns: read voltage (V), pulse index, current (A), |current| (A).
 * Resistance = |V_read| / |I|. Index 0 is the read after the 60 s SET pulse (not fitted); 1–100
 * follow the 100 RESET pulses (RESET series, n = index); 101–200 follow the 100 SET pulses (SET
 * series, n = index − 100). Amplitudes come from the file name {@code
 * Sp{SET}V_RSm{RESET}V_R{m?READ}mV_processed.txt}; the pulses are "about 100 ms" (source notes).
 */
public final class NbstoNewDeviceReader {
  public static final String FORMAT = "nbsto-new-device";
  /** Pulse width stated in the source's slides: "each pulse is around 100 ms". */
  public static final double PULSE_WIDTH_S = 0.1;
  /** Index of the last RESET pulse; SET pulses follow. */
  public static final int LAST_RESET_INDEX = 100;

  private static final Pattern NAME =
      Pattern.compile("Sp(\\d+(?:\\.\\d+)?)V_RSm(\\d+(?:\\.\\d+)?)V_R(m?)(\\d+)mV.*");

  private NbstoNewDeviceReader() {}

  /** Four numeric tab-separated cells in the first non-blank line. */
  static boolean looksLike(List<String> lines) {
    for (String l : lines) {
      if (l.isBlank()) {
        continue;
      }
      String[] c = l.trim().split("\t");
      if (c.length != 4) {
        return false;
      }
      try {
        for (String s : c) {
          Double.parseDouble(s.trim());
        }
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }

  public static PulseData parse(Path file, List<String> lines, String sha256) {
    String stem = file.getFileName().toString().replaceFirst("(_processed)?\\.txt$", "");
    double setV = Double.NaN;
    double resetV = Double.NaN;
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (m.matches()) {
      setV = Double.parseDouble(m.group(1));
      resetV = -Double.parseDouble(m.group(2));
    }
    List<double[]> reset = new ArrayList<>();
    List<double[]> set = new ArrayList<>();
    int[] firstLine = {0, 0};
    int[] lastLine = {0, 0};
    double readV = Double.NaN;
    String[] names = {"read_voltage", "pulse_index", "current", "abs_current"};
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.isBlank()) {
        continue;
      }
      int ln = i + 1;
      String[] cells = raw.trim().split("\t", -1);
      if (cells.length != 4) {
        throw new DataFormatException(file, ln, null, cells.length + " tab-separated cells, expected 4 (read voltage, index, current, |current|)");
      }
      double v = Cells.number(file, ln, 0, names[0], cells[0]);
      long index = Cells.integer(file, ln, 1, names[1], cells[1]);
      double current = Cells.number(file, ln, 2, names[2], cells[2]);
      double absCurrent = Cells.number(file, ln, 3, names[3], cells[3]);
      if (v == 0) {
        throw new DataFormatException(file, ln, Cells.column(0, names[0]), "read voltage 0 V: resistance undefined");
      }
      if (!(absCurrent > 0)) {
        throw new DataFormatException(file, ln, Cells.column(3, names[3]), "|current| must be > 0, got " + cells[3].trim());
      }
      if (Math.abs(Math.abs(current) - absCurrent) > 1e-9 * absCurrent + 1e-30) {
        throw new DataFormatException(file, ln, Cells.column(3, names[3]), "|current| differs from |current column 3|");
      }
      if (index < 0 || index > 2L * LAST_RESET_INDEX) {
        throw new DataFormatException(file, ln, Cells.column(1, names[1]), "pulse index must be 0.." + 2 * LAST_RESET_INDEX + ", got " + index);
      }
      readV = v;
      double r = Math.abs(v) / absCurrent;
      if (index == 0) {
        continue; // the read after the 60 s SET: the starting state, not part of either train
      }
      boolean isReset = index <= LAST_RESET_INDEX;
      double n = isReset ? index : index - LAST_RESET_INDEX;
      List<double[]> target = isReset ? reset : set;
      int b = isReset ? 0 : 1;
      if (!target.isEmpty() && n <= target.get(target.size() - 1)[0]) {
        throw new DataFormatException(file, ln, Cells.column(1, names[1]), "pulse index must increase");
      }
      if (firstLine[b] == 0) {
        firstLine[b] = ln;
      }
      lastLine[b] = ln;
      target.add(new double[] {n, r});
    }
    if (reset.isEmpty() && set.isEmpty()) {
      throw new DataFormatException(file, 0, null, "no data rows");
    }
    List<PulseSeries> series = new ArrayList<>();
    String device = "nbsto-10um-0.1wt%";
    if (!reset.isEmpty()) {
      series.add(make(stem + "/reset", device, Branch.RESET, resetV, readV, reset,
          file.getFileName() + " lines " + firstLine[0] + "-" + lastLine[0]));
    }
    if (!set.isEmpty()) {
      series.add(make(stem + "/set", device, Branch.SET, setV, readV, set,
          file.getFileName() + " lines " + firstLine[1] + "-" + lastLine[1]));
    }
    return new PulseData(file, FORMAT, sha256, series, List.of());
  }

  private static PulseSeries make(String name, String device, Branch b, double ampV, double readV, List<double[]> pts, String src) {
    double[] n = new double[pts.size()];
    double[] r = new double[pts.size()];
    for (int i = 0; i < n.length; i++) {
      n[i] = pts.get(i)[0];
      r[i] = pts.get(i)[1];
    }
    return new PulseSeries(name, device, b, ampV, PULSE_WIDTH_S, readV, n, r, src);
  }
}
