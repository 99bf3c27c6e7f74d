package org.nanosynapse.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A results file written as the run goes: each record is one line, appended and flushed at once,
 * so a crash keeps every record before it. CSV files get their header when created; JSON-lines
 * files take any Jackson-serialisable value per line.
 */
public final class AppendLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final BufferedWriter out;
  private final int csvColumns;

  private AppendLog(Path file, BufferedWriter out, int csvColumns) {
    this.file = file;
    this.out = out;
    this.csvColumns = csvColumns;
  }

  static AppendLog csv(Path file, List<String> header) {
    AppendLog log = new AppendLog(file, open(file), header.size());
    log.appendLine(String.join(",", header));
    return log;
  }

  static AppendLog jsonLines(Path file) {
    return new AppendLog(file, open(file), -1);
  }

  private static BufferedWriter open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.newBufferedWriter(
          file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** Appends one CSV row; numbers are written with full precision in the C locale. */
  public void row(Object... values) {
    if (csvColumns < 0) {
      throw new IllegalStateException(file + " is a JSON-lines log, not CSV");
    }
    if (values.length != csvColumns) {
      throw new IllegalArgumentException(
          file + ": row has " + values.length + " values, header has " + csvColumns);
    }
    appendLine(List.of(values).stream().map(AppendLog::csvField).collect(Collectors.joining(",")));
  }

  /** Appends one value as a line of JSON. */
  public void record(Object value) {
    if (csvColumns >= 0) {
      throw new IllegalStateException(file + " is a CSV log, not JSON lines");
    }
    try {
      appendLine(JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise a record for " + file + ": " + e.getMessage(), e);
    }
  }

  private static String csvField(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Double.toString(d);
    }
    if (v instanceof Float f) {
      return Float.toString(f);
    }
    String s = v instanceof Number ? String.format(Locale.ROOT, "%s", v) : v.toString();
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private synchronized void appendLine(String line) {
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }
}
