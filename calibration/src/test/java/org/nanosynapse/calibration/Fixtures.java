package org.nanosynapse.calibration;

import java.nio.file.Path;

/** The project's own synthetic fixtures in test-fixtures/calibration/. */
final class Fixtures {
  private Fixtures() {}

  static Path dir() {
    return Path.of(System.getProperty("nanosynapse.root", "..")).toAbsolutePath().normalize()
        .resolve("test-fixtures/calibration");
  }

  static Path file(String name) {
    return dir().resolve(name);
  }
}
