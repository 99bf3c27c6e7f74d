package org.nanosynapse.calibration;

import java.util.Arrays;
import java.util.Objects;

/**
 * One pulse train of one branch on one device: the resistance read after the n-th pulse, n = 1, 2,
 * ... counted from the first pulse of this branch (see README "Calibration" for how each input
 * format's pulse index maps to n).
 *
 * @param name unique, human-readable series name (file stem and branch, or device id, ...)
 * @param deviceId the measured device
 * @param branch SET or RESET
 * @param amplitudeV pulse amplitude (signed: positive SET, negative RESET), NaN when unknown
 * @param widthS pulse width, NaN when unknown
 * @param readVoltageV read voltage, NaN when unknown
 * @param pulseNumber n for each read (1-based within the branch, strictly increasing)
 * @param resistanceOhm resistance read after pulse n, all &gt; 0
 * @param source where the data come from (file name and row range)
 */
public record PulseSeries(
    String name,
    String deviceId,
    Branch branch,
    double amplitudeV,
    double widthS,
    double readVoltageV,
    double[] pulseNumber,
    double[] resistanceOhm,
    String source) {

  public PulseSeries {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(branch, "branch");
    if (pulseNumber.length != resistanceOhm.length) {
      throw new IllegalArgumentException(
          "series " + name + ": " + pulseNumber.length + " pulse numbers but "
              + resistanceOhm.length + " resistances");
    }
    for (int i = 0; i < resistanceOhm.length; i++) {
      if (!(resistanceOhm[i] > 0) || !Double.isFinite(resistanceOhm[i])) {
        throw new IllegalArgumentException(
            "series " + name + ": resistance_ohm must be positive and finite, got "
                + resistanceOhm[i] + " at n=" + pulseNumber[i]);
      }
      if (!(pulseNumber[i] > 0)) {
        throw new IllegalArgumentException(
            "series " + name + ": pulse number must be >= 1, got " + pulseNumber[i]);
      }
    }
    pulseNumber = pulseNumber.clone();
    resistanceOhm = resistanceOhm.clone();
  }

  public int size() {
    return resistanceOhm.length;
  }

  @Override
  public double[] pulseNumber() {
    return pulseNumber.clone();
  }

  @Override
  public double[] resistanceOhm() {
    return resistanceOhm.clone();
  }

  @Override
  public String toString() {
    return "PulseSeries[" + name + ", " + branch.label() + ", " + size() + " reads, n="
        + (size() == 0 ? "-" : pulseNumber[0] + ".." + pulseNumber[size() - 1])
        + ", R=" + Arrays.stream(resistanceOhm).min().orElse(Double.NaN) + ".."
        + Arrays.stream(resistanceOhm).max().orElse(Double.NaN) + " Ohm]";
  }
}
