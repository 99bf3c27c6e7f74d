package org.nanosynapse.training;

/**
 * What one epoch achieved.
 *
 * @param epoch 1-based
 * @param trainLoss mean training loss during the epoch
 * @param trainAccuracy accuracy on the training set after the epoch
 * @param validationLoss mean validation loss (NaN without a validation set)
 * @param validationAccuracy (NaN without a validation set)
 * @param testAccuracy accuracy on the test set after the epoch
 * @param pulses pulses applied so far (cumulative; 0 for ideal training)
 * @param energyJ programming energy so far, J
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double validationLoss,
    double validationAccuracy,
    double testAccuracy,
    long pulses,
    double energyJ) {

  public static final String CSV_HEADER =
      "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,test_accuracy,pulses,energy_j";

  public String csvRow() {
    return epoch + "," + trainLoss + "," + trainAccuracy + "," + validationLoss + "," + validationAccuracy + ","
        + testAccuracy + "," + pulses + "," + energyJ;
  }
}
