package org.nanosynapse.training;

import org.nanosynapse.device.DevicePopulation;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.device.UpdateCost;

/** {@link SynapseDevices} simulated by a {@link DevicePopulation} (each device's own law, noise and clips). */
final class SimulatedDevices implements SynapseDevices {
  private final DevicePopulation population;

  SimulatedDevices(DevicePopulation population) {
    this.population = population;
  }

  DevicePopulation population() {
    return population;
  }

  @Override
  public ParameterSet parameterSet() {
    return population.parameterSet();
  }

  @Override
  public int size() {
    return population.size();
  }

  @Override
  public double resistanceOhm(int d) {
    return population.resistanceOhm(d);
  }

  @Override
  public double readResistanceOhm(int d) {
    return population.readResistanceOhm(d);
  }

  @Override
  public double maxResistanceOhm(int d) {
    return population.maxResistanceOhm(d);
  }

  @Override
  public PowerLawParameters law(int d, Polarity polarity, double amplitudeV) {
    return population.deviceLaw(d, polarity, amplitudeV);
  }

  @Override
  public double pulsesToReach(int d, Polarity polarity, double amplitudeV, double targetOhm) {
    return population.pulsesToReach(d, polarity, amplitudeV, targetOhm);
  }

  @Override
  public double applyPulses(int d, Polarity polarity, double amplitudeV, int count) {
    double widthS = population.parameterSet().pulseWidthS();
    double energy = 0;
    for (int k = 0; k < count; k++) {
      energy += UpdateCost.pulseEnergyJ(amplitudeV, population.resistanceOhm(d), widthS);
      population.applyPulse(d, polarity, amplitudeV);
    }
    return energy;
  }
}
