package org.nanosynapse.network;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.nanosynapse.link.EmulatedBoards;

/** Hardware-in-the-loop tests need the firmware and the simavr harness; outside CI they skip, in CI they fail. */
final class EmulatedBoardsSupport {
  private EmulatedBoardsSupport() {}

  static Path root() {
    return Path.of(System.getProperty("nanosynapse.root", "..")).toAbsolutePath().normalize();
  }

  /** The repository root, or a skip (outside CI) / failure (CI=true) saying what is missing. */
  static Path requireEmulator() {
    Path root = root();
    var missing = EmulatedBoards.missing(root);
    if (missing.isPresent()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true and emulated boards cannot run: " + missing.get());
      }
      Assumptions.abort("emulated boards cannot run here: " + missing.get());
    }
    return root;
  }
}
