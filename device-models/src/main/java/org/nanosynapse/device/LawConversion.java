package org.nanosynapse.device;

/**
 * Closest laws of another family, for comparing this project's power law with simulators that use NeuroSim's
 * exponential law (and back).
 *
 * <ul>
 *   <li>Power law → exponential: run the power-law SET branch for Pmax pulses from a start resistance; the
 *       exponential law takes Gmin = 1/R(start), Gmax = 1/R(after Pmax pulses), and the A_p (pulses) that minimises
 *       the squared error in normalised conductance over the Pmax + 1 points (golden-section search on log A). A_d is
 *       set equal to A_p (symmetric), as the power law's RESET branch has its own, unrelated range.</li>
 *   <li>Exponential → power law: take the LTP curve at P = 0..Pmax as the power-law pulses n = P + 1, with R0 given
 *       and R1 = R(P = 0) − R0 (so R(n = 1) matches exactly); the exponent a minimises the squared error of
 *       ln((R − R0)/R1) = a·ln n (least squares through the origin, closed form).</li>
 * </ul>
 */
public final class LawConversion {
  private LawConversion() {}

  /** An exponential law and its rms error in normalised conductance (dimensionless). */
  public record ExponentialFit(ExponentialUpdate law, double rmsError) {}

  /** A power-law branch and its rms error in ln R. */
  public record PowerLawFit(PowerLawParameters law, double rmsLogError) {}

  public static ExponentialFit toExponential(PowerLawParameters setLaw, double startOhm, int maxPulses) {
    setLaw.requirePolarity(Polarity.SET, "exponent");
    if (maxPulses < 2) {
      throw new IllegalArgumentException("max_pulses: need >= 2 pulses to fit, got " + maxPulses);
    }
    double[] gn = new double[maxPulses + 1];
    double[] r = new double[maxPulses + 1];
    r[0] = startOhm;
    for (int k = 1; k <= maxPulses; k++) {
      r[k] = PowerLaw.afterPulses(setLaw, r[k - 1], 1);
    }
    double rMin = r[maxPulses];
    double rMax = r[0];
    if (!(rMin < rMax)) {
      throw new IllegalArgumentException("start_resistance_ohm: the power law does not move from " + startOhm);
    }
    for (int k = 0; k <= maxPulses; k++) {
      gn[k] = PowerLaw.normalisedConductance(r[k], rMin, rMax);
    }
    // Golden-section search of ln A over [ln 1e-3·Pmax, ln 1e3·Pmax].
    double lo = Math.log(1e-3 * maxPulses);
    double hi = Math.log(1e3 * maxPulses);
    double phi = (Math.sqrt(5) - 1) / 2;
    double x1 = hi - phi * (hi - lo);
    double x2 = lo + phi * (hi - lo);
    double f1 = sse(gn, maxPulses, Math.exp(x1));
    double f2 = sse(gn, maxPulses, Math.exp(x2));
    for (int i = 0; i < 200; i++) {
      if (f1 < f2) {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - phi * (hi - lo);
        f1 = sse(gn, maxPulses, Math.exp(x1));
      } else {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + phi * (hi - lo);
        f2 = sse(gn, maxPulses, Math.exp(x2));
      }
    }
    double a = Math.exp(0.5 * (lo + hi));
    ExponentialUpdate law = new ExponentialUpdate(rMin, rMax, maxPulses, a, a);
    return new ExponentialFit(law, Math.sqrt(sse(gn, maxPulses, a) / gn.length));
  }

  private static double sse(double[] gn, int pmax, double a) {
    double denom = -Math.expm1(-pmax / a);
    double s = 0;
    for (int k = 0; k < gn.length; k++) {
      double d = -Math.expm1(-k / a) / denom - gn[k];
      s += d * d;
    }
    return s;
  }

  public static PowerLawFit toPowerLaw(ExponentialUpdate law, double r0Ohm) {
    int pmax = (int) Math.floor(law.maxPulses());
    if (pmax < 2) {
      throw new IllegalArgumentException("max_pulses: need >= 2 pulses to fit, got " + law.maxPulses());
    }
    double rStart = 1 / law.ltpConductanceS(0);
    if (!(r0Ohm >= 0 && r0Ohm < 1 / law.ltpConductanceS(pmax))) {
      throw new IllegalArgumentException("r0_ohm: must be >= 0 and below the law's lowest resistance, got " + r0Ohm);
    }
    double r1 = rStart - r0Ohm;
    double sxy = 0;
    double sxx = 0;
    for (int p = 1; p <= pmax; p++) {
      double x = Math.log(p + 1);
      double y = Math.log((1 / law.ltpConductanceS(p) - r0Ohm) / r1);
      sxy += x * y;
      sxx += x * x;
    }
    double a = sxy / sxx;
    PowerLawParameters fit = new PowerLawParameters(r0Ohm, r1, a);
    double s = 0;
    for (int p = 0; p <= pmax; p++) {
      double d = Math.log(PowerLaw.resistanceAt(fit, p + 1)) - Math.log(1 / law.ltpConductanceS(p));
      s += d * d;
    }
    return new PowerLawFit(fit, Math.sqrt(s / (pmax + 1)));
  }
}
