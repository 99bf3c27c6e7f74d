package org.nanosynapse.records;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes the serial transcript of one board as it happens: a header, then one line per chunk of
 * bytes, {@code <seconds since start> <TX|RX> <hex bytes>}, appended and flushed line by line so a
 * crash keeps everything written before it. TX is host → board, RX is board → host. The format is
 * read back by {@link TranscriptReader}.
 */
public final class TranscriptWriter implements AutoCloseable {
  /** First line of every transcript file. */
  public static final String MAGIC = "# nanosynapse serial transcript v1";

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Path file;
  private final BufferedWriter out;
  private final long startNanos;
  private boolean closed;

  private TranscriptWriter(Path file, BufferedWriter out) {
    this.file = file;
    this.out = out;
    this.startNanos = System.nanoTime();
  }

  /** Creates (or replaces) {@code file} and writes the header naming the board's address. */
  public static TranscriptWriter create(Path file, String boardAddress) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      BufferedWriter out =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      TranscriptWriter w = new TranscriptWriter(file, out);
      out.write(MAGIC + "\n");
      out.write("# board: " + boardAddress.replaceAll("\\R", " ") + "\n");
      out.write("# started: " + Instant.now() + "\n");
      out.write("# columns: seconds-since-start direction(TX host->board, RX board->host) hex-bytes\n");
      out.flush();
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create transcript " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  public void tx(byte[] bytes, int offset, int length) {
    line("TX", bytes, offset, length);
  }

  public void rx(byte[] bytes, int offset, int length) {
    line("RX", bytes, offset, length);
  }

  /** A comment line (e.g. "reconnect"), kept in the transcript for the reader of the run. */
  public synchronized void note(String text) {
    write(String.format("# %.6f %s%n", seconds(), text.replaceAll("\\R", " ")));
  }

  private synchronized void line(String direction, byte[] bytes, int offset, int length) {
    if (length <= 0) {
      return;
    }
    StringBuilder sb = new StringBuilder(16 + 3 * length);
    sb.append(String.format("%.6f ", seconds())).append(direction);
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xFF;
      sb.append(' ').append(HEX[b >>> 4]).append(HEX[b & 0xF]);
    }
    sb.append('\n');
    write(sb.toString());
  }

  private double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void write(String s) {
    if (closed) {
      return;
    }
    try {
      out.write(s);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to transcript " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close transcript " + file + ": " + e.getMessage(), e);
    }
  }
}
