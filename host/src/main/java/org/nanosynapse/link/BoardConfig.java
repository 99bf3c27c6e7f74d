package org.nanosynapse.link;

/**
 * Layer slice held by one board: {@code neurons} neurons with {@code inputs} inputs each (plus one
 * bias synapse per neuron), the activation code of PROTOCOL.md §Arithmetic, the number of
 * fractional bits F and the weight scale k (w = sat16(((c⁺ − c⁻)·k) >> 8)).
 */
public record BoardConfig(int neurons, int inputs, int activationCode, int fractionalBits, int weightScale) {
  public int synapseCount() {
    return neurons * (inputs + 1);
  }
}
