package org.nanosynapse.device;

/**
 * The exponential weight-update law of NeuroSim (Chen, Peng, Yu et al.; MLP_NeuroSim V3.0 {@code formula.cpp}),
 * over a pulse axis P ∈ [0, Pmax]:
 *
 * <pre>
 *   LTP (SET):    G(P) = B_p·(1 − e^(−P/A_p)) + Gmin,           B_p = (Gmax − Gmin)/(1 − e^(−Pmax/A_p))
 *   LTD (RESET):  G(P) = Gmax − B_d·(1 − e^((P − Pmax)/A_d)),    B_d = (Gmax − Gmin)/(1 − e^(−Pmax/A_d))
 *   a SET pulse:  P = G_p⁻¹(G), P ← min(P + k, Pmax);   a RESET pulse: P = G_d⁻¹(G), P ← max(P − k, 0)
 * </pre>
 *
 * G = 1/R (S); Gmin = 1/Rmax, Gmax = 1/Rmin. A_p and A_d are in pulses (NeuroSim's normalised A times Pmax).
 * NeuroSim takes A from a "nonlinearity label" NL through a table ({@code getParamA}); {@link #normalisedA(double)}
 * computes it instead by solving the definition that reproduces that table: on the normalised curve
 * g(x) = (1 − e^(−x/a))/(1 − e^(−1/a)), x, g ∈ [0, 1], the largest deviation from the diagonal is
 * max_x [g(x) − x] = 0.07·√2·NL (i.e. 0.07·NL measured perpendicular to the diagonal). We checked the solution
 * against the table at NL = 0.01, 0.1, 0.5, 3.01, 6.01 and 7.51 (see the tests).
 *
 * @param maxPulses Pmax, the number of pulses that cross the range
 * @param aLtpPulses A_p, pulses (&gt; 0)
 * @param aLtdPulses A_d, pulses (&gt; 0)
 */
public record ExponentialUpdate(double minResistanceOhm, double maxResistanceOhm, double maxPulses,
    double aLtpPulses, double aLtdPulses) implements UpdateLaw {

  public ExponentialUpdate {
    UpdateLaw.checkRange(minResistanceOhm, maxResistanceOhm);
    if (!(maxPulses > 0) || Double.isInfinite(maxPulses)) {
      throw new IllegalArgumentException("max_pulses: must be > 0, got " + maxPulses);
    }
    if (!(aLtpPulses > 0) || !(aLtdPulses > 0)) {
      throw new IllegalArgumentException("a_pulses: A must be > 0 pulses, got " + aLtpPulses + ", " + aLtdPulses);
    }
  }

  /** From NeuroSim's nonlinearity labels (NL &gt; 0; the sign convention of NeuroSim is not used here). */
  public static ExponentialUpdate fromNonlinearity(double minResistanceOhm, double maxResistanceOhm,
      double maxPulses, double nlLtp, double nlLtd) {
    return new ExponentialUpdate(minResistanceOhm, maxResistanceOhm, maxPulses,
        normalisedA(nlLtp) * maxPulses, normalisedA(nlLtd) * maxPulses);
  }

  /** Largest deviation above the diagonal of the normalised curve with normalised A = a (dimensionless). */
  static double maxDeviation(double a) {
    // The deviation peaks where the slope is 1: g'(x) = e^(−x/a)/(a·(1 − e^(−1/a))) = 1.
    double denom = -Math.expm1(-1 / a);
    double x = -a * Math.log(a * denom);
    x = Math.min(Math.max(x, 0), 1);
    return -Math.expm1(-x / a) / denom - x;
  }

  /**
   * NeuroSim's normalised A for a nonlinearity label NL in (0, 9]: the a with maxDeviation(a) = 0.07·√2·NL, by
   * bisection on log a (maxDeviation falls monotonically as a grows).
   */
  public static double normalisedA(double nonlinearity) {
    if (!(nonlinearity > 0 && nonlinearity <= 9)) {
      throw new IllegalArgumentException("nonlinearity: NeuroSim labels lie in (0, 9], got " + nonlinearity);
    }
    double target = 0.07 * Math.sqrt(2) * nonlinearity;
    double lo = Math.log(1e-3);
    double hi = Math.log(1e4);
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (maxDeviation(Math.exp(mid)) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.exp(0.5 * (lo + hi));
  }

  @Override
  public String name() {
    return "exponential (NeuroSim)";
  }

  private double gMin() {
    return 1 / maxResistanceOhm;
  }

  private double gMax() {
    return 1 / minResistanceOhm;
  }

  /** LTP conductance at pulse position P, S. */
  public double ltpConductanceS(double p) {
    double b = (gMax() - gMin()) / -Math.expm1(-maxPulses / aLtpPulses);
    return b * -Math.expm1(-p / aLtpPulses) + gMin();
  }

  /** LTD conductance at pulse position P, S. */
  public double ltdConductanceS(double p) {
    double b = (gMax() - gMin()) / -Math.expm1(-maxPulses / aLtdPulses);
    return gMax() - b * -Math.expm1((p - maxPulses) / aLtdPulses);
  }

  /** P on the LTP curve at conductance G (S), within [0, Pmax]. */
  public double ltpPosition(double conductanceS) {
    double b = (gMax() - gMin()) / -Math.expm1(-maxPulses / aLtpPulses);
    double u = Math.min(Math.max((conductanceS - gMin()) / b, 0), 1 - 1e-300);
    return Math.min(Math.max(-aLtpPulses * Math.log1p(-u), 0), maxPulses);
  }

  /** P on the LTD curve at conductance G (S), within [0, Pmax]. */
  public double ltdPosition(double conductanceS) {
    double b = (gMax() - gMin()) / -Math.expm1(-maxPulses / aLtdPulses);
    double u = Math.min(Math.max((gMax() - conductanceS) / b, 0), 1 - 1e-300);
    return Math.min(Math.max(maxPulses + aLtdPulses * Math.log1p(-u), 0), maxPulses);
  }

  @Override
  public double afterPulses(double resistanceOhm, Polarity polarity, double pulses) {
    double g = Math.min(Math.max(1 / resistanceOhm, gMin()), gMax());
    double next;
    if (polarity == Polarity.SET) {
      next = ltpConductanceS(Math.min(ltpPosition(g) + pulses, maxPulses));
    } else {
      next = ltdConductanceS(Math.max(ltdPosition(g) - pulses, 0));
    }
    return PowerLaw.clip(1 / next, minResistanceOhm, maxResistanceOhm);
  }
}
