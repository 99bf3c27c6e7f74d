package org.nanosynapse.network;

import org.nanosynapse.nn.Activation;

/**
 * One layer of the network as the boards compute it: {@code neurons} neurons with {@code inputs}
 * inputs each (plus a bias synapse) and one activation. Softmax is not a board activation; an
 * output layer trained with softmax runs as identity and the class is the argmax.
 */
public record LayerSpec(int inputs, int neurons, Activation activation) {
  public LayerSpec {
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs: must be ≥ 1, got " + inputs);
    }
    if (neurons < 1) {
      throw new IllegalArgumentException("neurons: must be ≥ 1, got " + neurons);
    }
    if (activation == null || activation == Activation.SOFTMAX) {
      throw new IllegalArgumentException(
          "activation: must be a board activation (identity, step, sign, relu, sigmoid, tanh), got " + activation);
    }
  }
}
