package org.nanosynapse.training;

/**
 * Where the network's weights physically live. The trainer computes the desired change of every
 * weight; the synapses apply what they can and report the weights they now hold.
 */
interface SynapticWeights {
  /**
   * Applies the desired change and overwrites {@code weights} with the resulting weights.
   *
   * @param step update number (for the pulse log)
   */
  void apply(double[][][] desired, double[][][] weights, long step);

  /** Ideal floating-point weights: w ← w + Δw. */
  SynapticWeights IDEAL = (desired, weights, step) -> {
    for (int l = 0; l < weights.length; l++) {
      for (int j = 0; j < weights[l].length; j++) {
        double[] w = weights[l][j];
        double[] d = desired[l][j];
        for (int i = 0; i < w.length; i++) {
          w[i] += d[i];
        }
      }
    }
  };
}
