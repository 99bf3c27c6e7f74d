package org.nanosynapse.network;

import java.util.HashMap;
import java.util.Map;
import org.nanosynapse.nn.Activation;
import org.nanosynapse.nn.Mlp;

/** Test helpers: fake boards by port, a seeded untrained MLP with weights of realistic size. */
final class Fakes {
  final Map<String, FakeBoard> boards = new HashMap<>();
  int opens;

  /** Opens (or re-opens) the fake board of a slot; the same board object stays behind a port. */
  BoardOpener opener() {
    return slot -> {
      opens++;
      return boards.computeIfAbsent(slot.port(), p -> new FakeBoard(slot.boardId()));
    };
  }

  static Mlp randomMlp(long seed, double scale) {
    Mlp m = Mlp.initialised(new int[] {9, 4, 2}, new Activation[] {Activation.SIGMOID, Activation.SOFTMAX}, seed);
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed + 1);
    for (double[][] layer : m.weights()) {
      for (double[] row : layer) {
        for (int i = 0; i < row.length; i++) {
          row[i] = scale * (2 * r.nextDouble() - 1);
        }
      }
    }
    return m;
  }
}
