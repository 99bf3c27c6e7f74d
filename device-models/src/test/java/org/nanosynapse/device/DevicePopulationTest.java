package org.nanosynapse.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DevicePopulationTest {
  static final ParameterSet GRONINGEN = ParameterSet.builtIn("groningen-2021");

  @Test
  void idealPopulationFollowsThePowerLawThroughMixedTrains() {
    DevicePopulation pop = DevicePopulation.ideal(GRONINGEN, 3);
    PowerLawParameters set = GRONINGEN.law(Polarity.SET, 0.1);
    PowerLawParameters reset = GRONINGEN.law(Polarity.RESET, -4);
    double ref = 1e8;
    String train = "SSSSSRRRSSSSSSSSRRRRRRRRRRRRRRRRSSSRS";
    for (char c : train.toCharArray()) {
      boolean isSet = c == 'S';
      ref = PowerLaw.afterPulses(isSet ? set : reset, ref, 1, 200, 2.3e8);
      pop.applyPulse(isSet ? Polarity.SET : Polarity.RESET, isSet ? 0.1 : -4, 0, 3);
      for (int i = 0; i < 3; i++) {
        assertEquals(ref, pop.resistanceOhm(i), ref * 1e-12, "after " + c);
      }
    }
    // A long RESET run reaches the upper clip and stays there.
    pop.applyPulses(0, Polarity.RESET, -4, 200);
    assertEquals(2.3e8, pop.resistanceOhm(0));
  }

  @Test
  void longRunsStayOnTheCurve() {
    // 20000 SET pulses, one at a time (the fast path keeps n^a and steps it by a series), against R(n0 + 20000).
    PowerLawParameters set = GRONINGEN.law(Polarity.SET, 0.1);
    DevicePopulation pop = DevicePopulation.ideal(GRONINGEN, 4);
    double n0 = PowerLaw.pulseNumberAt(set, 1e8);
    for (int k = 1; k <= 20_000; k++) {
      pop.applyPulse(Polarity.SET, 0.1, 0, 4);
      if (k % 5000 == 0) {
        double exact = PowerLaw.resistanceAt(set, n0 + k);
        assertEquals(exact, pop.resistanceOhm(3), exact * 1e-12, "after " + k);
      }
    }
    // Same with device-to-device spread and a single device API.
    DevicePopulation spread = new DevicePopulation(GRONINGEN, NonIdealities.PUBLISHED, 2, 5);
    PowerLawParameters own = spread.deviceLaw(1, Polarity.SET, 0.1);
    double m0 = PowerLaw.pulseNumberAt(own, spread.resistanceOhm(1));
    spread.applyPulses(1, Polarity.SET, 0.1, 3000);
    double exact = PowerLaw.resistanceAt(own, m0 + 3000);
    assertEquals(exact, spread.resistanceOhm(1), exact * 1e-12);
  }

  @Test
  void alternatingPulsesWithSpreadAndNoiseFollowTheReferenceEquations() {
    // Every pulse on the other branch recovers n from R (the blocked ln/exp passes); 600 devices = 2 full blocks
    // and a partial one. The reference replays each device's own law and its own pulse-noise stream.
    NonIdealities noisy = NonIdealities.PUBLISHED.withPulseNoise(0.1);
    int size = 600;
    long seed = 21;
    DevicePopulation pop = new DevicePopulation(GRONINGEN, noisy, size, seed);
    DevicePopulation ideal = DevicePopulation.ideal(GRONINGEN, size);
    double[] ref = pop.resistancesOhm();
    double[] idealRef = ideal.resistancesOhm();
    long[] rng = new long[size];
    for (int i = 0; i < size; i++) {
      rng[i] = DeviceRandom.streamState(seed, 3L * i + 1);
    }
    String train = "SRSRSRSSSSRRRSRSRRRRRRSRSRSRSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSRSRSRS";
    for (char c : train.toCharArray()) {
      Polarity p = c == 'S' ? Polarity.SET : Polarity.RESET;
      double v = p == Polarity.SET ? 0.1 : -4;
      pop.applyPulse(p, v, 0, size);
      ideal.applyPulse(p, v, 0, size);
      for (int i = 0; i < size; i++) {
        double dn = Math.max(0, 1 + 0.1 * DeviceRandom.nextGaussian(rng, i));
        ref[i] = PowerLaw.afterPulses(pop.deviceLaw(i, p, v), ref[i], dn, pop.minResistanceOhm(i),
            pop.maxResistanceOhm(i));
        assertEquals(ref[i], pop.resistanceOhm(i), ref[i] * 1e-12, "device " + i + " after " + c);
        idealRef[i] = PowerLaw.afterPulses(GRONINGEN.law(p, v), idealRef[i], 1, 200, 2.3e8);
        assertEquals(idealRef[i], ideal.resistanceOhm(i), idealRef[i] * 1e-12, "ideal after " + c);
      }
    }
  }

  @Test
  void generalAndSpecialisedLoopsAgree() {
    // Retention switched on but no time passing sends every pulse through the general per-device loop.
    NonIdealities noisy = NonIdealities.PUBLISHED.withPulseNoise(0.2);
    DevicePopulation fast = new DevicePopulation(GRONINGEN, noisy, 500, 9);
    DevicePopulation general = new DevicePopulation(GRONINGEN, noisy.withRetention(), 500, 9);
    for (int k = 0; k < 60; k++) {
      Polarity p = k % 7 < 4 ? Polarity.SET : Polarity.RESET;
      double v = p == Polarity.SET ? 0.1 : -4;
      fast.applyPulse(p, v, 0, 500);
      general.applyPulse(p, v, 0, 500);
    }
    for (int i = 0; i < 500; i++) {
      assertEquals(fast.resistanceOhm(i), general.resistanceOhm(i), fast.resistanceOhm(i) * 1e-9);
    }
  }

  @Test
  void manyDistinctAmplitudesStayExact() {
    // More than 127 distinct amplitudes recycle the pulse-number cache; results must not change.
    ParameterSet p = ParameterSet.builtIn("old-device-amplitudes");
    DevicePopulation pop = DevicePopulation.ideal(p, 2);
    double ref = 1e8;
    for (int k = 0; k < 300; k++) {
      double v = 0.1 + 0.9 * ((k * 37) % 150) / 149.0;
      ref = PowerLaw.afterPulses(p.law(Polarity.SET, v), ref, 1, 200, 2.4e8);
      pop.applyPulse(Polarity.SET, v, 0, 2);
      if (k % 10 == 9) {
        ref = PowerLaw.afterPulses(p.law(Polarity.RESET, -4), ref, 1, 200, 2.4e8);
        pop.applyPulse(Polarity.RESET, -4, 0, 2);
      }
      assertEquals(ref, pop.resistanceOhm(1), ref * 1e-11, "pulse " + k);
    }
  }

  @Test
  void publishedCurveFromTheTop() {
    // From R1 = 2.3e8 (the clip, n ≈ 1) ten SET pulses follow R(2..11) of the published curve.
    Device d = Device.ideal(GRONINGEN);
    d.setResistanceOhm(2.3e8);
    double[] expected = {2.079e8, 1.959e8, 1.879e8, 1.818e8, 1.771e8, 1.731e8, 1.698e8, 1.669e8, 1.643e8, 1.621e8};
    for (double e : expected) {
      assertEquals(e, d.applyPulse(Polarity.SET), e * 1e-3);
    }
  }

  @Test
  void oneSeedReproducesThePopulation() {
    NonIdealities all = NonIdealities.PUBLISHED.withPulseNoise(0.1).withReadNoise(0.05).withStuck(0.01, 0.01);
    DevicePopulation a = new DevicePopulation(GRONINGEN, all, 1000, 42);
    DevicePopulation b = new DevicePopulation(GRONINGEN, all, 2000, 42);
    DevicePopulation c = new DevicePopulation(GRONINGEN, all, 1000, 43);
    for (int k = 0; k < 5; k++) {
      a.applyPulse(Polarity.SET, 0.1, 0, 1000);
      b.applyPulseToAll(Polarity.SET, 0.1, 2);
      c.applyPulse(Polarity.SET, 0.1, 0, 1000);
    }
    double[] ra = a.resistancesOhm();
    double[] rb = java.util.Arrays.copyOf(b.resistancesOhm(), 1000);
    assertArrayEquals(ra, rb, "device i depends only on the seed and i, not on N or threads");
    assertNotEquals(ra[0], c.resistanceOhm(0));
    assertEquals(a.readResistanceOhm(7), b.readResistanceOhm(7));
  }

  @Test
  void deviceLawCarriesTheDeviceSpread() {
    DevicePopulation pop = new DevicePopulation(GRONINGEN, NonIdealities.PUBLISHED, 10, 1);
    PowerLawParameters law = pop.deviceLaw(3, Polarity.SET, 0.1);
    assertNotEquals(200.0, law.r0Ohm());
    assertTrue(law.exponent() < 0);
    // One pulse moves device 3 exactly as its own law says.
    double r = pop.resistanceOhm(3);
    double expected = PowerLaw.afterPulses(law, r, 1, pop.minResistanceOhm(3), pop.maxResistanceOhm(3));
    assertEquals(expected, pop.applyPulse(3, Polarity.SET, 0.1), expected * 1e-12);
    // pulsesToReach inverts it: 5 pulses from here.
    double target = PowerLaw.afterPulses(law, pop.resistanceOhm(3), 5);
    assertEquals(5, pop.pulsesToReach(3, Polarity.SET, 0.1, target), 1e-6);
    assertEquals(0, pop.pulsesToReach(3, Polarity.SET, 0.1, 2 * pop.resistanceOhm(3)));
  }

  @Test
  void stuckDevicesIgnorePulses() {
    DevicePopulation pop =
        new DevicePopulation(GRONINGEN, NonIdealities.NONE.withStuck(0.5, 0.5), 20, 3);
    for (int i = 0; i < 20; i++) {
      assertTrue(pop.isStuck(i));
      double r = pop.resistanceOhm(i);
      assertTrue(r == 200 || r == 2.3e8);
      pop.applyPulses(i, Polarity.SET, 0.1, 3);
      pop.applyPulses(i, Polarity.RESET, -4, 3);
      assertEquals(r, pop.resistanceOhm(i));
    }
  }

  @Test
  void finiteLevelsSnapTheState() {
    int levels = 61; // ln(2.3e8/200) = 13.955 over 60 steps: levels 0.2326 apart in ln R (26 % in R)
    DevicePopulation pop = new DevicePopulation(GRONINGEN, NonIdealities.NONE.withLevels(levels), 1, 0);
    double step = Math.log(2.3e8 / 200) / (levels - 1);
    pop.setResistanceOhm(0, 2.3e8);
    double[] seen = new double[12];
    for (int k = 0; k < 12; k++) {
      pop.applyPulse(0, Polarity.SET, 0.1);
      double position = Math.log(pop.resistanceOhm(0) / 200) / step;
      assertEquals(Math.rint(position), position, 1e-9, "state on a level");
      seen[k] = pop.resistanceOhm(0);
    }
    // From R1 the first pulse drops 9.6 % (to 2.079e8), less than half a level: the state stays on the top level,
    // and without noise it stays there for ever: finite resolution loses small steps.
    assertEquals(2.3e8, seen[11], 1e-3);
    // With 4 levels over the range a RESET pulse from the bottom jumps levels.
    DevicePopulation coarse = new DevicePopulation(GRONINGEN, NonIdealities.NONE.withLevels(4), 1, 0);
    coarse.setResistanceOhm(0, 200);
    coarse.applyPulse(0, Polarity.RESET, -4); // to R0 + R1 = 1.433e8 Ohm, snapped to the nearest level
    double top = Math.log(2.3e8 / 200);
    double pos = Math.log(coarse.resistanceOhm(0) / 200) / (top / 3);
    assertEquals(Math.rint(pos), pos, 1e-9);
    assertEquals(3, Math.rint(pos)); // 1.433e8 is nearer the top level (2.3e8) than level 2 (2.3e8 / 104.8)
  }

  @Test
  void retentionRelaxesAsAPowerLawInTime() {
    NonIdealities ret = NonIdealities.NONE.withRetention();
    DevicePopulation pop = new DevicePopulation(GRONINGEN, ret, 1, 0);
    pop.applyPulses(0, Polarity.SET, 0.1, 1); // programmed away from the rest state 1e8
    double programmed = pop.resistanceOhm(0);
    pop.advanceTime(3600);
    // log R(t) = log Rrest + (log Rprog − log Rrest)(1 + t/τ)^−β, and β is chosen so that the factor is 1/2 at 1 h.
    double expected = Math.exp(Math.log(1e8) + 0.5 * (Math.log(programmed) - Math.log(1e8)));
    assertEquals(expected, pop.resistanceOhm(0), expected * 1e-12);
    pop.advanceTime(3600 * 100);
    assertTrue(Math.abs(pop.resistanceOhm(0) - 1e8) < Math.abs(expected - 1e8));
    // Without retention time does nothing.
    DevicePopulation none = DevicePopulation.ideal(GRONINGEN, 1);
    none.applyPulse(0, Polarity.SET, 0.1);
    double r = none.resistanceOhm(0);
    none.advanceTime(1e6);
    assertEquals(r, none.resistanceOhm(0));
  }

  @Test
  void badArgumentsNameTheField() {
    DevicePopulation pop = DevicePopulation.ideal(GRONINGEN, 2);
    var e = assertThrows(IllegalArgumentException.class, () -> pop.applyPulse(5, Polarity.SET, 0.1));
    assertTrue(e.getMessage().startsWith("device:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> pop.setResistanceOhm(0, -3));
    assertTrue(e.getMessage().startsWith("resistance_ohm:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new DevicePopulation(GRONINGEN, NonIdealities.NONE, 0, 1));
    assertTrue(e.getMessage().startsWith("devices:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NonIdealities.NONE.withLevels(1));
    assertTrue(e.getMessage().startsWith("levels:"), e.getMessage());
    assertFalse(pop.isStuck(0));
  }
}
