package org.nanosynapse.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a pulse log ({@code pulses.csv} of a run folder) back, e.g. to replay it; errors name file, line, field. */
public final class PulseLogCsv {
  private PulseLogCsv() {}

  public static List<PulseRecord> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).equals(PulseRecord.CSV_HEADER)) {
      throw new IllegalArgumentException(file + ":1: header: expected '" + PulseRecord.CSV_HEADER + "'");
    }
    String[] names = PulseRecord.CSV_HEADER.split(",");
    List<PulseRecord> out = new ArrayList<>();
    for (int ln = 1; ln < lines.size(); ln++) {
      String line = lines.get(ln);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != names.length) {
        throw new IllegalArgumentException(file + ":" + (ln + 1) + ": fields: expected " + names.length + ", got " + f.length);
      }
      int field = 0;
      try {
        long step = Long.parseLong(f[field]);
        String phase = f[++field];
        int layer = Integer.parseInt(f[++field]);
        int neuron = Integer.parseInt(f[++field]);
        int input = Integer.parseInt(f[++field]);
        String side = f[++field];
        if (!side.equals("+") && !side.equals("-")) {
          throw new NumberFormatException("'+' or '-'");
        }
        int device = Integer.parseInt(f[++field]);
        String polarity = f[++field];
        if (!polarity.equals("SET") && !polarity.equals("RESET")) {
          throw new NumberFormatException("SET or RESET");
        }
        double amplitudeV = Double.parseDouble(f[++field]);
        double widthS = Double.parseDouble(f[++field]);
        int count = Integer.parseInt(f[++field]);
        if (count < 0 || device < 0) {
          throw new NumberFormatException("a value ≥ 0");
        }
        out.add(new PulseRecord(step, phase, layer, neuron, input, side.charAt(0), device, polarity, amplitudeV,
            widthS, count));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ":" + (ln + 1) + ": " + names[field] + ": bad value '" + f[field] + "'");
      }
    }
    return out;
  }
}
