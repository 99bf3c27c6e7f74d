package org.nanosynapse.network;

/**
 * One test pattern through the boards.
 *
 * @param outputsRaw last layer's outputs as the boards computed them (int16 Q F)
 * @param boardClass index of the largest output, the lowest on a tie
 * @param boardMicros time the boards reported computing, summed over all boards used
 * @param hostNanos wall time on the host for the whole pattern (all exchanges)
 * @param retries exchanges repeated after a board was recovered
 */
public record PatternResult(
    int index, int label, short[] inputsRaw, short[] outputsRaw, int boardClass, long boardMicros, long hostNanos,
    int retries) {}
