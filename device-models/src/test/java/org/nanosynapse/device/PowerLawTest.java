package org.nanosynapse.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PowerLawTest {
  static final PowerLawParameters PUBLISHED = new PowerLawParameters(200, 2.3e8, -0.146);

  /** The published curve (physics-and-sources.md §4, fact 1), to 0.1 %. */
  @Test
  void reproducesPublishedCurve() {
    double[] expected = {2.300e8, 2.079e8, 1.959e8, 1.879e8, 1.818e8, 1.771e8, 1.731e8, 1.698e8, 1.669e8,
        1.643e8, 1.621e8};
    for (int n = 1; n <= 11; n++) {
      double r = PowerLaw.resistanceAt(PUBLISHED, n);
      assertEquals(expected[n - 1], r, expected[n - 1] * 1e-3, "R(" + n + ")");
    }
  }

  @Test
  void steppingFromTheCurveFollowsIt() {
    // Starting at R(1) = R1 + R0 (clipped to R1 = 2.3e8 as published) and stepping 10 times gives R(2..11).
    double r = 2.3e8;
    for (int n = 2; n <= 11; n++) {
      r = PowerLaw.afterPulses(PUBLISHED, r, 1, 200, 2.3e8);
      double exact = PowerLaw.resistanceAt(PUBLISHED, n);
      // R(1) clipped to R1 lies at n = (1 - 200/2.3e8)^(1/a), slightly above 1: tolerance 1e-5.
      assertEquals(exact, r, exact * 1e-5, "step to n=" + n);
    }
  }

  @Test
  void handComputedValues() {
    // R(4) = 200 + 2.3e8 * 4^-0.146 = 200 + 2.3e8 * exp(-0.146 ln 4) = 200 + 2.3e8 * 0.816737... = 1.878597e8
    assertEquals(200 + 2.3e8 * Math.exp(-0.146 * Math.log(4)), PowerLaw.resistanceAt(PUBLISHED, 4), 1e-6);
    assertEquals(1.8785e8, PowerLaw.resistanceAt(PUBLISHED, 4), 0.0001e8);
    // Inverse: n(R) at R = 200 + 2.3e8 * 0.5 is 0.5^(1/-0.146) = 2^(6.849315) = 115.30
    assertEquals(115.30, PowerLaw.pulseNumberAt(PUBLISHED, 200 + 1.15e8), 0.01);
    // RESET branch a = +0.5: R(4) = 100 + 1000 * 2 = 2100; n(2100) = 4; 5 pulses from n=4 give 100 + 1000*3 = 3100.
    PowerLawParameters reset = new PowerLawParameters(100, 1000, 0.5);
    assertEquals(2100, PowerLaw.resistanceAt(reset, 4), 1e-9);
    assertEquals(4, PowerLaw.pulseNumberAt(reset, 2100), 1e-12);
    assertEquals(3100, PowerLaw.afterPulses(reset, 2100, 5), 1e-9);
    assertEquals(3100, PowerLaw.afterPulses(reset, 2100, 5, 0, 5000), 1e-9);
    assertEquals(3000, PowerLaw.afterPulses(reset, 2100, 5, 0, 3000), 1e-9);
    assertEquals(5, PowerLaw.pulsesBetween(reset, 2100, 3100), 1e-9);
  }

  @Test
  void outsideTheDomainTheStateNeverMovesAgainstThePolarity() {
    // SET at R below R0: n is infinite, R stays.
    assertEquals(150, PowerLaw.afterPulses(PUBLISHED, 150, 1), 0);
    assertEquals(Double.POSITIVE_INFINITY, PowerLaw.pulseNumberAt(PUBLISHED, 100));
    // RESET at R below R0 starts from n = 0: R0 + R1 * 1^a after one pulse.
    PowerLawParameters reset = new PowerLawParameters(100, 1000, 0.5);
    assertEquals(0, PowerLaw.pulseNumberAt(reset, 50));
    assertEquals(1100, PowerLaw.afterPulses(reset, 50, 1), 1e-9);
  }

  @Test
  void setAlwaysLowersAndResetAlwaysRaises() {
    PowerLawParameters reset = new PowerLawParameters(200, 1.433e8, 0.2055);
    for (double r = 1e3; r < 2.3e8; r *= 1.7) {
      assertTrue(PowerLaw.afterPulses(PUBLISHED, r, 1) <= r);
      assertTrue(PowerLaw.afterPulses(reset, r, 1) >= r);
    }
  }

  @Test
  void normalisedConductanceAndWeight() {
    assertEquals(0, PowerLaw.normalisedConductance(2.3e8, 200, 2.3e8), 1e-15);
    assertEquals(1, PowerLaw.normalisedConductance(200, 200, 2.3e8), 1e-12);
    // R = 1e8: (1e-8 - 1/2.3e8) / (1/200 - 1/2.3e8) = 5.652174e-9 / 4.99999565e-3 = 1.1304357e-6
    double gn = PowerLaw.normalisedConductance(1e8, 200, 2.3e8);
    assertEquals(1.1304357e-6, gn, 1e-12);
    assertEquals(1e8, PowerLaw.resistanceAtNormalisedConductance(gn, 200, 2.3e8), 1e-3);
    assertEquals(1e3 * (0.3 - 0.1), PowerLaw.weight(1e3, 0.3, 0.1), 1e-12);
  }

  @Test
  void clip() {
    assertEquals(200, PowerLaw.clip(100, 200, 2.3e8));
    assertEquals(2.3e8, PowerLaw.clip(3e8, 200, 2.3e8));
    assertEquals(1e5, PowerLaw.clip(1e5, 200, 2.3e8));
  }

  @Test
  void parametersAreValidated() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PowerLawParameters(-1, 1, -0.1));
    assertTrue(e.getMessage().startsWith("r0_ohm"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PowerLawParameters(1, 0, -0.1));
    assertTrue(e.getMessage().startsWith("r1_ohm"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PowerLawParameters(1, 1, 0));
    assertTrue(e.getMessage().startsWith("exponent"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PowerLawParameters(1, 1, 0.2).requirePolarity(Polarity.SET, "set[0].exponent"));
    assertTrue(e.getMessage().startsWith("set[0].exponent: exponent must be < 0"), e.getMessage());
  }
}
