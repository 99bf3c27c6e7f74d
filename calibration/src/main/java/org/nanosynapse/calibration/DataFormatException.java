package org.nanosynapse.calibration;

import java.nio.file.Path;

/**
 * Malformed measurement input. The message is one line naming the file, the line (1-based) and,
 * where there is one, the column, so a lab user can find the bad cell. It is an {@link
 * IllegalArgumentException} because it is bad user input (the CLI maps it to exit code 2).
 */
public final class DataFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String column;

  public DataFormatException(Path file, int line, String column, String problem) {
    super(format(file, line, column, problem));
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static String format(Path file, int line, String column, String problem) {
    StringBuilder sb = new StringBuilder();
    sb.append(file == null ? "<input>" : file.toString());
    if (line > 0) {
      sb.append(", line ").append(line);
    }
    if (column != null) {
      sb.append(", column ").append(column);
    }
    return sb.append(": ").append(problem).toString();
  }

  public Path file() {
    return file;
  }

  /** 1-based line number, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }

  /** The column's name and position, e.g. {@code 3 (polarity)}, or null. */
  public String column() {
    return column;
  }
}
