package org.nanosynapse.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Each noise source over ≥ 1e5 draws with fixed seeds. Tolerances: a sample mean of n draws with sd σ is within
 * 5σ/√n of the truth except with probability 6e-7; a sample sd within ~5σ/√(2n). Stated per assertion.
 */
class NoiseStatisticsTest {
  static final ParameterSet GRONINGEN = ParameterSet.builtIn("groningen-2021");
  static final int N = 200_000;

  /** Mean, sd, skewness and excess kurtosis of xs. */
  static double[] moments(double[] xs) {
    double m = 0;
    for (double x : xs) {
      m += x;
    }
    m /= xs.length;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double x : xs) {
      double d = x - m;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= xs.length;
    m3 /= xs.length;
    m4 /= xs.length;
    return new double[] {m, Math.sqrt(m2), m3 / Math.pow(m2, 1.5), m4 / (m2 * m2) - 3};
  }

  @Test
  void zigguratIsStandardNormal() {
    for (long seed : new long[] {1, 2, 3}) {
      long[] s = {DeviceRandom.streamState(seed, 0)};
      int n = 1_000_000;
      double[] xs = new double[n];
      int beyond2 = 0;
      int beyond3 = 0;
      for (int i = 0; i < n; i++) {
        xs[i] = DeviceRandom.nextGaussian(s, 0);
        beyond2 += Math.abs(xs[i]) > 2 ? 1 : 0;
        beyond3 += Math.abs(xs[i]) > 3 ? 1 : 0;
      }
      double[] m = moments(xs);
      assertEquals(0, m[0], 5 / Math.sqrt(n), "mean");
      assertEquals(1, m[1], 5 / Math.sqrt(2.0 * n), "sd");
      assertEquals(0, m[2], 5 * Math.sqrt(6.0 / n), "skewness");
      assertEquals(0, m[3], 5 * Math.sqrt(24.0 / n), "excess kurtosis");
      // P(|x|>2) = 0.0455003, P(|x|>3) = 0.0026998; binomial 5σ.
      assertEquals(0.0455003 * n, beyond2, 5 * Math.sqrt(n * 0.0455 * 0.9545));
      assertEquals(0.0026998 * n, beyond3, 5 * Math.sqrt(n * 0.0027 * 0.9973));
    }
  }

  @Test
  void deviceToDeviceSpreadIsFifteenPercentAsPublished() {
    DevicePopulation pop = new DevicePopulation(GRONINGEN, NonIdealities.PUBLISHED, N, 11);
    double[] r0 = new double[N];
    double[] r1 = new double[N];
    double[] a = new double[N];
    double[] init = new double[N];
    for (int i = 0; i < N; i++) {
      PowerLawParameters law = pop.deviceLaw(i, Polarity.SET, 0.1);
      r0[i] = law.r0Ohm() / 200;
      r1[i] = law.r1Ohm() / 2.3e8;
      a[i] = law.exponent() / -0.146;
      init[i] = pop.resistanceOhm(i) / 1e8;
    }
    // Truncation at 0 is 6.7σ away: the truncated moments equal the untruncated ones to 1e-10.
    for (double[] f : new double[][] {r0, r1, a, init}) {
      double[] m = moments(f);
      assertEquals(1, m[0], 5 * 0.15 / Math.sqrt(N), "mean factor");
      assertEquals(0.15, m[1], 5 * 0.15 / Math.sqrt(2.0 * N), "relative sd");
    }
    // Switching spreads off gives the set's values exactly.
    DevicePopulation ideal = new DevicePopulation(GRONINGEN, NonIdealities.NONE, 10, 11);
    assertEquals(new PowerLawParameters(200, 2.3e8, -0.146), ideal.deviceLaw(4, Polarity.SET, 0.1));
  }

  @Test
  void pulseNoiseVariesEachPulsesEffect() {
    double sigma = 0.2;
    DevicePopulation pop = new DevicePopulation(GRONINGEN, NonIdealities.NONE.withPulseNoise(sigma), N, 5);
    PowerLawParameters law = GRONINGEN.law(Polarity.SET, 0.1);
    double n0 = PowerLaw.pulseNumberAt(law, 1e8);
    pop.applyPulse(Polarity.SET, 0.1, 0, N);
    double[] dn = new double[N];
    for (int i = 0; i < N; i++) {
      dn[i] = PowerLaw.pulseNumberAt(law, pop.resistanceOhm(i)) - n0;
    }
    double[] m = moments(dn);
    // Δn = max(0, 1 + σξ): truncation at ξ = −5 is negligible. n0 ≈ 300, so inverting R costs ~1e-9 in Δn.
    assertEquals(1, m[0], 5 * sigma / Math.sqrt(N), "mean pulse effect");
    assertEquals(sigma, m[1], 5 * sigma / Math.sqrt(2.0 * N), "sd of pulse effect");
    // Without pulse noise every device moves by exactly one pulse.
    DevicePopulation quiet = DevicePopulation.ideal(GRONINGEN, 1);
    quiet.applyPulse(0, Polarity.SET, 0.1);
    assertEquals(1, PowerLaw.pulseNumberAt(law, quiet.resistanceOhm(0)) - n0, 1e-9);
  }

  @Test
  void readNoiseIsRelativeOnConductanceAndLeavesTheStateAlone() {
    double sigma = 0.03;
    DevicePopulation pop = new DevicePopulation(GRONINGEN, NonIdealities.NONE.withReadNoise(sigma), 1, 9);
    double g = pop.conductanceS(0);
    double[] rel = new double[N];
    for (int i = 0; i < N; i++) {
      rel[i] = (1 / pop.readResistanceOhm(0)) / g - 1;
    }
    double[] m = moments(rel);
    assertEquals(0, m[0], 5 * sigma / Math.sqrt(N));
    assertEquals(sigma, m[1], 5 * sigma / Math.sqrt(2.0 * N));
    assertEquals(1e8, pop.resistanceOhm(0), 1e-6);
  }

  @Test
  void stuckFractionsMatchTheirProbabilities() {
    double high = 0.02;
    double low = 0.05;
    DevicePopulation pop = new DevicePopulation(GRONINGEN, NonIdealities.NONE.withStuck(high, low), N, 17);
    int nHigh = 0;
    int nLow = 0;
    for (int i = 0; i < N; i++) {
      if (pop.isStuck(i)) {
        if (pop.resistanceOhm(i) == 2.3e8) {
          nHigh++;
        } else {
          assertEquals(200, pop.resistanceOhm(i));
          nLow++;
        }
      }
    }
    assertEquals(high * N, nHigh, 5 * Math.sqrt(N * high * (1 - high)));
    assertEquals(low * N, nLow, 5 * Math.sqrt(N * low * (1 - low)));
  }

  @Test
  void spreadIsTruncatedSoExponentsKeepTheirSign() {
    // 60 % spread: an untruncated Gaussian factor would be negative for 4.8 % of devices.
    DevicePopulation pop =
        new DevicePopulation(GRONINGEN, NonIdealities.NONE.withDeviceSpread(0.6), N / 2, 23);
    for (int i = 0; i < pop.size(); i++) {
      assertTrue(pop.deviceLaw(i, Polarity.SET, 0.1).exponent() < 0);
      assertTrue(pop.deviceLaw(i, Polarity.RESET, -4).exponent() > 0);
      assertTrue(pop.minResistanceOhm(i) > 0);
    }
  }
}
