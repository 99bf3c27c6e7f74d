package org.nanosynapse.network;

import org.nanosynapse.link.PulseCommand;

/**
 * One pulse command sent to a board and what came of it: the pair's codes and weight read back
 * after it, and the codes the host's device model predicts for the same pulses (open loop from the
 * first read-back state of the synapse). Residual = measured − simulated code of the pulsed device.
 */
public record PulseStep(
    int step,
    int boardId,
    PulseCommand command,
    int measuredPlusCode,
    int measuredMinusCode,
    int measuredWeightRaw,
    int simulatedPlusCode,
    int simulatedMinusCode,
    int targetWeightRaw) {

  /** Measured minus simulated code of the device this step pulsed. */
  public int residualCode() {
    return command.device() == PulseCommand.PairDevice.PLUS
        ? measuredPlusCode - simulatedPlusCode
        : measuredMinusCode - simulatedMinusCode;
  }
}
