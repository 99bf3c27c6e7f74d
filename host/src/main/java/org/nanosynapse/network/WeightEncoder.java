package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.board.BoardArithmetic;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.nn.FixedPoint;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.nn.Mlp;

/**
 * Turns a trained {@link Mlp} into device targets for every board of a {@link Topology}.
 *
 * <p>Choice of k and G_lsb: G_lsb follows from k by the formula of {@link WeightEncoding}, and a
 * smaller k gives a finer G_lsb (more codes per unit of conductance, so pulses move codes in finer
 * steps). The encoder takes the smallest k for which every code of every pair, base code plus the
 * largest code difference, stays below {@link #CODE_LIMIT} (headroom for closed-loop overshoot).
 * With k ≤ 256 every int16 weight is represented exactly.
 */
public final class WeightEncoder {
  /** Largest code a target may use; the rest of the uint16 range is headroom for write-and-verify. */
  public static final int CODE_LIMIT = 60_000;

  private WeightEncoder() {}

  /**
   * @param initialResistanceOhm resistance of both devices of a balanced pair before programming
   */
  public static DeploymentPlan encode(
      Mlp mlp, Topology topology, int fractionalBits, double gain, double r0Ohm, double r1Ohm, double initialResistanceOhm) {
    return encode(mlp, topology, fractionalBits, gain, r0Ohm, r1Ohm, initialResistanceOhm, 0);
  }

  /**
   * As above, with the code range sized for weights up to {@code rangeWeight} (if larger than the
   * model's): room for the weights to grow by pulses, as in training on the boards.
   */
  public static DeploymentPlan encode(
      Mlp mlp, Topology topology, int fractionalBits, double gain, double r0Ohm, double r1Ohm,
      double initialResistanceOhm, double rangeWeight) {
    FixedPoint.checkFractionBits(fractionalBits);
    checkShape(mlp, topology);
    if (!(gain > 0) || Double.isInfinite(gain)) {
      throw new IllegalArgumentException("gain: must be a positive number, got " + gain);
    }
    double deltaG = 1 / r0Ohm - 1 / r1Ohm;
    double initialG = 1 / initialResistanceOhm;
    double[][][] w = mlp.weights();
    int one = 1 << fractionalBits;
    short[][][] targetRaw = new short[w.length][][];
    int maxRaw = 0;
    double maxAbsWeight = 0;
    for (int l = 0; l < w.length; l++) {
      targetRaw[l] = new short[w[l].length][];
      for (int j = 0; j < w[l].length; j++) {
        targetRaw[l][j] = new short[w[l][j].length];
        for (int i = 0; i < w[l][j].length; i++) {
          double scaled = w[l][j][i] * one;
          if (Math.abs(scaled) > Short.MAX_VALUE) {
            throw new IllegalArgumentException(
                "weights: layer " + l + " neuron " + j + " input " + i + " weight " + w[l][j][i]
                    + " exceeds the Q" + fractionalBits + " range ±" + (Short.MAX_VALUE / (double) one)
                    + "; use fewer fractional bits");
          }
          targetRaw[l][j][i] = FixedPoint.quantize(w[l][j][i], fractionalBits);
          maxRaw = Math.max(maxRaw, Math.abs(targetRaw[l][j][i]));
          maxAbsWeight = Math.max(maxAbsWeight, Math.abs(w[l][j][i]));
        }
      }
    }
    if (rangeWeight > maxAbsWeight) {
      if (Math.abs(rangeWeight * one) > Short.MAX_VALUE) {
        throw new IllegalArgumentException("range weight: " + rangeWeight + " exceeds the Q" + fractionalBits
            + " range ±" + (Short.MAX_VALUE / (double) one));
      }
      maxAbsWeight = rangeWeight;
      maxRaw = Math.max(maxRaw, Math.abs(FixedPoint.quantize(rangeWeight, fractionalBits)));
    }
    // Physical range: the raised device must stay at or below 1/R0 (Gn ≤ 1).
    double gnInitial = (initialG - 1 / r1Ohm) / deltaG;
    if (maxAbsWeight / gain > 1 - gnInitial) {
      throw new IllegalArgumentException(
          "gain: γ = " + gain + " is too small for the largest weight " + maxAbsWeight
              + " (the device would pass R0); use a gain ≥ " + Math.ceil(maxAbsWeight / (1 - gnInitial)));
    }
    // base(k) = B/k with B = G_init·256·γ·2^F/ΔG; the largest code ≈ (B + 256·maxRaw)/k + 1.
    double b = initialG * 256 * gain * one / deltaG;
    int k = (int) Math.max(1, Math.ceil((b + 256.0 * maxRaw) / (CODE_LIMIT - 2)));
    if (k > 32767) {
      throw new IllegalArgumentException(
          "gain: γ = " + gain + " puts the balanced state beyond the 16-bit code range; use a smaller gain");
    }
    double lsb = k * deltaG / (256 * gain * one);
    int base = (int) Math.round(initialG / lsb);
    WeightEncoding enc = new WeightEncoding(fractionalBits, k, lsb, gain, base, r0Ohm, r1Ohm);

    List<BoardTargets> boards = new ArrayList<>();
    short[][][] deployed = new short[w.length][][];
    for (int l = 0; l < w.length; l++) {
      deployed[l] = new short[w[l].length][];
    }
    for (BoardSlot slot : topology.boards()) {
      LayerSpec layer = topology.layers().get(slot.layer());
      int n = layer.inputs();
      int code = slot.layer() == topology.layers().size() - 1 ? 0 : layer.activation().boardCode();
      BoardConfig config = new BoardConfig(slot.neurons(), n, code, fractionalBits, k);
      List<SynapseCodes> codes = new ArrayList<>();
      short[] expected = new short[config.synapseCount()];
      for (int j = 0; j < slot.neurons(); j++) {
        int neuron = slot.firstNeuron() + j;
        short[] row = new short[n + 1];
        for (int i = 0; i <= n; i++) {
          SynapseCodes pair = enc.pairFor(enc.codeDifference(targetRaw[slot.layer()][neuron][i]));
          codes.add(pair);
          row[i] = BoardArithmetic.weight(pair.plusCode(), pair.minusCode(), k);
          expected[j * (n + 1) + i] = row[i];
        }
        deployed[slot.layer()][neuron] = row;
      }
      boards.add(new BoardTargets(slot, config, codes, expected));
    }
    List<FixedPointNetwork.Layer> fixedLayers = new ArrayList<>();
    for (int l = 0; l < deployed.length; l++) {
      int code = l == deployed.length - 1 ? 0 : topology.layers().get(l).activation().boardCode();
      fixedLayers.add(new FixedPointNetwork.Layer(deployed[l], code));
    }
    return new DeploymentPlan(topology, enc, boards, new FixedPointNetwork(fixedLayers, fractionalBits));
  }

