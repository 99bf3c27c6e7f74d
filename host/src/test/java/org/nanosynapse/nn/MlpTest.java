package org.nanosynapse.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTest {
  /** Backpropagation against central differences, for every activation/loss pair the trainer accepts. */
  @Test
  void gradientsMatchFiniteDifferences() {
    Activation[] hidden = {Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.IDENTITY};
    Object[][] outputs = {
      {Activation.SOFTMAX, Loss.CROSS_ENTROPY}, {Activation.SIGMOID, Loss.CROSS_ENTROPY},
      {Activation.SOFTMAX, Loss.QUADRATIC}, {Activation.TANH, Loss.QUADRATIC}, {Activation.IDENTITY, Loss.QUADRATIC}
    };
    SplittableRandom rng = new SplittableRandom(5);
    for (Activation h : hidden) {
      for (Object[] o : outputs) {
        Activation out = (Activation) o[0];
        Loss loss = (Loss) o[1];
        Mlp m = Mlp.initialised(new int[] {4, 3, 3}, new Activation[] {h, out}, 11);
        for (double[][] l : m.weights()) {
          for (double[] r : l) {
            for (int i = 0; i < r.length; i++) {
              r[i] += 0.3 * rng.nextGaussian(); // non-zero biases too
            }
          }
        }
        double[] x = {0.3, -1.2, 0.8, 0.5};
        int label = 2;
        double[][][] g = m.zerosLikeWeights();
        m.backprop(x, label, loss, 0, null, g, m.newWorkspace());
        for (int l = 0; l < g.length; l++) {
          for (int j = 0; j < g[l].length; j++) {
            for (int i = 0; i < g[l][j].length; i++) {
              double w = m.weights()[l][j][i];
              double eps = 1e-6;
              m.weights()[l][j][i] = w + eps;
              double up = lossOf(m, x, label, loss);
              m.weights()[l][j][i] = w - eps;
              double down = lossOf(m, x, label, loss);
              m.weights()[l][j][i] = w;
              double numeric = (up - down) / (2 * eps);
              assertEquals(numeric, g[l][j][i], 1e-5 + 1e-4 * Math.abs(numeric),
                  h + "/" + out + "/" + loss + " w[" + l + "][" + j + "][" + i + "]");
            }
          }
        }
      }
    }
  }

  private static double lossOf(Mlp m, double[] x, int label, Loss loss) {
    double[][][] g = m.zerosLikeWeights();
    return m.backprop(x, label, loss, 0, null, g, m.newWorkspace());
  }

  @Test
  void sameSeedSameWeights() {
    Mlp a = Mlp.initialised(new int[] {9, 4, 2}, new Activation[] {Activation.TANH, Activation.SOFTMAX}, 3);
    Mlp b = Mlp.initialised(new int[] {9, 4, 2}, new Activation[] {Activation.TANH, Activation.SOFTMAX}, 3);
    for (int l = 0; l < 2; l++) {
      for (int j = 0; j < a.weights()[l].length; j++) {
        assertArrayEquals(a.weights()[l][j], b.weights()[l][j]);
      }
    }
  }

  @Test
  void badShapesAreRejectedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Mlp(new int[] {9, 0, 2}, new Activation[] {Activation.TANH, Activation.SOFTMAX}));
    assertTrue(e.getMessage().startsWith("hidden size"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Mlp(new int[] {9, 3, 2}, new Activation[] {Activation.SOFTMAX, Activation.SOFTMAX}));
    assertTrue(e.getMessage().contains("softmax"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("swish"));
    assertTrue(e.getMessage().startsWith("activation"), e.getMessage());
  }

  @Test
  void stepAndSignForwardAreHardAndTheirSurrogateGradientIsSmooth() {
    assertEquals(1, Activation.STEP.apply(0.01));
    assertEquals(0, Activation.STEP.apply(-0.01));
    assertEquals(-1, Activation.SIGN.apply(-3));
    assertEquals(0.25, Activation.STEP.derivative(0, 1), 1e-12);
    assertEquals(1, Activation.SIGN.derivative(0, 0), 1e-12);
  }
}
