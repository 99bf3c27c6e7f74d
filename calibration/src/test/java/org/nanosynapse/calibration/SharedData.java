package org.nanosynapse.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Locates ../shared/data/nbsto-pulses; skips outside CI when it is missing, fails in CI. */
final class SharedData {
  private SharedData() {}

  static Path root() {
    return Path.of(System.getProperty("nanosynapse.root", "..")).toAbsolutePath().normalize();
  }

  static Path pulses() {
    Path p = root().resolve("../shared/data/nbsto-pulses").normalize();
    if (!Files.isDirectory(p)) {
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail("shared data missing: " + p);
      }
      Assumptions.abort("shared data not found at " + p + " (tests reading ../shared are skipped outside CI)");
    }
    return p;
  }
}
