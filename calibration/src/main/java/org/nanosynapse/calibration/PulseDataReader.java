package org.nanosynapse.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a measurement file in any supported format (detected from its content), or every file of a
 * folder. The SHA-256 is computed over the exact bytes that were parsed.
 */
public final class PulseDataReader {
  private PulseDataReader() {}

  public static PulseData read(Path path) {
    if (Files.isDirectory(path)) {
      return readFolder(path);
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(path + ": no such file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    return parse(path, bytes);
  }

  /** Parses already-read bytes (the checksum is of these bytes). */
  public static PulseData parse(Path path, byte[] bytes) {
    String sha = sha256(bytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = text.lines().toList();
    if (PulseCsvReader.looksLike(lines)) {
      return PulseCsvReader.parse(path, lines, sha);
    }
    if (NbstoOldDeviceReader.looksLike(lines)) {
      return NbstoOldDeviceReader.parse(path, lines, sha);
    }
    if (NbstoNewDeviceReader.looksLike(lines)) {
      return NbstoNewDeviceReader.parse(path, lines, sha);
    }
    throw new DataFormatException(path, 1, null,
        "unknown format: expected a nanosynapse CSV header starting with 'device_id', "
            + "or the shared nbsto new-device (4 tab-separated numbers) or old-device ('--' header) format");
  }

  private static PulseData readFolder(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().toLowerCase().endsWith(".md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": folder holds no data files");
    }
    List<PulseSeries> series = new ArrayList<>();
    List<RelaxationSeries> relax = new ArrayList<>();
    StringBuilder manifest = new StringBuilder();
    String format = null;
    for (Path f : files) {
      PulseData d = read(f);
      series.addAll(d.series());
      relax.addAll(d.relaxations());
      manifest.append(f.getFileName()).append('\0').append(d.sha256()).append('\n');
      format = format == null || format.equals(d.format()) ? d.format() : "mixed";
    }
    return new PulseData(dir, format, sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)), series, relax);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
