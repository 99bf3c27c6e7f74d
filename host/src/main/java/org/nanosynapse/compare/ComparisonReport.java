package org.nanosynapse.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one comparison found, and whether it passed its {@link Thresholds}.
 *
 * @param floatAccuracy NaN when no float model was given
 * @param boardFloatAgreement NaN when no float model was given
 * @param confusionBoard [true class][predicted class] counts, likewise the others
 * @param hostMillisMean mean host wall time per pattern (all exchanges), ms
 * @param boardMicrosMean mean time the boards reported computing per pattern, µs
 * @param counterDeltas per board id: frames good, frames bad, duplicates, NACKs, pulses (after − before)
 */
public record ComparisonReport(
    int patterns,
    int classes,
    double boardAccuracy,
    double fixedAccuracy,
    double floatAccuracy,
    double classAgreement,
    double exactOutputs,
    double boardFloatAgreement,
    int maxOutputDifferenceRaw,
    int[][] confusionBoard,
    int[][] confusionFixed,
    int[][] confusionFloat,
    double hostMillisMean,
    double hostMillisP95,
    double boardMicrosMean,
    int retries,
    int boardEvents,
    Map<Integer, long[]> counterDeltas,
    long pulseCommands,
    long pulses,
    int trajectories,
    double maxRelativeResidual,
    double rmsResidualCode,
    Thresholds thresholds,
    List<String> failures) {

  public boolean passed() {
    return failures.isEmpty();
  }

  static List<String> check(
      Thresholds t, double classAgreement, double exactOutputs, double boardAccuracy, double maxRelativeResidual,
      int trajectories) {
    List<String> f = new ArrayList<>();
    if (!Double.isNaN(t.minClassAgreement()) && classAgreement < t.minClassAgreement()) {
      f.add(String.format(Locale.ROOT, "class agreement %.4f < %.4f", classAgreement, t.minClassAgreement()));
    }
    if (!Double.isNaN(t.minExactOutputs()) && exactOutputs < t.minExactOutputs()) {
      f.add(String.format(Locale.ROOT, "exact outputs %.4f < %.4f", exactOutputs, t.minExactOutputs()));
    }
    if (!Double.isNaN(t.minBoardAccuracy()) && boardAccuracy < t.minBoardAccuracy()) {
      f.add(String.format(Locale.ROOT, "board accuracy %.4f < %.4f", boardAccuracy, t.minBoardAccuracy()));
    }
    if (trajectories > 0 && !Double.isNaN(t.maxRelativeResidual()) && maxRelativeResidual > t.maxRelativeResidual()) {
      f.add(String.format(
          Locale.ROOT, "trajectory residual %.4f > %.4f", maxRelativeResidual, t.maxRelativeResidual()));
    }
    return f;
  }

  /** A short text summary for the terminal. */
  public String summaryText() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "patterns                 %d (%d classes)%n", patterns, classes));
    s.append(String.format(Locale.ROOT, "board accuracy           %.2f %%%n", 100 * boardAccuracy));
    s.append(String.format(Locale.ROOT, "host fixed-point acc.    %.2f %%%n", 100 * fixedAccuracy));
    if (!Double.isNaN(floatAccuracy)) {
      s.append(String.format(Locale.ROOT, "host float accuracy      %.2f %%%n", 100 * floatAccuracy));
    }
    s.append(String.format(
        Locale.ROOT, "board = host fixed-point %.2f %% of classes, %.2f %% of outputs bit-exact (max diff %d)%n",
        100 * classAgreement, 100 * exactOutputs, maxOutputDifferenceRaw));
    if (!Double.isNaN(boardFloatAgreement)) {
      s.append(String.format(Locale.ROOT, "board = host float       %.2f %% of classes%n", 100 * boardFloatAgreement));
    }
    s.append(String.format(
        Locale.ROOT, "time per pattern         %.3f ms host (p95 %.3f ms), %.0f µs on the boards%n",
        hostMillisMean, hostMillisP95, boardMicrosMean));
    if (retries > 0 || boardEvents > 0) {
      s.append(String.format(Locale.ROOT, "board events             %d, exchanges retried %d%n", boardEvents, retries));
    }
    if (pulseCommands > 0) {
      s.append(String.format(
          Locale.ROOT, "pulses                   %d in %d commands; %d trajectories, max residual %.2f %%, rms %.2f codes%n",
          pulses, pulseCommands, trajectories, 100 * maxRelativeResidual, rmsResidualCode));
    }
    s.append(passed() ? "verdict                  PASS (within thresholds)\n"
        : "verdict                  FAIL: " + String.join("; ", failures) + "\n");
    return s.toString();
  }
}
