package org.nanosynapse.training;

import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PowerLawParameters;

/**
 * The physical devices behind the network's weights, two per synapse (device 2s is the "+" device of
 * synapse s, 2s + 1 its "−" device, synapses numbered as in {@link DevicePairArray}). Simulated
 * ({@link DevicePairArray#create}) or on boards ({@code org.nanosynapse.network.BoardDevices}):
 * {@link DevicePairArray} makes every pulse decision (device-aware and sign-only rules, refresh,
 * initial programming, write-and-verify) through this interface only, so one piece of logic drives both.
 */
public interface SynapseDevices {
  /** The parameter set the devices follow: amplitudes, pulse width, initial state, RESET branch. */
  ParameterSet parameterSet();

  /** Number of devices (twice the number of synapses). */
  int size();

  /** Present resistance of device d as the host knows it (simulated: the true state; boards: the last read-back), Ω. */
  double resistanceOhm(int d);

  /** One read-out of device d, Ω (simulated: with the model's read noise; boards: the board's read-back). */
  double readResistanceOhm(int d);

  /** Upper clip of device d, Ω. */
  double maxResistanceOhm(int d);

  /** Device d's power law for pulses of this polarity and amplitude, as far as the host knows it. */
  PowerLawParameters law(int d, Polarity polarity, double amplitudeV);

  /**
   * Fractional number of pulses device d needs to go from its present state to {@code targetOhm}:
   * ≥ 0 in the branch's direction, +∞ beyond its asymptote, 0 when already there or past it.
   */
  default double pulsesToReach(int d, Polarity polarity, double amplitudeV, double targetOhm) {
    double r = resistanceOhm(d);
    boolean wrongWay = polarity == Polarity.SET ? targetOhm >= r : targetOhm <= r;
    if (wrongWay) {
      return 0;
    }
    double k = PowerLaw.pulsesBetween(law(d, polarity, amplitudeV), r, targetOhm);
    return Double.isNaN(k) ? Double.POSITIVE_INFINITY : Math.max(0, k);
  }

  /**
   * Applies {@code count} identical pulses to device d; afterwards {@link #resistanceOhm} is its new
   * state. Returns the programming energy, J ({@code UpdateCost.pulseEnergyJ} pulse by pulse).
   */
  double applyPulses(int d, Polarity polarity, double amplitudeV, int count);
}
