package org.nanosynapse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Round trip: 50 synthetic 100-pulse series (R0 1e2..3e4 Ω log-uniform, R1 1e5..1e8 Ω log-uniform,
 * a −1.2..−0.15 uniform, 2 % multiplicative noise) are fitted back.
 */
class PowerLawRoundTripTest {
  static final int SERIES = 50;

  record Score(int recovered, double worstARelErr) {}

  static Score run(long seed, boolean fixR0) {
    Random rng = new Random(seed);
    int ok = 0;
    double worst = 0;
    for (int i = 0; i < SERIES; i++) {
      SyntheticSeries.Truth t = SyntheticSeries.draw(rng, 1e2, 3e4, 1e5, 1e8, -1.2, -0.15);
      PulseSeries s = SyntheticSeries.generate("rt" + i, Branch.SET, t.r0Ohm(), t.r1Ohm(), t.a(), 100, 0.02, rng);
      PowerLawFit f = PowerLawFitter.fit(s, fixR0 ? FitOptions.fixedR0(t.r0Ohm()) : FitOptions.freeR0());
      double aErr = Math.abs(f.a() / t.a() - 1);
      double r1Err = Math.abs(f.r1Ohm() / t.r1Ohm() - 1);
      worst = Math.max(worst, aErr);
      if (aErr <= 0.03 && r1Err <= 0.05) {
        ok++;
      }
    }
    return new Score(ok, worst);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void knownR0RecoversAAndR1For48Of50(long seed) {
    Score s = run(seed, true);
    System.out.printf("round trip, R0 fixed, seed %d: %d/50 (worst |da/a| %.4f)%n", seed, s.recovered(), s.worstARelErr());
    assertTrue(s.recovered() >= 48, "recovered " + s.recovered() + "/50");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void freeBoundedR0(long seed) {
    Score s = run(seed, false);
    System.out.printf("round trip, R0 free, seed %d: %d/50 (worst |da/a| %.4f)%n", seed, s.recovered(), s.worstARelErr());
    assertTrue(s.recovered() >= 40, "recovered " + s.recovered() + "/50");
  }

  @Test
  void noiselessSeriesIsRecoveredExactly() {
    PulseSeries s = SyntheticSeries.generate("exact", Branch.SET, 3e3, 2e6, -0.6, 100, 0, new Random(7));
    PowerLawFit f = PowerLawFitter.fit(s, FitOptions.freeR0());
    assertEquals(3e3, f.r0Ohm(), 3e3 * 1e-4);
    assertEquals(2e6, f.r1Ohm(), 2e6 * 1e-6);
    assertEquals(-0.6, f.a(), 1e-6);
    assertEquals(R0Handling.FREE_BOUNDED, f.r0Handling());
    assertTrue(f.rmseLog10() < 1e-8);
  }
}
