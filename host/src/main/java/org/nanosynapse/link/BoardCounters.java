package org.nanosynapse.link;

/** COUNTERS: what the board counted since boot. */
public record BoardCounters(
    long framesGood, long framesBad, long duplicates, long nacksSent, long pulsesApplied) {}
