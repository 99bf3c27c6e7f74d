package org.nanosynapse.training;

/**
 * Closed-loop programming of device pairs to target weights: program the pair open-loop from the
 * device model (RESET both to the start state, SET each to its target), then repeat read → compare →
 * pulse the device that moves the weight towards the target (count from the device's own law for the
 * remaining error, at least one), until the read weight is within the tolerance or the pulse budget
 * of the synapse is spent. When that device cannot rise within the budget, one RESET pulse lowers its
 * partner instead. Reads include the device model's read noise; pulses its pulse noise.
 */
public final class WriteVerify {
  private WriteVerify() {}

  /**
   * @param converged synapses whose last read was within the tolerance
   * @param synapses synapses programmed
   * @param meanAbsErrorWeight mean |w_true − w_target| after programming, weight units
   * @param maxAbsErrorWeight largest |w_true − w_target|
   */
  public record Report(int converged, int synapses, double meanAbsErrorWeight, double maxAbsErrorWeight) {}

  /** Programs every synapse of {@code devices} to {@code targets} ([layer][output][input], bias last). */
  public static Report program(DevicePairArray devices, double[][][] targets) {
    SynapseSettings s = devices.settings();
    int synapse = 0;
    int converged = 0;
    double errSum = 0;
    double errMax = 0;
    for (int l = 0; l < targets.length; l++) {
      for (int j = 0; j < targets[l].length; j++) {
        for (int i = 0; i < targets[l][j].length; i++, synapse++) {
          double target = targets[l][j][i];
          if (programOne(devices, synapse, target, s, l, j, i)) {
            converged++;
          }
          double err = Math.abs(devices.weight(synapse) - target);
          errSum += err;
          errMax = Math.max(errMax, err);
        }
      }
    }
    return new Report(converged, synapse, errSum / Math.max(1, synapse), errMax);
  }

  private static boolean programOne(DevicePairArray devices, int s, double target, SynapseSettings set, int l, int j,
      int i) {
    devices.programPair(s, target, "verify", 0);
    long before = devices.ledger().pulses();
    long iteration = 0;
    while (true) {
      iteration++;
      double error = target - devices.readWeight(s);
      if (Math.abs(error) <= set.verifyTolerance()) {
        return true;
      }
      long used = devices.ledger().pulses() - before;
      if (used >= set.verifyMaxPulses()) {
        return false;
      }
      int d = error > 0 ? 2 * s : 2 * s + 1;
      double k = devices.pulsesFor(d, Math.abs(error));
      long left = set.verifyMaxPulses() - used;
      if (k > left) {
        // The device that should rise cannot within the budget (too weak, or near its asymptote): lower its
        // partner's conductance with one RESET pulse instead, which moves the weight the same way (coarsely;
        // the next iterations trim it with SET pulses).
        if (devices.resetOnce(d ^ 1, "verify", iteration)) {
          continue;
        }
      }
      int count = (int) Math.max(1, Math.min(left, Math.round(k)));
      devices.set(d, count, "verify", iteration, l, j, i);
      if (devices.needsRefresh(d) && iteration < 3) {
        devices.programPair(s, target, "verify", iteration);
      }
    }
  }
}
