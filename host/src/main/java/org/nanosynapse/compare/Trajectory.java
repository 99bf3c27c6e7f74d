package org.nanosynapse.compare;

import java.util.List;

/**
 * The codes of one pulsed device over its pulse commands, as read back from the board and as the
 * host's device model predicts (open loop from the same starting code).
 *
 * @param device "plus" or "minus"
 * @param cumulativePulses pulses applied to this device up to and including each step
 */
public record Trajectory(
    int boardId, int synapse, String device, List<Integer> cumulativePulses, List<Integer> measuredCodes,
    List<Integer> simulatedCodes) {

  /** Largest |measured − simulated| / simulated over the steps (0 when empty). */
  public double maxRelativeResidual() {
    double m = 0;
    for (int i = 0; i < measuredCodes.size(); i++) {
      double sim = Math.max(1, simulatedCodes.get(i));
      m = Math.max(m, Math.abs(measuredCodes.get(i) - simulatedCodes.get(i)) / sim);
    }
    return m;
  }
}
