package org.nanosynapse.training;

/**
 * One run of identical pulses to one device: a line of the pulse log, enough to replay the schedule
 * on hardware or in simulation.
 *
 * @param step update step (0 = before training, then one per mini-batch; write-and-verify counts its
 *     own iterations)
 * @param phase "init", "train", "refresh" or "verify"
 * @param layer layer index of the synapse
 * @param neuron output neuron of the synapse
 * @param input input index of the synapse (= number of inputs for the bias)
 * @param side '+' or '-' device of the pair (a SET pulse on '+' raises the weight)
 * @param device global device index (2·synapse for +, 2·synapse + 1 for −)
 * @param polarity "SET" or "RESET"
 * @param amplitudeV pulse amplitude with sign, V
 * @param widthS pulse width, s
 * @param count number of identical pulses
 */
public record PulseRecord(
    long step,
    String phase,
    int layer,
    int neuron,
    int input,
    char side,
    int device,
    String polarity,
    double amplitudeV,
    double widthS,
    int count) {

  public static final String CSV_HEADER =
      "step,phase,layer,neuron,input,side,device,polarity,amplitude_v,width_s,count";

  public String csvRow() {
    return step + "," + phase + "," + layer + "," + neuron + "," + input + "," + side + "," + device + ","
        + polarity + "," + amplitudeV + "," + widthS + "," + count;
  }
}
