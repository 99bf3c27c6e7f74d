package org.nanosynapse.link;

/** Outputs of INFER (int16 Q F, one per neuron) and the time the board spent computing them. */
public record InferenceResult(short[] outputsRaw, long boardMicros) {}
