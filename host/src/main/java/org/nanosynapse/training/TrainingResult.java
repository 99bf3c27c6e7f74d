package org.nanosynapse.training;

import java.util.List;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.nn.Mlp;

/**
 * Outcome of a training run.
 *
 * @param config what was run
 * @param model the trained network; for memristive modes its weights are those the device pairs hold,
 *     as read out at the end (with read noise when the device model has it)
 * @param history one entry per epoch run
 * @param epochs epochs actually run (fewer than configured after early stopping)
 * @param train final evaluation on the training set
 * @param test final evaluation on the test set
 * @param idealTestAccuracy write-and-verify: test accuracy of the ideal weights before programming
 *     (NaN otherwise)
 * @param devices the device pairs (null for ideal training)
 */
public record TrainingResult(
    TrainingConfig config,
    Mlp model,
    List<EpochMetrics> history,
    int epochs,
    Evaluation train,
    Evaluation test,
    double idealTestAccuracy,
    DevicePairArray devices) {

  public double testAccuracy() {
    return test.accuracy();
  }

  public double trainAccuracy() {
    return train.accuracy();
  }

  public long pulses() {
    return devices == null ? 0 : devices.ledger().pulses();
  }

  public double energyJ() {
    return devices == null ? 0 : devices.ledger().energyJ();
  }

  public double writeTimeS() {
    return devices == null ? 0 : devices.ledger().writeTimeS();
  }

  /** The board arithmetic of this model's weights (Q F, output layer identity). */
  public FixedPointNetwork fixedPoint(int fractionBits) {
    return FixedPointNetwork.fromMlp(model, fractionBits);
  }
}
