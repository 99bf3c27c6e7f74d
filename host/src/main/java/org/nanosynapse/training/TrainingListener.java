package org.nanosynapse.training;

/** Progress callbacks of a training run (for progress bars and files written as the run goes). */
public interface TrainingListener {
  TrainingListener NONE = new TrainingListener() {};

  /**
   * Whether to evaluate train and test accuracy after every epoch (for curves and progress); sweeps
   * and benchmarks turn it off and get NaN there. Validation (early stopping) is evaluated regardless.
   */
  default boolean evaluateEachEpoch() {
    return true;
  }

  /** A listener that only asks for final results (fastest). */
  TrainingListener FINAL_ONLY = new TrainingListener() {
    @Override
    public boolean evaluateEachEpoch() {
      return false;
    }
  };

  /** After each epoch. */
  default void epochDone(EpochMetrics metrics, int maxEpochs) {}

  /** After each pulse batch (a run of pulses to one device). */
  default void pulses(PulseRecord record) {}
}
