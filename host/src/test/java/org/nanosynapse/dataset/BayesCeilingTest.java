package org.nanosynapse.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BayesCeilingTest {
  @Test
  void threeByThreeAtTenPercentIs93Percent() {
    BayesCeiling.Result r = BayesCeiling.of(LineTask.defaultTask());
    assertTrue(r.exact());
    assertEquals(0.930, r.accuracy(), 0.0005);
  }

  @Test
  void limits() {
    assertEquals(1.0, BayesCeiling.of(LineTask.square(3, 0)).accuracy(), 1e-12);
    assertEquals(0.5, BayesCeiling.of(LineTask.square(3, 0.5)).accuracy(), 1e-12);
    // Larger images carry more evidence: the ceiling rises with N at fixed p.
    assertTrue(BayesCeiling.of(LineTask.square(4, 0.1)).accuracy() > 0.93);
  }

  @Test
  void samplingAgreesWithEnumeration() {
    LineTask task = LineTask.square(4, 0.15);
    double exact = BayesCeiling.of(task).accuracy();
    BayesCeiling.Result s = BayesCeiling.of(task.withFlipProbability(0.15), 20_000, 3);
    // force the sampled path through a task too big to enumerate with the same statistics: compare 4×4 directly
    LineTask big = LineTask.square(6, 0.3);
    BayesCeiling.Result sampled = BayesCeiling.of(big);
    assertFalse(sampled.exact());
    assertTrue(sampled.accuracy() > 0.5 && sampled.accuracy() < 1);
    assertTrue(s.exact());
    assertEquals(exact, s.accuracy(), 1e-12);
    BayesCeiling.Result mc = BayesCeilingTestAccess.sampled(task, 40_000, 4);
    assertEquals(exact, mc.accuracy(), 4 * mc.standardError() + 1e-3);
  }

  @Test
  void missingPixelsAreEnumeratedWithThreeValues() {
    LineTask t = new LineTask(3, 3, List.of(LineClass.HORIZONTAL, LineClass.VERTICAL), 0.1, 0, 0.2);
    BayesCeiling.Result r = BayesCeiling.of(t);
    assertTrue(r.exact());
    assertTrue(r.accuracy() < 0.930 && r.accuracy() > 0.8, "missing pixels lower the ceiling: " + r.accuracy());
  }
}