  /** The topology must describe the model's layers (sizes; activations except the output layer's). */
  public static void checkShape(Mlp mlp, Topology topology) {
    int[] sizes = mlp.sizes();
    int[] t = topology.layerSizes();
    if (!java.util.Arrays.equals(sizes, t)) {
      throw new IllegalArgumentException(
          "topology: layer sizes " + java.util.Arrays.toString(t) + " do not match the model's "
              + java.util.Arrays.toString(sizes));
    }
    for (int l = 0; l < mlp.layerCount() - 1; l++) {
      if (mlp.activation(l) != topology.layers().get(l).activation()) {
        throw new IllegalArgumentException(
            "topology: layers[" + l + "].activation is " + topology.layers().get(l).activation().label()
                + " but the model uses " + mlp.activation(l).label());
      }
    }
  }

  /** Topology layers for a model: its sizes and activations, the output layer as identity. */
  public static List<LayerSpec> layersOf(Mlp mlp) {
    List<LayerSpec> layers = new ArrayList<>();
    int[] sizes = mlp.sizes();
    for (int l = 0; l < mlp.layerCount(); l++) {
      org.nanosynapse.nn.Activation a =
          l == mlp.layerCount() - 1 ? org.nanosynapse.nn.Activation.IDENTITY : mlp.activation(l);
      layers.add(new LayerSpec(sizes[l], sizes[l + 1], a));
    }
    return layers;
  }
}
