package org.nanosynapse.link;

/**
 * What a board says about itself in answer to IDENTIFY. {@code maxSynapses} bounds
 * neurons·(inputs + 1) of a configuration; {@code maxAmplitudes} is the number of power-law entries
 * per polarity.
 */
public record BoardIdentity(
    String firmwareName,
    String firmwareVersion,
    int protocolVersion,
    int boardId,
    int maxNeurons,
    int maxInputsPerNeuron,
    int physicalChannels,
    int maxSynapses,
    int maxAmplitudes) {

  /** Without the synapse and amplitude capacities (taken as unbounded by the synapse count). */
  public BoardIdentity(
      String firmwareName, String firmwareVersion, int protocolVersion, int boardId, int maxNeurons,
      int maxInputsPerNeuron, int physicalChannels) {
    this(firmwareName, firmwareVersion, protocolVersion, boardId, maxNeurons, maxInputsPerNeuron,
        physicalChannels, maxNeurons * (maxInputsPerNeuron + 1), 1);
  }
}
