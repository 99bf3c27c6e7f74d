package org.nanosynapse.nn;

/**
 * The integer arithmetic of firmware/PROTOCOL.md §Arithmetic, operation by operation: int16 values
 * in Q F (raw r means r / 2^F), int32 intermediates, arithmetic shifts, saturation. Every method here
 * is normative; the firmware and the virtual board compute the same.
 */
public final class FixedPoint {
  public static final int MIN_FRACTION_BITS = 0;
  public static final int MAX_FRACTION_BITS = 14;
  public static final int DEFAULT_FRACTION_BITS = 8;

  private FixedPoint() {}

  public static void checkFractionBits(int f) {
    if (f < MIN_FRACTION_BITS || f > MAX_FRACTION_BITS) {
      throw new IllegalArgumentException("fraction bits F: must be in 0..14, got " + f);
    }
  }

  /** Clamps to [−32768, 32767]. */
  public static int sat16(long v) {
    return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
  }

  /** Clamps to [−2^31, 2^31 − 1]. */
  public static int sat32(long v) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  /** Raw value nearest to x in Q F, saturated to int16 (half away from zero). */
  public static short quantize(double x, int f) {
    double scaled = x * (1 << f);
    if (Double.isNaN(scaled)) {
      throw new IllegalArgumentException("value: not a number");
    }
    return (short) sat16(Math.round(scaled < 0 ? -Math.floor(-scaled + 0.5) : Math.floor(scaled + 0.5)));
  }

  public static double toDouble(int raw, int f) {
    return raw / (double) (1 << f);
  }

  /**
   * One neuron: acc = Σ w_i·x_i (x_n = one, each addition saturating to int32), z = sat16(acc >> F),
   * y = act(z).
   *
   * @param weights n + 1 raw weights, bias last
   * @param inputs n raw inputs
   */
  public static int neuron(short[] weights, short[] inputs, int activationCode, int f) {
    int n = inputs.length;
    if (weights.length != n + 1) {
      throw new IllegalArgumentException("weights: expected " + (n + 1) + " (inputs + bias), got " + weights.length);
    }
    int one = 1 << f;
    int acc = 0;
    for (int i = 0; i < n; i++) {
      acc = sat32((long) acc + (long) (weights[i] * inputs[i]));
    }
    acc = sat32((long) acc + (long) (weights[n] * one));
    int z = sat16(acc >> f);
    return activate(activationCode, z, f);
  }

  /** The activation of §Arithmetic's table on z (int16 Q F). */
  public static int activate(int code, int z, int f) {
    int one = 1 << f;
    return switch (code) {
      case 0 -> z;
      case 1 -> z > 0 ? one : 0;
      case 2 -> z > 0 ? one : (z < 0 ? -one : 0);
      case 3 -> Math.max(z, 0);
      case 4 -> plan(z, f);
      case 5 -> 2 * plan(2 * z, f) - one; // 2z in int32, not saturated
      default -> throw new IllegalArgumentException("activation code: unknown code " + code + " (0..5)");
    };
  }

  /**
   * PLAN, the piecewise-linear sigmoid of Amin, Curtis and Hayes-Gill (1997), in integers (v int32 in
   * Q F).
   */
  public static int plan(int v, int f) {
    int one = 1 << f;
    int a = Math.abs(v);
    int s;
    if (a >= 5 * one) {
      s = one;
    } else if (a >= (19 * one) >> 3) {
      s = (a >> 5) + ((27 * one) >> 5);
    } else if (a >= one) {
      s = (a >> 3) + ((5 * one) >> 3);
    } else {
      s = (a >> 2) + (one >> 1);
    }
    return v >= 0 ? s : one - s;
  }

  /**
   * Weight of a synapse from its pair's conductance codes (uint16) and the weight scale k (0..32767):
   * w = sat16(((int32)(c⁺ − c⁻) · (int32)k) >> 8).
   */
  public static short synapseWeight(int codePlus, int codeMinus, int weightScale) {
    if (codePlus < 0 || codePlus > 0xFFFF || codeMinus < 0 || codeMinus > 0xFFFF) {
      throw new IllegalArgumentException("conductance code: must be in 0..65535, got " + codePlus + ", " + codeMinus);
    }
    if (weightScale < 0 || weightScale > Short.MAX_VALUE) {
      throw new IllegalArgumentException("weight scale k: must be in 0..32767, got " + weightScale);
    }
    return (short) sat16(((codePlus - codeMinus) * weightScale) >> 8);
  }

  /** Index of the largest value, the lowest on a tie. */
  public static int argmax(short[] y) {
    int best = 0;
    for (int i = 1; i < y.length; i++) {
      if (y[i] > y[best]) {
        best = i;
      }
    }
    return best;
  }
}
