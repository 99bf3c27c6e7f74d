package org.nanosynapse.dataset;

/** Reaches the sampled estimator for a task small enough to enumerate, to compare the two. */
final class BayesCeilingTestAccess {
  private BayesCeilingTestAccess() {}

  static BayesCeiling.Result sampled(LineTask task, int samples, long seed) {
    return BayesCeiling.sampledForTest(task, samples, seed);
  }
}
