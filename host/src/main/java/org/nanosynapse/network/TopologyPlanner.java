package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The default layout: each layer split into as few board slices as the board capacity allows,
 * optionally spread over more boards (e.g. three boards for a demo: the hidden layer over two and
 * the output layer on the third). Boards get ids 1, 2, … and the given ports in order.
 */
public final class TopologyPlanner {
  /** Capacity of one board: the firmware guarantees at least 4 neurons × 16 inputs. */
  public record Capacity(int maxNeurons, int maxInputsPerNeuron) {
    public static final Capacity NANO = new Capacity(4, 16);

    public Capacity {
      if (maxNeurons < 1 || maxInputsPerNeuron < 1) {
        throw new IllegalArgumentException("capacity: neurons and inputs per neuron must be ≥ 1");
      }
    }
  }

  private TopologyPlanner() {}

  /** Boards needed for these layers at this capacity. */
  public static int boardsNeeded(List<LayerSpec> layers, Capacity capacity) {
    int n = 0;
    for (LayerSpec l : layers) {
      n += ceilDiv(l.neurons(), capacity.maxNeurons());
    }
    return n;
  }

  /**
   * Lays the layers out over {@code ports.size()} boards (at least {@link #boardsNeeded}); extra
   * boards split the layer with the most neurons per board further.
   */
  public static Topology plan(List<LayerSpec> layers, Capacity capacity, List<String> ports) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).inputs() > capacity.maxInputsPerNeuron()) {
        throw new IllegalArgumentException(
            "layers[" + i + "].inputs: " + layers.get(i).inputs() + " inputs per neuron, but a board holds at most "
                + capacity.maxInputsPerNeuron());
      }
    }
    int needed = boardsNeeded(layers, capacity);
    if (ports.size() < needed) {
      throw new IllegalArgumentException(
          "boards: the network needs " + needed + " boards at " + capacity.maxNeurons()
              + " neurons per board, only " + ports.size() + " given");
    }
    int[] slices = new int[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      slices[i] = ceilDiv(layers.get(i).neurons(), capacity.maxNeurons());
    }
    for (int extra = ports.size() - needed; extra > 0; extra--) {
      int best = -1;
      double bestLoad = 1;
      for (int i = 0; i < layers.size(); i++) {
        double load = (double) layers.get(i).neurons() / slices[i];
        if (slices[i] < layers.get(i).neurons() && load > bestLoad) {
          best = i;
          bestLoad = load;
        }
      }
      if (best < 0) {
        throw new IllegalArgumentException(
            "boards: " + ports.size() + " boards given, more than the network's neurons can fill");
      }
      slices[best]++;
    }
    List<BoardSlot> boards = new ArrayList<>();
    int b = 0;
    for (int l = 0; l < layers.size(); l++) {
      int n = layers.get(l).neurons();
      int first = 0;
      for (int s = 0; s < slices[l]; s++) {
        int size = n / slices[l] + (s < n % slices[l] ? 1 : 0);
        boards.add(new BoardSlot(b + 1, ports.get(b), l, first, size));
        first += size;
        b++;
      }
    }
    return new Topology(layers, boards);
  }

  /** Ports {@code virtual:1 … virtual:n} for in-process virtual boards. */
  public static List<String> virtualPorts(int n) {
    List<String> p = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      p.add("virtual:" + i);
    }
    return p;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
