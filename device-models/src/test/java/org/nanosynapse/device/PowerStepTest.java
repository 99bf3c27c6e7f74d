package org.nanosynapse.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowerStepTest {
  @Test
  void equalsMathPowToRounding() {
    SplittableRandom rnd = new SplittableRandom(3);
    double worst = 0;
    for (int i = 0; i < 200_000; i++) {
      double u = i < 10 ? PowerStep.MAX_U * i / 9 : rnd.nextDouble(0, PowerStep.MAX_U);
      double a = rnd.nextDouble(-4, 4);
      double exact = Math.pow(1 + u, a);
      worst = Math.max(worst, Math.abs(PowerStep.onePlusPow(u, a) / exact - 1));
    }
    assertEquals(0, worst, 1e-15, "worst relative error " + worst);
    assertEquals(1.0, PowerStep.onePlusPow(0, -0.146));
  }

  @Test
  void binomialSeriesEqualsMathPowToRounding() {
    SplittableRandom rnd = new SplittableRandom(4);
    double worst = 0;
    for (int i = 0; i < 200_000; i++) {
      double u = rnd.nextDouble(0, PowerStep.MAX_U);
      double a = rnd.nextDouble(-1, 1);
      double[] c = PowerStep.binomialCoefficients(a);
      double exact = Math.pow(1 + u, a);
      worst = Math.max(worst, Math.abs(PowerStep.binomialOnePlusPow(u, c) / exact - 1));
      worst = Math.max(worst, Math.abs(PowerStep.binomialOnePlusPow(u, a) / exact - 1));
    }
    assertEquals(0, worst, 1e-15, "worst relative error " + worst);
  }
}
