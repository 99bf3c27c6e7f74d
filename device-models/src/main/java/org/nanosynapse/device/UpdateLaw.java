package org.nanosynapse.device;

/**
 * A device's response to programming pulses, behind one interface so laws can be compared on the same task. The
 * state is the resistance; SET raises the conductance (R falls), RESET lowers it (R rises). Implementations:
 * {@link PowerLawUpdate} (this project's Nb:SrTiO3 model), {@link LinearUpdate}, {@link SoftBoundsUpdate},
 * {@link ExponentialUpdate} (NeuroSim).
 */
public interface UpdateLaw {
  /** Short name, for reports. */
  String name();

  /** State after {@code pulses} (≥ 0, may be fractional) pulses of this polarity from R, clipped to the range. Ω. */
  double afterPulses(double resistanceOhm, Polarity polarity, double pulses);

  /** Lowest reachable resistance (highest conductance), Ω. */
  double minResistanceOhm();

  /** Highest reachable resistance (lowest conductance), Ω. */
  double maxResistanceOhm();

  /** Gn of {@link PowerLaw#normalisedConductance} over this law's range: 0 at the max resistance, 1 at the min. */
  default double normalisedConductance(double resistanceOhm) {
    return PowerLaw.normalisedConductance(resistanceOhm, minResistanceOhm(), maxResistanceOhm());
  }

  /** R at normalised conductance Gn over this law's range. Ω. */
  default double resistanceAtNormalisedConductance(double gn) {
    return PowerLaw.resistanceAtNormalisedConductance(gn, minResistanceOhm(), maxResistanceOhm());
  }

  /** Checks a resistance range for the laws' constructors. */
  static void checkRange(double minOhm, double maxOhm) {
    if (!(minOhm > 0) || Double.isInfinite(minOhm)) {
      throw new IllegalArgumentException("min_resistance_ohm: must be > 0 Ohm, got " + minOhm);
    }
    if (!(maxOhm > minOhm) || Double.isInfinite(maxOhm)) {
      throw new IllegalArgumentException("max_resistance_ohm: must be finite and > min_resistance_ohm, got " + maxOhm);
    }
  }
}
