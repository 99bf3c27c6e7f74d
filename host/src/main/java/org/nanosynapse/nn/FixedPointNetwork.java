package org.nanosynapse.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * What the boards compute: layers of int16 weights (Q F, bias last) with board activation codes, in
 * the arithmetic of {@link FixedPoint}. Deployment builds it from the weights the boards will hold
 * (computed from device conductance codes), so the host predicts the boards' outputs bit-exactly.
 */
public final class FixedPointNetwork {
  /**
   * One layer.
   *
   * @param weights [output][input + 1] raw int16 weights, bias last
   * @param activationCode board activation code (0..5)
   */
  public record Layer(short[][] weights, int activationCode) {
    public Layer {
      if (weights.length == 0 || weights[0].length < 2) {
        throw new IllegalArgumentException("layer weights: need at least one neuron with one input and a bias");
      }
      for (short[] row : weights) {
        if (row.length != weights[0].length) {
          throw new IllegalArgumentException("layer weights: rows of different length");
        }
      }
      FixedPoint.activate(activationCode, 0, 0); // validates the code
    }

    public int inputs() {
      return weights[0].length - 1;
    }

    public int outputs() {
      return weights.length;
    }
  }

  private final List<Layer> layers;
  private final int fractionBits;

  public FixedPointNetwork(List<Layer> layers, int fractionBits) {
    FixedPoint.checkFractionBits(fractionBits);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("layers: need at least one");
    }
    for (int l = 1; l < layers.size(); l++) {
      if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
        throw new IllegalArgumentException(
            "layer " + l + ": has " + layers.get(l).inputs() + " inputs but layer " + (l - 1) + " has "
                + layers.get(l - 1).outputs() + " outputs");
      }
    }
    this.layers = List.copyOf(layers);
    this.fractionBits = fractionBits;
  }

  /**
   * Quantises a floating-point network (weights rounded to Q F and saturated). Hidden activations
   * keep their board codes; the output layer uses identity (code 0), as on the boards, since argmax
   * of a monotone activation's outputs is the argmax of z (ties aside).
   */
  public static FixedPointNetwork fromMlp(Mlp mlp, int fractionBits) {
    FixedPoint.checkFractionBits(fractionBits);
    List<Layer> out = new ArrayList<>();
    double[][][] w = mlp.weights();
    for (int l = 0; l < w.length; l++) {
      short[][] q = new short[w[l].length][w[l][0].length];
      for (int j = 0; j < q.length; j++) {
        for (int i = 0; i < q[j].length; i++) {
          q[j][i] = FixedPoint.quantize(w[l][j][i], fractionBits);
        }
      }
      int code;
      if (l == w.length - 1) {
        code = 0;
      } else {
        code = mlp.activation(l).boardCode();
        if (code < 0) {
          throw new IllegalArgumentException("activation: " + mlp.activation(l).label() + " has no board code");
        }
      }
      out.add(new Layer(q, code));
    }
    return new FixedPointNetwork(out, fractionBits);
  }

  public List<Layer> layers() {
    return layers;
  }

  public int fractionBits() {
    return fractionBits;
  }

  public int inputSize() {
    return layers.get(0).inputs();
  }

  /** Input pixels to raw Q F values. */
  public short[] quantizeInput(double[] x) {
    short[] q = new short[x.length];
    for (int i = 0; i < x.length; i++) {
      q[i] = FixedPoint.quantize(x[i], fractionBits);
    }
    return q;
  }

  /** Outputs of every layer, in order (the last is the network's output). */
  public List<short[]> inferLayers(short[] input) {
    if (input.length != inputSize()) {
      throw new IllegalArgumentException("input: expected " + inputSize() + " values, got " + input.length);
    }
    List<short[]> outs = new ArrayList<>();
    short[] x = input;
    for (Layer layer : layers) {
      short[] y = new short[layer.outputs()];
      for (int j = 0; j < y.length; j++) {
        y[j] = (short) FixedPoint.neuron(layer.weights()[j], x, layer.activationCode(), fractionBits);
      }
      outs.add(y);
      x = y;
    }
    return outs;
  }

  public short[] infer(short[] input) {
    List<short[]> all = inferLayers(input);
    return all.get(all.size() - 1);
  }

  /** The predicted class: index of the largest output, lowest on a tie. */
  public int predict(short[] input) {
    return FixedPoint.argmax(infer(input));
  }

  public int predict(double[] x) {
    return predict(quantizeInput(x));
  }
}
