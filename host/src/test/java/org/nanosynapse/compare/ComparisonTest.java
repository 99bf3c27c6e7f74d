package org.nanosynapse.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.link.PulseCommand;
import org.nanosynapse.network.PatternResult;
import org.nanosynapse.network.PulseStep;
import org.nanosynapse.nn.FixedPoint;
import org.nanosynapse.nn.FixedPointNetwork;

class ComparisonTest {
  /** One layer, 2 inputs → 2 outputs: y0 = x0, y1 = x1 (identity), so the class is the larger input. */
  static final FixedPointNetwork HOST = new FixedPointNetwork(
      List.of(new FixedPointNetwork.Layer(new short[][] {{256, 0, 0}, {0, 256, 0}}, 0)), 8);

  static List<PatternResult> patterns(int n, int corrupted) {
    List<PatternResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      short[] x = {(short) (i % 2 == 0 ? 256 : 0), (short) (i % 2 == 0 ? 0 : 256)};
      short[] y = HOST.infer(x).clone();
      if (i < corrupted) {
        y[0] += 1; // a board that is off by one LSB: same class unless it flips a tie
      }
      int label = i % 3 == 0 ? 1 - FixedPoint.argmax(y) : FixedPoint.argmax(y);
      out.add(new PatternResult(i, label, x, y, FixedPoint.argmax(y), 100, 1_000_000, 0));
    }
    return out;
  }

  static Comparison compare(List<PatternResult> p, List<PulseStep> pulses, Thresholds t) {
    return Comparison.of(new Comparison.Inputs(p, 2, HOST, null, null, pulses, null, null, 0), t);
  }

  @Test
  void accuraciesAgreementAndConfusionMatrices() {
    Comparison c = compare(patterns(300, 0), List.of(), Thresholds.defaults());
    ComparisonReport r = c.report();
    assertEquals(1.0, r.classAgreement());
    assertEquals(1.0, r.exactOutputs());
    assertEquals(200 / 300.0, r.boardAccuracy(), 1e-12); // every third label is wrong on purpose
    assertEquals(r.boardAccuracy(), r.fixedAccuracy());
    assertTrue(Double.isNaN(r.floatAccuracy()));
    int total = 0;
    for (int[] row : r.confusionBoard()) {
      for (int v : row) {
        total += v;
      }
    }
    assertEquals(300, total);
    assertArrayEquals(r.confusionBoard()[0], r.confusionFixed()[0]);
    assertTrue(r.passed());
  }

  @Test
  void outputsOffByOneFailTheExactThresholdAndNothingElse() {
    ComparisonReport r = compare(patterns(300, 30), List.of(), Thresholds.defaults()).report();
    assertEquals(0.9, r.exactOutputs(), 1e-12);
    assertEquals(1, r.maxOutputDifferenceRaw());
    assertEquals(1.0, r.classAgreement());
    assertFalse(r.passed());
    assertEquals(List.of("exact outputs 0.9000 < 0.9900"), r.failures());
    assertTrue(compare(patterns(300, 30), List.of(), new Thresholds(0.995, 0.85, Double.NaN, 0.05)).report().passed());
  }

  @Test
  void trajectoriesGroupPulsesPerDeviceAndTheirResidualIsChecked() {
    List<PulseStep> steps = new ArrayList<>();
    PulseCommand plus = new PulseCommand(3, PulseCommand.PairDevice.PLUS, Polarity.SET, 0, 10);
    PulseCommand minus = new PulseCommand(3, PulseCommand.PairDevice.MINUS, Polarity.SET, 0, 5);
    steps.add(new PulseStep(0, 1, plus, 1100, 1000, 25, 1100, 1000, 50));
    steps.add(new PulseStep(1, 1, plus, 1190, 1000, 47, 1180, 1000, 50));
    steps.add(new PulseStep(2, 1, minus, 1190, 1020, 42, 1180, 1020, 50));
    Comparison c = compare(patterns(10, 0), steps, Thresholds.defaults());
    assertEquals(2, c.trajectories().size());
    Trajectory t = c.trajectories().get(0);
    assertEquals(List.of(10, 20), t.cumulativePulses());
    assertEquals(10 / 1180.0, t.maxRelativeResidual(), 1e-12);
    assertEquals(25, c.report().pulses());
    assertTrue(c.report().passed());
    Comparison strict = compare(patterns(10, 0), steps, new Thresholds(0.995, 0.99, Double.NaN, 0.005));
    assertEquals(List.of("trajectory residual 0.0085 > 0.0050"), strict.report().failures());
  }

  @Test
  void reportFilesAreWritten(@TempDir Path dir) throws Exception {
    Comparison c = compare(patterns(50, 0), List.of(), Thresholds.defaults());
    ReportWriter.write(dir, c, List.of("horizontal", "vertical"));
    for (String f : List.of("report.json", "summary.txt", "patterns.csv", "confusion.csv", "trajectories.csv",
        "confusion.png", "outputs.png", "timing.png")) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    assertTrue(Files.readString(dir.resolve("report.json")).contains("\"class_agreement_board_vs_fixed_point\" : 1.0"));
    assertEquals(51, Files.readAllLines(dir.resolve("patterns.csv")).size());
  }

  @Test
  void badThresholdsAreRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Thresholds(1.5, 0.9, Double.NaN, 0.05));
    assertTrue(e.getMessage().startsWith("min class agreement: "));
  }
}
