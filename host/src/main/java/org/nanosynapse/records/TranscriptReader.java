package org.nanosynapse.records;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a transcript written by {@link TranscriptWriter}. Anything malformed is an
 * IllegalArgumentException naming the file, the line and what was wrong.
 */
public final class TranscriptReader {
  private TranscriptReader() {}

  public static Transcript read(Path file) {
    List<Transcript.Chunk> chunks = new ArrayList<>();
    String board = null;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      double lastTimeS = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1) {
          if (!line.equals(TranscriptWriter.MAGIC)) {
            throw bad(file, lineNumber, "not a transcript: first line must be '" + TranscriptWriter.MAGIC + "'");
          }
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("#")) {
          if (line.startsWith("# board: ")) {
            board = line.substring("# board: ".length()).trim();
          }
          continue;
        }
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 3) {
          throw bad(file, lineNumber, "expected '<seconds> <TX|RX> <hex bytes>', got '" + abbreviate(line) + "'");
        }
        double timeS;
        try {
          timeS = Double.parseDouble(fields[0]);
        } catch (NumberFormatException e) {
          throw bad(file, lineNumber, "time '" + abbreviate(fields[0]) + "' is not a number of seconds");
        }
        if (!(timeS >= 0) || Double.isInfinite(timeS)) {
          throw bad(file, lineNumber, "time " + fields[0] + " must be a finite number >= 0");
        }
        if (timeS < lastTimeS) {
          throw bad(file, lineNumber, "time " + fields[0] + " goes back before " + lastTimeS);
        }
        lastTimeS = timeS;
        Transcript.Direction direction;
        try {
          direction = Transcript.Direction.valueOf(fields[1]);
        } catch (IllegalArgumentException e) {
          throw bad(file, lineNumber, "direction '" + abbreviate(fields[1]) + "' must be TX or RX");
        }
        byte[] bytes = new byte[fields.length - 2];
        for (int i = 2; i < fields.length; i++) {
          String h = fields[i];
          if (h.length() != 2 || Character.digit(h.charAt(0), 16) < 0 || Character.digit(h.charAt(1), 16) < 0) {
            throw bad(file, lineNumber, "byte " + (i - 1) + " '" + abbreviate(h) + "' is not two hex digits");
          }
          bytes[i - 2] = (byte) Integer.parseInt(h, 16);
        }
        chunks.add(new Transcript.Chunk(timeS, direction, bytes, lineNumber));
      }
      if (lineNumber == 0) {
        throw bad(file, 1, "empty file, not a transcript");
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("transcript " + file + ": no such file");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException("transcript " + file + ": not UTF-8 text (binary or damaged file)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read transcript " + file + ": " + e.getMessage(), e);
    }
    return new Transcript(board == null ? file.getFileName().toString() : board, List.copyOf(chunks));
  }

  private static IllegalArgumentException bad(Path file, int line, String what) {
    return new IllegalArgumentException("transcript " + file + " line " + line + ": " + what);
  }

  private static String abbreviate(String s) {
    return s.length() > 24 ? s.substring(0, 24) + "..." : s;
  }
}
