package org.nanosynapse.device;

/**
 * Ideal linear device: every pulse changes the conductance by the same step,
 * G' = clip(G ± k·(Gmax − Gmin)/levels), with Gmin = 1/Rmax, Gmax = 1/Rmin. {@code levels} pulses cross the range.
 */
public record LinearUpdate(double minResistanceOhm, double maxResistanceOhm, double levels) implements UpdateLaw {
  public LinearUpdate {
    UpdateLaw.checkRange(minResistanceOhm, maxResistanceOhm);
    if (!(levels > 0) || Double.isInfinite(levels)) {
      throw new IllegalArgumentException("levels: must be > 0 pulses across the range, got " + levels);
    }
  }

  @Override
  public String name() {
    return "linear";
  }

  @Override
  public double afterPulses(double resistanceOhm, Polarity polarity, double pulses) {
    double gn = normalisedConductance(resistanceOhm) + (polarity == Polarity.SET ? 1 : -1) * pulses / levels;
    return resistanceAtNormalisedConductance(Math.min(Math.max(gn, 0), 1));
  }
}
