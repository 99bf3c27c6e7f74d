package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.link.BoardCounters;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.InferenceResult;
import org.nanosynapse.nn.FixedPoint;

/**
 * Pushes a data set through the boards layer by layer: the input pattern (quantised to Q F) goes to
 * every board of layer 0, their outputs are joined in neuron order and relayed by the host to the
 * boards of layer 1, and so on; the class is the argmax of the last layer (lowest index on a tie, as
 * PROTOCOL.md says). A failed exchange is retried after {@link BoardNetwork#recover} brought the
 * board back, so a board that is reset or unplugged mid-run costs time, not the run.
 */
public final class NetworkRunner {
  /** Receives each pattern's result as soon as it is known (run folders record it at once). */
  @FunctionalInterface
  public interface Listener {
    void pattern(PatternResult result);
  }

  private final long recoverTimeoutMillis;
  private final int maxRetriesPerPattern;

  public NetworkRunner(long recoverTimeoutMillis, int maxRetriesPerPattern) {
    this.recoverTimeoutMillis = recoverTimeoutMillis;
    this.maxRetriesPerPattern = maxRetriesPerPattern;
  }

  public NetworkRunner() {
    this(30_000, 3);
  }

  public RunResult run(BoardNetwork net, Dataset data, int fractionalBits, Listener listener) {
    Topology topo = net.topology();
    if (data.pixels() != topo.inputCount()) {
      throw new IllegalArgumentException(
          "dataset: images have " + data.pixels() + " pixels, the network takes " + topo.inputCount() + " inputs");
    }
    long start = System.currentTimeMillis();
    Map<Integer, BoardCounters> before = counters(net);
    List<PatternResult> results = new ArrayList<>();
    for (int p = 0; p < data.size(); p++) {
      long t0 = System.nanoTime();
      short[] input = new short[data.pixels()];
      for (int i = 0; i < input.length; i++) {
        input[i] = FixedPoint.quantize(data.input(p)[i], fractionalBits);
      }
      short[] x = input;
      long micros = 0;
      int retries = 0;
      for (int l = 0; l < topo.layers().size(); l++) {
        short[] y = new short[topo.layers().get(l).neurons()];
        for (BoardSlot slot : topo.boardsOfLayer(l)) {
          InferenceResult r = null;
          while (r == null) {
            try {
              r = net.board(slot).infer(x);
            } catch (BoardException e) {
              if (++retries > maxRetriesPerPattern) {
                throw new BoardException(
                    "run: pattern " + p + " failed on " + slot.label() + " after " + maxRetriesPerPattern
                        + " recoveries: " + e.getMessage(), e);
              }
              net.event(slot, "INFER failed on pattern " + p + ": " + e.getMessage());
              net.recover(slot, recoverTimeoutMillis);
            }
          }
          if (r.outputsRaw().length != slot.neurons()) {
            throw new BoardException(
                slot.label() + ": INFER returned " + r.outputsRaw().length + " outputs, expected " + slot.neurons());
          }
          System.arraycopy(r.outputsRaw(), 0, y, slot.firstNeuron(), slot.neurons());
          micros += r.boardMicros();
        }
        x = y;
      }
      PatternResult pr =
          new PatternResult(p, data.label(p), input, x, FixedPoint.argmax(x), micros, System.nanoTime() - t0, retries);
      results.add(pr);
      listener.pattern(pr);
    }
    Map<Integer, BoardCounters> after = counters(net);
    return new RunResult(results, before, after, net.events(), System.currentTimeMillis() - start);
  }

  private static Map<Integer, BoardCounters> counters(BoardNetwork net) {
    Map<Integer, BoardCounters> c = new LinkedHashMap<>();
    for (BoardSlot slot : net.topology().boards()) {
      try {
        c.put(slot.boardId(), net.board(slot).counters());
      } catch (BoardException e) {
        net.event(slot, "COUNTERS failed: " + e.getMessage());
      }
    }
    return c;
  }
}
