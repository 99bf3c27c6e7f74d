package org.nanosynapse.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineDatasetTest {
  @TempDir Path tmp;

  @Test
  void sameSeedSameDataAndClassesBalanced() {
    LineTask task = LineTask.defaultTask();
    Dataset a = LineDatasetGenerator.generate(task, 4000, 7);
    Dataset b = LineDatasetGenerator.generate(task, 4000, 7);
    Dataset c = LineDatasetGenerator.generate(task, 4000, 8);
    assertArrayEquals(a.labels(), b.labels());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.input(i), b.input(i));
    }
    assertTrue(!java.util.Arrays.equals(a.labels(), c.labels()));
    int[] counts = a.classCounts();
    assertTrue(Math.abs(counts[0] - 2000) < 150, "balanced classes: " + counts[0]);
  }

  @Test
  void flipRateMatchesP() {
    LineTask task = LineTask.square(5, 0.2);
    Dataset d = LineDatasetGenerator.generate(task, 3000, 1);
    // Distance to the nearest clean pattern of the true class is the number of flips (for p small the
    // nearest pattern is almost always the generating one); mean flips per pixel ≈ p.
    double flips = 0;
    for (int i = 0; i < d.size(); i++) {
      int best = Integer.MAX_VALUE;
      for (double[] p : task.cleanPatterns(d.label(i))) {
        int dist = 0;
        for (int j = 0; j < p.length; j++) {
          dist += p[j] != d.input(i)[j] ? 1 : 0;
        }
        best = Math.min(best, dist);
      }
      flips += best;
    }
    double rate = flips / (d.size() * 25.0);
    assertTrue(rate > 0.17 && rate <= 0.205, "flip rate " + rate);
  }

  @Test
  void nonSquareAndExtraClasses() {
    LineTask task = new LineTask(3, 5, List.of(LineClass.HORIZONTAL, LineClass.VERTICAL, LineClass.NO_LINE,
        LineClass.BOTH), 0, 0, 0);
    assertEquals(3, task.cleanPatterns(0).size());
    assertEquals(5, task.cleanPatterns(1).size());
    assertEquals(1, task.cleanPatterns(2).size());
    assertEquals(15, task.cleanPatterns(3).size());
    Dataset d = LineDatasetGenerator.generate(task, 400, 2);
    for (int i = 0; i < d.size(); i++) {
      double sum = java.util.Arrays.stream(d.input(i)).sum();
      double expected = switch (d.label(i)) {
        case 0 -> 5;
        case 1 -> 3;
        case 2 -> 0;
        default -> 7;
      };
      assertEquals(expected, sum, 0);
    }
  }

  @Test
  void missingPixelsAndAnalogNoise() {
    LineTask missing = new LineTask(3, 3, List.of(LineClass.HORIZONTAL, LineClass.VERTICAL), 0, 0, 0.3);
    Dataset d = LineDatasetGenerator.generate(missing, 2000, 3);
    long half = java.util.Arrays.stream(d.inputs()).flatMapToDouble(java.util.Arrays::stream)
        .filter(v -> v == LineTask.MISSING_VALUE).count();
    assertEquals(0.3, half / 18000.0, 0.02);
    LineTask analog = new LineTask(3, 3, List.of(LineClass.HORIZONTAL, LineClass.VERTICAL), 0, 0.2, 0);
    Dataset e = LineDatasetGenerator.generate(analog, 2000, 3);
    double sumSq = 0;
    for (int i = 0; i < e.size(); i++) {
      double[] clean = analog.cleanPatterns(e.label(i)).get(0);
      // residual from the nearest 0/1 value is the noise (σ = 0.2 keeps it below 0.5 almost always)
      for (double v : e.input(i)) {
        double r = v - Math.rint(Math.min(1, Math.max(0, v)));
        sumSq += r * r;
      }
      assertEquals(9, clean.length);
    }
    assertEquals(0.2, Math.sqrt(sumSq / 18000), 0.01);
  }

  @Test
  void badTaskParametersNameTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineTask.square(3, 1.5));
    assertTrue(e.getMessage().startsWith("flip probability p"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LineTask.square(2, 0.1));
    assertTrue(e.getMessage().startsWith("rows"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LineClass.parse("diagonal"));
  }

  @Test
  void csvRoundTripAndLineNumberedErrors() throws Exception {
    LineTask task = new LineTask(3, 4, List.of(LineClass.HORIZONTAL, LineClass.VERTICAL, LineClass.BOTH), 0.1, 0.05,
        0.1);
    Dataset d = LineDatasetGenerator.generate(task, 50, 5);
    Path f = tmp.resolve("d.csv");
    DatasetCsv.write(d, f);
    Dataset back = DatasetCsv.read(f);
    assertEquals(d.classes(), back.classes());
    assertEquals(4, back.cols());
    assertArrayEquals(d.labels(), back.labels());
    for (int i = 0; i < d.size(); i++) {
      assertArrayEquals(d.input(i), back.input(i), 0);
    }
    List<String> lines = Files.readAllLines(f);
    lines.set(4, lines.get(4).replaceFirst(",[^,]*$", ",oops"));
    Files.write(f, lines);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetCsv.read(f));
    assertTrue(e.getMessage().contains("d.csv:5: p2_3: not a number: 'oops'"), e.getMessage());
    Files.writeString(f, "label,a\n");
    e = assertThrows(IllegalArgumentException.class, () -> DatasetCsv.read(f));
    assertTrue(e.getMessage().contains(":1: header"), e.getMessage());
  }
}
