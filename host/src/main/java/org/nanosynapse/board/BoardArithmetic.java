package org.nanosynapse.board;

import org.nanosynapse.nn.FixedPoint;

/**
 * What the virtual board adds to the shared fixed-point arithmetic ({@link FixedPoint}, PROTOCOL.md
 * §Arithmetic): the weight of a synapse from its pair of conductance codes,
 *
 * <pre>
 *   w = sat16( ((c⁺ − c⁻) · k) >> 8 )      codes uint16, k 0..32767, all in int32
 * </pre>
 *
 * and a neuron evaluated over a slice of the board's weight table.
 */
public final class BoardArithmetic {
  private BoardArithmetic() {}

  public static boolean isActivation(int code) {
    return code >= 0 && code <= 5;
  }

  /** w = sat16(((c⁺ − c⁻)·k) >> 8); |c⁺ − c⁻|·k < 2^31 for uint16 codes and k ≤ 32767. */
  public static short weight(int plusCode, int minusCode, int weightScale) {
    return (short) FixedPoint.sat16((plusCode - minusCode) * weightScale >> 8);
  }

  /**
   * Output of the neuron whose n + 1 weights (bias last) start at {@code weightOffset} in
   * {@code weights}, for the first n raw inputs.
   */
  public static short neuron(
      short[] weights, int weightOffset, short[] inputs, int n, int fractionalBits, int activation) {
    short[] w = new short[n + 1];
    System.arraycopy(weights, weightOffset, w, 0, n + 1);
    short[] x = inputs.length == n ? inputs : java.util.Arrays.copyOf(inputs, n);
    return (short) FixedPoint.neuron(w, x, activation, fractionalBits);
  }
}
