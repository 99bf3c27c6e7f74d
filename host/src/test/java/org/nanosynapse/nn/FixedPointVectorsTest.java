package org.nanosynapse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every vector of test-fixtures/fixedpoint-vectors.txt (generated from the firmware's C implementation)
 * through the host's fixed-point path: derived weights and neuron outputs must match bit for bit.
 */
class FixedPointVectorsTest {
  @Test
  void hostArithmeticMatchesFirmwareVectorsBitExactly() throws Exception {
    Path root = Path.of(System.getProperty("nanosynapse.root", "."));
    Path file = root.resolve("test-fixtures/fixedpoint-vectors.txt");
    if (!Files.exists(file)) {
      file = Path.of("../test-fixtures/fixedpoint-vectors.txt");
    }
    List<String> lines = Files.readAllLines(file);
    int checked = 0;
    for (int ln = 0; ln < lines.size(); ln++) {
      String line = lines.get(ln).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Map<String, String> f = new HashMap<>();
      for (String kv : line.split("\\s+")) {
        int eq = kv.indexOf('=');
        f.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      int fracBits = Integer.parseInt(f.get("F"));
      int act = Integer.parseInt(f.get("act"));
      int k = Integer.parseInt(f.get("k"));
      int n = Integer.parseInt(f.get("n"));
      String[] codes = f.get("codes").split(",");
      String[] ws = f.get("w").split(",");
      assertEquals(n + 1, codes.length, "line " + (ln + 1));
      short[] w = new short[n + 1];
      for (int i = 0; i <= n; i++) {
        String[] pair = codes[i].split(":");
        w[i] = FixedPoint.synapseWeight(Integer.parseInt(pair[0]), Integer.parseInt(pair[1]), k);
        assertEquals(Short.parseShort(ws[i]), w[i], "weight " + i + " at line " + (ln + 1));
      }
      short[] x = new short[n];
      if (n > 0) {
        String[] xs = f.get("x").split(",");
        for (int i = 0; i < n; i++) {
          x[i] = Short.parseShort(xs[i]);
        }
      }
      int y = FixedPoint.neuron(w, x, act, fracBits);
      assertEquals(Integer.parseInt(f.get("y")), y, "output at line " + (ln + 1) + ": " + line);
      checked++;
    }
    assertTrue(checked >= 100, "expected at least 100 vectors, found " + checked);
  }
}
