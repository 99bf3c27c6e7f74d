package org.nanosynapse.network;

/**
 * One board's place in the network: the board with stored id {@code boardId}, reached at {@code
 * port}, computes neurons {@code firstNeuron .. firstNeuron + neurons − 1} of layer {@code layer}.
 * Ports are serial device paths ({@code /dev/ttyUSB0}, a pty link) or {@code virtual:N} for an
 * in-process virtual board.
 */
public record BoardSlot(int boardId, String port, int layer, int firstNeuron, int neurons) {
  public BoardSlot {
    if (boardId < 0 || boardId > 0xFFFF) {
      throw new IllegalArgumentException("board_id: must be in 0..65535, got " + boardId);
    }
    if (port == null || port.isBlank()) {
      throw new IllegalArgumentException("port: must not be empty");
    }
    if (layer < 0) {
      throw new IllegalArgumentException("layer: must be ≥ 0, got " + layer);
    }
    if (firstNeuron < 0) {
      throw new IllegalArgumentException("first_neuron: must be ≥ 0, got " + firstNeuron);
    }
    if (neurons < 1) {
      throw new IllegalArgumentException("neurons: must be ≥ 1, got " + neurons);
    }
  }

  /** One past the last neuron this board computes. */
  public int endNeuron() {
    return firstNeuron + neurons;
  }

  /** "board 2 (/dev/ttyUSB1)" for messages. */
  public String label() {
    return "board " + boardId + " (" + port + ")";
  }
}
