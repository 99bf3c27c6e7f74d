package org.nanosynapse.calibration;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything read from one measurement file (or a folder of them).
 *
 * @param file the file or folder read
 * @param format the input format detected ({@code nanosynapse-csv}, {@code nbsto-new-device},
 *     {@code nbsto-old-device}, or {@code mixed} for a folder)
 * @param sha256 SHA-256 (hex) of the bytes parsed; for a folder, of the concatenated
 *     "name\0sha256\n" lines of its files in name order
 * @param series the pulse series, in file order
 * @param relaxations the relaxation series (only when the data hold a time column)
 */
public record PulseData(
    Path file,
    String format,
    String sha256,
    List<PulseSeries> series,
    List<RelaxationSeries> relaxations) {

  public PulseData {
    series = List.copyOf(series);
    relaxations = List.copyOf(relaxations);
  }
}
