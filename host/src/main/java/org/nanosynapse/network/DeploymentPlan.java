package org.nanosynapse.network;

import java.util.List;
import org.nanosynapse.nn.FixedPointNetwork;

/**
 * The device targets of a whole network and the host's fixed-point model built from the exact int16
 * weights those codes give on the boards.
 */
public record DeploymentPlan(
    Topology topology, WeightEncoding encoding, List<BoardTargets> boards, FixedPointNetwork hostModel) {

  public BoardTargets targetsOf(BoardSlot slot) {
    for (BoardTargets t : boards) {
      if (t.slot().equals(slot)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no targets for " + slot.label());
  }
}
