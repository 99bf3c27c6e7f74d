package org.nanosynapse.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.io.AtomicFiles;

/**
 * Data sets as CSV: a first line {@code # nanosynapse-dataset v1 rows=R cols=C
 * classes=horizontal;vertical}, a header {@code label,p0_0,p0_1,...} (pixel row_col), then one image
 * per line: its class name and its pixel values. Reading errors name the file, line and field.
 */
public final class DatasetCsv {
  public static final String MAGIC = "# nanosynapse-dataset v1";

  private DatasetCsv() {}

  public static void write(Dataset d, Path file) {
    StringBuilder sb = new StringBuilder(d.size() * (d.pixels() * 3 + 12) + 200);
    sb.append(MAGIC).append(" rows=").append(d.rows()).append(" cols=").append(d.cols()).append(" classes=");
    sb.append(String.join(";", d.classes().stream().map(LineClass::label).toList())).append('\n');
    sb.append("label");
    for (int r = 0; r < d.rows(); r++) {
      for (int c = 0; c < d.cols(); c++) {
        sb.append(",p").append(r).append('_').append(c);
      }
    }
    sb.append('\n');
    for (int i = 0; i < d.size(); i++) {
      sb.append(d.classes().get(d.label(i)).label());
      for (double v : d.input(i)) {
        sb.append(',');
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
          sb.append((long) v);
        } else {
          sb.append(v);
        }
      }
      sb.append('\n');
    }
    AtomicFiles.writeString(file, sb.toString());
  }

  public static Dataset read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static Dataset parse(BufferedReader in, String name) throws IOException {
    String first = in.readLine();
    if (first == null || !first.startsWith(MAGIC)) {
      throw bad(name, 1, "header", "expected '" + MAGIC + " rows=.. cols=.. classes=..'");
    }
    int rows = -1;
    int cols = -1;
    List<LineClass> classes = null;
    for (String kv : first.substring(MAGIC.length()).trim().split("\\s+")) {
      int eq = kv.indexOf('=');
      if (eq < 0) {
        throw bad(name, 1, "header", "expected key=value, got '" + kv + "'");
      }
      String key = kv.substring(0, eq);
      String value = kv.substring(eq + 1);
      try {
        switch (key) {
          case "rows" -> rows = Integer.parseInt(value);
          case "cols" -> cols = Integer.parseInt(value);
          case "classes" -> {
            classes = new ArrayList<>();
            for (String s : value.split(";")) {
              classes.add(LineClass.parse(s));
            }
          }
          default -> throw bad(name, 1, key, "unknown header key");
        }
      } catch (NumberFormatException e) {
        throw bad(name, 1, key, "not an integer: '" + value + "'");
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(name)) {
          throw e;
        }
        throw bad(name, 1, key, e.getMessage());
      }
    }
    if (rows < 3 || cols < 3 || classes == null || classes.size() < 2) {
      throw bad(name, 1, "header", "need rows ≥ 3, cols ≥ 3 and at least two classes");
    }
    int n = rows * cols;
    String header = in.readLine();
    if (header == null || header.split(",", -1).length != n + 1 || !header.startsWith("label,")) {
      throw bad(name, 2, "header", "expected 'label' and " + n + " pixel columns");
    }
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    String[] columns = header.split(",", -1);
    String line;
    int lineNo = 2;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != n + 1) {
        throw bad(name, lineNo, "fields", "expected " + (n + 1) + " fields, got " + f.length);
      }
      LineClass c;
      try {
        c = LineClass.parse(f[0]);
      } catch (IllegalArgumentException e) {
        throw bad(name, lineNo, "label", "unknown class '" + f[0] + "'");
      }
      int label = classes.indexOf(c);
      if (label < 0) {
        throw bad(name, lineNo, "label", "class '" + f[0] + "' is not in the header's classes");
      }
      double[] img = new double[n];
      for (int j = 0; j < n; j++) {
        try {
          img[j] = Double.parseDouble(f[j + 1].trim());
        } catch (NumberFormatException e) {
          throw bad(name, lineNo, columns[j + 1], "not a number: '" + f[j + 1] + "'");
        }
        if (!Double.isFinite(img[j])) {
          throw bad(name, lineNo, columns[j + 1], "not a finite number: '" + f[j + 1] + "'");
        }
      }
      x.add(img);
      y.add(label);
    }
    if (x.isEmpty()) {
      throw bad(name, lineNo, "data", "no images");
    }
    return new Dataset(
        rows, cols, classes, x.toArray(new double[0][]), y.stream().mapToInt(Integer::intValue).toArray());
  }

  private static IllegalArgumentException bad(String file, int line, String field, String message) {
    return new IllegalArgumentException(file + ":" + line + ": " + field + ": " + message);
  }
}
