package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    int maxBoardsPerLayer = 1;
    for (int l = 0; l < topo.layers().size(); l++) {
      maxBoardsPerLayer = Math.max(maxBoardsPerLayer, topo.boardsOfLayer(l).size());
    }
    ExecutorService pool = Executors.newFixedThreadPool(maxBoardsPerLayer, r -> {
      Thread t = new Thread(r, "nanosynapse-run");
      t.setDaemon(true);
      return t;
    });
    try {
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
          List<BoardSlot> slots = topo.boardsOfLayer(l);
          List<Future<Exchange>> pending = new ArrayList<>();
          short[] in = x;
          int pattern = p;
          for (BoardSlot slot : slots) {
            // The boards of one layer work at the same time, as a bench of Nanos would.
            pending.add(pool.submit(() -> inferWithRecovery(net, slot, in, pattern)));
          }
          for (int b = 0; b < slots.size(); b++) {
            Exchange ex = await(pending.get(b));
            BoardSlot slot = slots.get(b);
            System.arraycopy(ex.result().outputsRaw(), 0, y, slot.firstNeuron(), slot.neurons());
            micros += ex.result().boardMicros();
            retries += ex.retries();
          }
          x = y;
        }
        PatternResult pr =
            new PatternResult(p, data.label(p), input, x, FixedPoint.argmax(x), micros, System.nanoTime() - t0, retries);
        results.add(pr);
        listener.pattern(pr);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<Integer, BoardCounters> after = counters(net);
    return new RunResult(results, before, after, net.events(), System.currentTimeMillis() - start);
  }

  private record Exchange(InferenceResult result, int retries) {}

  private Exchange inferWithRecovery(BoardNetwork net, BoardSlot slot, short[] x, int pattern) {
    int retries = 0;
    while (true) {
      try {
        InferenceResult r = net.board(slot).infer(x);
        if (r.outputsRaw().length != slot.neurons()) {
          throw new BoardException(
              slot.label() + ": INFER returned " + r.outputsRaw().length + " outputs, expected " + slot.neurons());
        }
        return new Exchange(r, retries);
      } catch (BoardException e) {
        if (++retries > maxRetriesPerPattern) {
          throw new BoardException(
              "run: pattern " + pattern + " failed on " + slot.label() + " after " + maxRetriesPerPattern
                  + " recoveries: " + e.getMessage(), e);
        }
        net.event(slot, "INFER failed on pattern " + pattern + ": " + e.getMessage());
        net.recover(slot, recoverTimeoutMillis);
      }
    }
  }

  private static Exchange await(Future<Exchange> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new BoardException("run: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BoardException("run: interrupted", e);
    }
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
