/**
 * Experiment records: run folders written as the run goes ({@link
 * org.nanosynapse.records.RunRecorder}), serial transcripts of every board (hex, time-stamped) and
 * their reader, and replay of a transcript as a fake board ({@link
 * org.nanosynapse.records.ReplayTransport}).
 */
package org.nanosynapse.records;
