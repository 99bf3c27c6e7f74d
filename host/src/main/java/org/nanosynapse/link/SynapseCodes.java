package org.nanosynapse.link;

/** Conductance codes of the two devices of a synapse pair (uint16 each, G = code · G_lsb). */
public record SynapseCodes(int plusCode, int minusCode) {
  public SynapseCodes {
    if (plusCode < 0 || plusCode > 0xFFFF || minusCode < 0 || minusCode > 0xFFFF) {
      throw new IllegalArgumentException(
          "synapse code out of range 0..65535: plus=" + plusCode + " minus=" + minusCode);
    }
  }
}
