package org.nanosynapse.training;

/** Progress callbacks of a training run (for progress bars and files written as the run goes). */
public interface TrainingListener {
  TrainingListener NONE = new TrainingListener() {};

  /** After each epoch. */
  default void epochDone(EpochMetrics metrics, int maxEpochs) {}

  /** After each pulse batch (a run of pulses to one device). */
  default void pulses(PulseRecord record) {}
}
