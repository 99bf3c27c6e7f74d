package org.nanosynapse.device;

/**
 * One device, for modellers: a view of device i of a {@link DevicePopulation} (changes go to the population).
 *
 * <pre>
 *   Device d = Device.ideal(ParameterSet.builtIn("groningen-2021"));
 *   d.applyPulse(Polarity.SET);             // +0.1 V, the set's default SET amplitude
 *   double r = d.resistanceOhm();
 * </pre>
 */
public final class Device {
  private final DevicePopulation population;
  private final int index;

  Device(DevicePopulation population, int index) {
    this.population = population;
    this.index = index;
  }

  /** A single ideal device (no non-idealities) at the set's initial resistance. */
  public static Device ideal(ParameterSet parameters) {
    return DevicePopulation.ideal(parameters, 1).device(0);
  }

  /** A single device with these non-idealities, drawn from {@code seed}. */
  public static Device of(ParameterSet parameters, NonIdealities noise, long seed) {
    return new DevicePopulation(parameters, noise, 1, seed).device(0);
  }

  /** One pulse at the set's default amplitude for this polarity; returns the new resistance, Ω. */
  public double applyPulse(Polarity polarity) {
    return applyPulses(polarity, population.parameterSet().defaultAmplitudeV(polarity), 1);
  }

  /** {@code count} pulses of this amplitude (V, with sign); returns the new resistance, Ω. */
  public double applyPulses(Polarity polarity, double amplitudeV, int count) {
    return population.applyPulses(index, polarity, amplitudeV, count);
  }

  public double resistanceOhm() {
    return population.resistanceOhm(index);
  }

  public double readResistanceOhm() {
    return population.readResistanceOhm(index);
  }

  public double conductanceS() {
    return population.conductanceS(index);
  }

  public double normalisedConductance() {
    return population.normalisedConductance(index);
  }

  public void setResistanceOhm(double resistanceOhm) {
    population.setResistanceOhm(index, resistanceOhm);
  }

  /** This device's own power law at this polarity and amplitude. */
  public PowerLawParameters law(Polarity polarity, double amplitudeV) {
    return population.deviceLaw(index, polarity, amplitudeV);
  }

  public int index() {
    return index;
  }

  public DevicePopulation population() {
    return population;
  }
}
