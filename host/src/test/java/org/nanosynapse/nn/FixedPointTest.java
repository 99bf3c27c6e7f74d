package org.nanosynapse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.dataset.LineDatasetGenerator;
import org.nanosynapse.dataset.LineTask;

class FixedPointTest {
  @Test
  void planBreakpointsInQ8() {
    int one = 256;
    assertEquals(128, FixedPoint.plan(0, 8)); // 0.5
    assertEquals((255 >> 2) + 128, FixedPoint.plan(255, 8));
    assertEquals((256 >> 3) + 160, FixedPoint.plan(256, 8)); // 0.125·1 + 0.625
    assertEquals((608 >> 5) + 216, FixedPoint.plan(608, 8)); // 19/8 = 2.375 → 0.03125·|v| + 0.84375
    assertEquals(one, FixedPoint.plan(5 * one, 8));
    assertEquals(one - FixedPoint.plan(300, 8), FixedPoint.plan(-300, 8));
  }

  @Test
  void neuronSaturatesAccumulatorAndOutput() {
    short[] w = {Short.MAX_VALUE, Short.MAX_VALUE, Short.MAX_VALUE};
    short[] x = {Short.MAX_VALUE, Short.MAX_VALUE};
    // 2·32767² + 32767·256 fits in int32; >> 8 saturates to 32767 in int16.
    assertEquals(Short.MAX_VALUE, FixedPoint.neuron(w, x, 0, 8));
    short[] wNeg = {Short.MIN_VALUE, Short.MIN_VALUE, 0, 0, Short.MIN_VALUE};
    short[] xNeg = {Short.MAX_VALUE, Short.MAX_VALUE, 0, 0};
    assertEquals(Short.MIN_VALUE, FixedPoint.neuron(wNeg, xNeg, 0, 8));
    // relu, step and sign on a negative sum
    assertEquals(0, FixedPoint.neuron(new short[] {-256, 0}, new short[] {256}, 3, 8));
    assertEquals(0, FixedPoint.neuron(new short[] {-256, 0}, new short[] {256}, 1, 8));
    assertEquals(-256, FixedPoint.neuron(new short[] {-256, 0}, new short[] {256}, 2, 8));
    // arithmetic shift rounds towards −∞: (−1·1) >> 8 = −1
    assertEquals(-1, FixedPoint.neuron(new short[] {-1, 0}, new short[] {1}, 0, 8));
    // 32 accumulations of 2^30 saturate the int32 accumulator instead of wrapping
    short[] big = new short[33];
    short[] xs = new short[32];
    java.util.Arrays.fill(big, (short) -32768);
    java.util.Arrays.fill(xs, (short) -32768);
    big[32] = 0;
    assertEquals(Short.MAX_VALUE, FixedPoint.neuron(big, xs, 0, 0));
  }

  @Test
  void tanhUsesUnsaturatedDoubleArgument() {
    // z = 20000 in Q8: 2z = 40000 does not fit in int16 but is used in int32: PLAN = one, tanh = one.
    assertEquals(256, FixedPoint.activate(5, 20000, 8));
    assertEquals(-256, FixedPoint.activate(5, -20000, 8));
    assertEquals(0, FixedPoint.activate(5, 0, 8));
  }

  @Test
  void badCodesAndFractionBitsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> FixedPoint.activate(6, 0, 8));
    assertThrows(IllegalArgumentException.class, () -> FixedPoint.checkFractionBits(15));
    assertThrows(IllegalArgumentException.class, () -> FixedPoint.synapseWeight(70000, 0, 1));
  }

  @Test
  void quantisedNetworkAgreesWithFloatingPointOnNoisyImages() {
    LineTask task = LineTask.defaultTask();
    Dataset train = LineDatasetGenerator.generate(task, 600, 3);
    Mlp mlp = Mlp.initialised(new int[] {9, 4, 2}, new Activation[] {Activation.TANH, Activation.SOFTMAX}, 4);
    Optimizer opt = Optimizer.create(Optimizer.Kind.ADAM, 0.02, 0, 0);
    double[][][] g = mlp.zerosLikeWeights();
    double[][][] u = mlp.zerosLikeWeights();
    Mlp.Workspace ws = mlp.newWorkspace();
    for (int epoch = 0; epoch < 10; epoch++) {
      for (int i = 0; i < train.size(); i++) {
        for (double[][] l : g) {
          for (double[] r : l) {
            java.util.Arrays.fill(r, 0);
          }
        }
        mlp.backprop(train.input(i), train.label(i), Loss.CROSS_ENTROPY, 0, null, g, ws);
        opt.update(mlp.weights(), g, u);
        for (int l = 0; l < u.length; l++) {
          for (int j = 0; j < u[l].length; j++) {
            for (int k = 0; k < u[l][j].length; k++) {
              mlp.weights()[l][j][k] += u[l][j][k];
            }
          }
        }
      }
    }
    FixedPointNetwork q = FixedPointNetwork.fromMlp(mlp, 8);
    assertEquals(0, q.layers().get(1).activationCode(), "the board's output layer is identity");
    Dataset test = LineDatasetGenerator.generate(task, 2000, 9);
    int agree = 0;
    for (int i = 0; i < test.size(); i++) {
      if (q.predict(test.input(i)) == mlp.predict(test.input(i))) {
        agree++;
      }
    }
    assertTrue(agree >= 0.98 * test.size(), "Q8 and float agree on " + agree + " of " + test.size());
  }

  @Test
  void networkTakesInt16WeightsDirectlyAndBreaksTiesTowardsTheLowestIndex() {
    short[][] hidden = {{256, 0, 0}, {0, 256, 0}};
    short[][] out = {{256, 0, 0}, {256, 0, 0}};
    FixedPointNetwork net = new FixedPointNetwork(
        List.of(new FixedPointNetwork.Layer(hidden, 3), new FixedPointNetwork.Layer(out, 0)), 8);
    short[] y = net.infer(new short[] {512, -256});
    assertEquals(512, y[0]);
    assertEquals(512, y[1]);
    assertEquals(0, net.predict(new short[] {512, -256}));
    assertThrows(IllegalArgumentException.class, () -> new FixedPointNetwork(
        List.of(new FixedPointNetwork.Layer(hidden, 3), new FixedPointNetwork.Layer(new short[][] {{1, 2, 3, 4}}, 0)),
        8));
  }
}
