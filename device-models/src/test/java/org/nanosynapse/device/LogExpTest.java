package org.nanosynapse.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogExpTest {
  @Test
  void logEqualsMathLogToRoundingInAbsoluteTerms() {
    SplittableRandom rnd = new SplittableRandom(5);
    double worst = 0;
    for (int i = 0; i < 300_000; i++) {
      // Mantissas over every table cell, exponents from 1e-300 to 1e300, and values near 1.
      double x = i % 3 == 0 ? 1 + rnd.nextDouble(-0.3, 0.3) : Math.exp(rnd.nextDouble(-690, 690));
      double exact = Math.log(x);
      worst = Math.max(worst, Math.abs(LogExp.log(x) - exact) / (1 + Math.abs(exact)));
    }
    assertEquals(0, worst, 5e-16, "worst error " + worst);
    assertEquals(0.0, LogExp.log(1.0));
    assertEquals(Math.log(0.0), LogExp.log(0.0));
    assertEquals(Math.log(-1.0), LogExp.log(-1.0));
    assertEquals(Math.log(Double.MIN_VALUE), LogExp.log(Double.MIN_VALUE));
    assertEquals(Math.log(Double.POSITIVE_INFINITY), LogExp.log(Double.POSITIVE_INFINITY));
    assertEquals(Math.log(Double.NaN), LogExp.log(Double.NaN));
  }

  @Test
  void expEqualsMathExpToRounding() {
    SplittableRandom rnd = new SplittableRandom(6);
    double worst = 0;
    for (int i = 0; i < 300_000; i++) {
      double y = i % 2 == 0 ? rnd.nextDouble(-699, 699) : rnd.nextDouble(-1, 1);
      worst = Math.max(worst, Math.abs(LogExp.exp(y) / Math.exp(y) - 1));
    }
    assertEquals(0, worst, 5e-16, "worst relative error " + worst);
    assertEquals(1.0, LogExp.exp(0.0));
    for (double y : new double[] {700, -700, 710, -746, 1e308, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, Double.NaN}) {
      assertEquals(Math.exp(y), LogExp.exp(y), "exp(" + y + ")");
    }
  }

  @Test
  void powerEqualsMathPowOnTheDeviceRange() {
    SplittableRandom rnd = new SplittableRandom(7);
    double worst = 0;
    for (int i = 0; i < 300_000; i++) {
      // Pulse numbers 1e-3..1e7 with SET/RESET exponents, and x = n^a in (0, 2] with 1/a.
      double n = Math.exp(rnd.nextDouble(Math.log(1e-3), Math.log(1e7)));
      double a = rnd.nextDouble(-1, 1);
      double x = rnd.nextDouble(1e-6, 2);
      worst = Math.max(worst, Math.abs(LogExp.pow(n, a) / Math.pow(n, a) - 1));
      if (Math.abs(a) > 0.05) {
        worst = Math.max(worst, Math.abs(LogExp.pow(x, 1 / a) / Math.pow(x, 1 / a) - 1));
      }
    }
    assertEquals(0, worst, 1e-13, "worst relative error " + worst);
  }
}
