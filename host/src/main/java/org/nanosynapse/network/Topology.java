package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which board holds which neurons of which layer. Valid by construction: consecutive layers chain
 * (a layer's inputs are the previous layer's neurons), every neuron of every layer sits on exactly
 * one board, board ids and ports are unique. The error messages name the offending field as a JSON
 * path ({@code boards[2].first_neuron}) so {@link TopologyFile} can prefix the file name.
 */
public final class Topology {
  private final List<LayerSpec> layers;
  private final List<BoardSlot> boards;

  public Topology(List<LayerSpec> layers, List<BoardSlot> boards) {
    this.layers = List.copyOf(layers);
    this.boards = List.copyOf(boards);
    validate();
  }

  public List<LayerSpec> layers() {
    return layers;
  }

  public List<BoardSlot> boards() {
    return boards;
  }

  public int inputCount() {
    return layers.get(0).inputs();
  }

  public int outputCount() {
    return layers.get(layers.size() - 1).neurons();
  }

  /** The boards of one layer, in neuron order. */
  public List<BoardSlot> boardsOfLayer(int layer) {
    List<BoardSlot> out = new ArrayList<>();
    for (BoardSlot b : boards) {
      if (b.layer() == layer) {
        out.add(b);
      }
    }
    out.sort(Comparator.comparingInt(BoardSlot::firstNeuron));
    return out;
  }

  /** Layer sizes as inputs, hidden…, outputs, e.g. [9, 4, 2]. */
  public int[] layerSizes() {
    int[] s = new int[layers.size() + 1];
    s[0] = inputCount();
    for (int i = 0; i < layers.size(); i++) {
      s[i + 1] = layers.get(i).neurons();
    }
    return s;
  }

  private void validate() {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("layers: at least one layer is needed");
    }
    for (int i = 1; i < layers.size(); i++) {
      if (layers.get(i).inputs() != layers.get(i - 1).neurons()) {
        throw new IllegalArgumentException(
            "layers[" + i + "].inputs: must equal layers[" + (i - 1) + "].neurons ("
                + layers.get(i - 1).neurons() + "), got " + layers.get(i).inputs());
      }
    }
    if (boards.isEmpty()) {
      throw new IllegalArgumentException("boards: at least one board is needed");
    }
    Set<Integer> ids = new HashSet<>();
    Set<String> ports = new HashSet<>();
    for (int i = 0; i < boards.size(); i++) {
      BoardSlot b = boards.get(i);
      String at = "boards[" + i + "]";
      if (!ids.add(b.boardId())) {
        throw new IllegalArgumentException(at + ".board_id: " + b.boardId() + " is used by another board");
      }
      if (!ports.add(b.port())) {
        throw new IllegalArgumentException(at + ".port: " + b.port() + " is used by another board");
      }
      if (b.layer() >= layers.size()) {
        throw new IllegalArgumentException(
            at + ".layer: " + b.layer() + " does not exist (layers 0.." + (layers.size() - 1) + ")");
      }
      if (b.endNeuron() > layers.get(b.layer()).neurons()) {
        throw new IllegalArgumentException(
            at + ".neurons: neurons " + b.firstNeuron() + ".." + (b.endNeuron() - 1) + " exceed layer "
                + b.layer() + " (" + layers.get(b.layer()).neurons() + " neurons)");
      }
    }
    for (int l = 0; l < layers.size(); l++) {
      int next = 0;
      for (BoardSlot b : boardsOfLayer(l)) {
        if (b.firstNeuron() != next) {
          int lo = Math.min(next, b.firstNeuron());
          int hi = Math.max(next, b.firstNeuron()) - 1;
          throw new IllegalArgumentException(
              "boards[" + boards.indexOf(b) + "].first_neuron: layer " + l + " neuron" + (lo == hi ? " " + lo : "s " + lo + ".." + hi)
                  + (b.firstNeuron() > next ? " on no board" : " on two boards")
                  + " (this board starts at " + b.firstNeuron() + ")");
        }
        next = b.endNeuron();
      }
      if (next != layers.get(l).neurons()) {
        throw new IllegalArgumentException(
            "boards: layer " + l + " neurons " + next + ".." + (layers.get(l).neurons() - 1) + " are on no board");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Topology t && t.layers.equals(layers) && t.boards.equals(boards);
  }

  @Override
  public int hashCode() {
    return layers.hashCode() * 31 + boards.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Topology[");
    for (BoardSlot b : boards) {
      s.append(' ').append(b.label()).append(": layer ").append(b.layer()).append(" neurons ")
          .append(b.firstNeuron()).append("..").append(b.endNeuron() - 1).append(';');
    }
    return s.append(" ]").toString();
  }
}
