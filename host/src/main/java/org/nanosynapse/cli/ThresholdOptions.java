package org.nanosynapse.cli;

import org.nanosynapse.compare.Thresholds;
import picocli.CommandLine.Option;

/** Thresholds of a comparison; beyond them the command exits 1. */
final class ThresholdOptions {
  @Option(names = "--min-agreement", paramLabel = "FRACTION", defaultValue = "0.995",
      description = "Least fraction of patterns whose board class equals the host fixed-point class (default: ${DEFAULT-VALUE}).")
  double minAgreement;

  @Option(names = "--min-exact", paramLabel = "FRACTION", defaultValue = "0.99",
      description = "Least fraction of patterns with bit-exact board outputs (default: ${DEFAULT-VALUE}).")
  double minExact;

  @Option(names = "--min-accuracy", paramLabel = "FRACTION",
      description = "Least board accuracy (default: not checked).")
  Double minAccuracy;

  @Option(names = "--max-residual", paramLabel = "FRACTION", defaultValue = "0.05",
      description = "Largest relative device-code residual of pulse trajectories, measured vs simulated (default: ${DEFAULT-VALUE}).")
  double maxResidual;

  Thresholds thresholds() {
    try {
      return new Thresholds(minAgreement, minExact, minAccuracy == null ? Double.NaN : minAccuracy, maxResidual);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
