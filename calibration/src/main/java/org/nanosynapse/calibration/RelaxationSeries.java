package org.nanosynapse.calibration;

import java.util.Objects;

/**
 * Reads of one device at several times after one pulse: the relaxation (volatility) of the state.
 *
 * @param name series name
 * @param deviceId the measured device
 * @param pulseIndex index of the pulse after which the reads were taken
 * @param timeS time since the end of the pulse, all &gt; 0, increasing
 * @param resistanceOhm resistance read at each time, all &gt; 0
 * @param source file and rows
 */
public record RelaxationSeries(
    String name,
    String deviceId,
    long pulseIndex,
    double[] timeS,
    double[] resistanceOhm,
    String source) {

  public RelaxationSeries {
    Objects.requireNonNull(name, "name");
    if (timeS.length != resistanceOhm.length) {
      throw new IllegalArgumentException("relaxation " + name + ": time and resistance lengths differ");
    }
    for (int i = 0; i < timeS.length; i++) {
      if (!(timeS[i] > 0)) {
        throw new IllegalArgumentException(
            "relaxation " + name + ": time_s must be > 0 for a power law in time, got " + timeS[i]);
      }
      if (!(resistanceOhm[i] > 0)) {
        throw new IllegalArgumentException(
            "relaxation " + name + ": resistance_ohm must be > 0, got " + resistanceOhm[i]);
      }
    }
    timeS = timeS.clone();
    resistanceOhm = resistanceOhm.clone();
  }

  public int size() {
    return timeS.length;
  }

  @Override
  public double[] timeS() {
    return timeS.clone();
  }

  @Override
  public double[] resistanceOhm() {
    return resistanceOhm.clone();
  }
}
