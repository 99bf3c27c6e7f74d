package org.nanosynapse.network;

import java.util.List;
import java.util.Map;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.nn.FixedPointNetwork;

/**
 * A committed deployment: the plan, what every board holds (read back), the host's fixed-point model
 * built from those read-back weights, the pulses sent (write-and-verify only) and the time it took.
 *
 * @param maxWeightErrorRaw largest |read-back − target| weight over all synapses, raw Q F units
 */
public record DeploymentResult(
    DeploymentPlan plan,
    Deployer.Mode mode,
    Map<BoardSlot, List<SynapseState>> readBack,
    FixedPointNetwork hostModel,
    List<PulseStep> pulses,
    int maxWeightErrorRaw,
    long durationMillis) {

  public long pulseCount() {
    long n = 0;
    for (PulseStep p : pulses) {
      n += p.command().count();
    }
    return n;
  }

  public int synapseCount() {
    int n = 0;
    for (List<SynapseState> s : readBack.values()) {
      n += s.size();
    }
    return n;
  }
}
