package org.nanosynapse.link;

/** A synapse as read back from a board: its device codes and the int16 weight it derived from them. */
public record SynapseState(int synapseIndex, SynapseCodes codes, short weightRaw) {}
