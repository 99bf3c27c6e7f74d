package org.nanosynapse.link;

import org.nanosynapse.device.Polarity;

/** APPLY_PULSES: {@code count} pulses of one polarity and amplitude index to one device of a pair. */
public record PulseCommand(int synapseIndex, PairDevice device, Polarity polarity, int amplitudeIndex, int count) {

  /** Which device of the differential pair. */
  public enum PairDevice {
    PLUS,
    MINUS
  }
}
