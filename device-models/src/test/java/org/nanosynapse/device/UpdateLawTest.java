package org.nanosynapse.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UpdateLawTest {
  @Test
  void linearStepsAreEqualInConductance() {
    LinearUpdate lin = new LinearUpdate(1e3, 1e5, 10);
    // Gmin = 1e-5 S, Gmax = 1e-3 S, step 9.9e-5 S: from 1e5 Ohm one SET gives 1/(1e-5 + 9.9e-5) = 9174.3 Ohm.
    assertEquals(1 / (1e-5 + 9.9e-5), lin.afterPulses(1e5, Polarity.SET, 1), 1e-6);
    assertEquals(1e3, lin.afterPulses(1e5, Polarity.SET, 10), 1e-9);
    assertEquals(1e3, lin.afterPulses(1e5, Polarity.SET, 50), 1e-9);
    assertEquals(1e5, lin.afterPulses(1e3, Polarity.RESET, 10), 1e-6);
  }

  @Test
  void softBoundsStepsShrinkTowardsTheBound() {
    SoftBoundsUpdate sb = new SoftBoundsUpdate(1e3, 1e5, 0.1);
    // Gn 0 -> 0.1 -> 0.19 (hand: 1 - 0.9^2).
    double r1 = sb.afterPulses(1e5, Polarity.SET, 1);
    double r2 = sb.afterPulses(r1, Polarity.SET, 1);
    assertEquals(0.1, sb.normalisedConductance(r1), 1e-12);
    assertEquals(0.19, sb.normalisedConductance(r2), 1e-12);
    assertEquals(0.19, sb.normalisedConductance(sb.afterPulses(1e5, Polarity.SET, 2)), 1e-12);
    // RESET from Gn 0.19: 0.171.
    assertEquals(0.171, sb.normalisedConductance(sb.afterPulses(r2, Polarity.RESET, 1)), 1e-12);
  }

  @Test
  void neuroSimAFromTheNonlinearityLabel() {
    // Values of NeuroSim's getParamA table (MLP_NeuroSim V3.0, formula.cpp), normalised A for NL labels:
    double[][] table = {{0.01, 126.268958}, {0.1, 12.625807}, {0.5, 2.519877}, {3.01, 0.3853}, {6.01, 0.1351},
        {7.51, 0.0702}};
    for (double[] row : table) {
      assertEquals(row[1], ExponentialUpdate.normalisedA(row[0]), row[1] * 2e-3, "NL " + row[0]);
    }
    assertThrows(IllegalArgumentException.class, () -> ExponentialUpdate.normalisedA(0));
  }

  @Test
  void exponentialLawFollowsItsFormula() {
    ExponentialUpdate e = new ExponentialUpdate(1e3, 1e5, 100, 50, 50);
    // G(P) = B(1 - e^(-P/A)) + Gmin; B = (1e-3 - 1e-5)/(1 - e^-2) = 1.14507e-3 S; G(10) = B(1 - e^-0.2) + 1e-5.
    double b = (1e-3 - 1e-5) / (1 - Math.exp(-2));
    double g10 = b * (1 - Math.exp(-0.2)) + 1e-5;
    assertEquals(1 / g10, e.afterPulses(1e5, Polarity.SET, 10), 1e-6);
    assertEquals(10, e.ltpPosition(g10), 1e-9);
    assertEquals(1e3, e.afterPulses(1e5, Polarity.SET, 100), 1e-6);
    assertEquals(1e5, e.afterPulses(1e3, Polarity.RESET, 100), 1e-3);
    // LTD steps are large near Gmax and small near Gmin.
    double stepHigh = 1 / e.afterPulses(1e3, Polarity.RESET, 1) - 1e-3;
    double stepLow = 1 / e.afterPulses(1 / 2e-5, Polarity.RESET, 1) - 2e-5;
    assertTrue(Math.abs(stepHigh) > Math.abs(stepLow));
  }

  @Test
  void powerLawToExponentialAndBack() {
    PowerLawParameters published = new PowerLawParameters(200, 2.3e8, -0.146);
    LawConversion.ExponentialFit fit = LawConversion.toExponential(published, 2.3e8, 100);
    ExponentialUpdate e = fit.law();
    assertEquals(2.3e8, e.maxResistanceOhm(), 1);
    assertEquals(PowerLaw.resistanceAt(published, 101), e.minResistanceOhm(), 1e-3 * e.minResistanceOhm());
    // The power law is steeper at first than any exponential: the best fit is close but not exact
    // (README: off by 0.06 rms in Gn).
    assertTrue(fit.rmsError() > 0.01 && fit.rmsError() < 0.07, "rms " + fit.rmsError());
    // The fitted A is a minimum: a law with A 20 % larger or smaller fits worse.
    for (double f : new double[] {0.8, 1.25}) {
      ExponentialUpdate other = new ExponentialUpdate(e.minResistanceOhm(), e.maxResistanceOhm(), 100,
          e.aLtpPulses() * f, e.aLtdPulses() * f);
      assertTrue(rms(other, published) > fit.rmsError(), "A x " + f);
    }
    // A much smaller than Pmax: strongly nonlinear.
    assertTrue(e.aLtpPulses() < 100);
    // Back: fitting a power law to the exponential curve gives a negative exponent and R(1) exact.
    LawConversion.PowerLawFit back = LawConversion.toPowerLaw(e, 200);
    assertTrue(back.law().exponent() < 0);
    assertEquals(2.3e8, PowerLaw.resistanceAt(back.law(), 1), 1);
    // An exponential law made from a power law comes back to a similar exponent.
    assertEquals(-0.146, back.law().exponent(), 0.05);
  }

  /** rms error in Gn of an exponential law against 100 published power-law pulses from 2.3e8 Ohm. */
  static double rms(ExponentialUpdate e, PowerLawParameters law) {
    double r = 2.3e8;
    double s = 0;
    for (int k = 0; k <= 100; k++) {
      double ge = PowerLaw.normalisedConductance(1 / e.ltpConductanceS(k), e.minResistanceOhm(), e.maxResistanceOhm());
      double gp = PowerLaw.normalisedConductance(r, e.minResistanceOhm(), e.maxResistanceOhm());
      s += (ge - gp) * (ge - gp);
      r = PowerLaw.afterPulses(law, r, 1);
    }
    return Math.sqrt(s / 101);
  }

  @Test
  void powerLawUpdateMatchesPowerLaw() {
    ParameterSet p = ParameterSet.builtIn("groningen-2021");
    UpdateLaw law = PowerLawUpdate.of(p);
    assertEquals(PowerLaw.resistanceAt(p.setLaw(), 2), law.afterPulses(2.3e8, Polarity.SET, 1), 1e-6 * 2.3e8);
    assertEquals(2.3e8, law.afterPulses(2.2e8, Polarity.RESET, 5));
  }
}
