package org.nanosynapse.device;

/**
 * Soft bounds: the step shrinks linearly as the conductance nears the bound it moves towards.
 *
 * <pre>
 *   SET:   ΔGn = α·(1 − Gn)   per pulse   ⇒  Gn(k) = 1 − (1 − Gn)·(1 − α)^k
 *   RESET: ΔGn = −α·Gn        per pulse   ⇒  Gn(k) = Gn·(1 − α)^k
 * </pre>
 *
 * Gn is the normalised conductance over [1/Rmax, 1/Rmin]; α (dimensionless, 0 &lt; α &lt; 1) is the step at the
 * far bound.
 */
public record SoftBoundsUpdate(double minResistanceOhm, double maxResistanceOhm, double stepFraction)
    implements UpdateLaw {
  public SoftBoundsUpdate {
    UpdateLaw.checkRange(minResistanceOhm, maxResistanceOhm);
    if (!(stepFraction > 0 && stepFraction < 1)) {
      throw new IllegalArgumentException("step_fraction: must be in (0, 1), got " + stepFraction);
    }
  }

  @Override
  public String name() {
    return "soft-bounds";
  }

  @Override
  public double afterPulses(double resistanceOhm, Polarity polarity, double pulses) {
    double gn = Math.min(Math.max(normalisedConductance(resistanceOhm), 0), 1);
    double keep = Math.pow(1 - stepFraction, pulses);
    double next = polarity == Polarity.SET ? 1 - (1 - gn) * keep : gn * keep;
    return resistanceAtNormalisedConductance(next);
  }
}
