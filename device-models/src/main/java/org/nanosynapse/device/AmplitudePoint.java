package org.nanosynapse.device;

/**
 * One row of a parameter set's amplitude table: the power-law branch measured or fitted at one pulse amplitude.
 *
 * @param amplitudeV pulse amplitude with sign, V: &gt; 0 for SET rows, &lt; 0 for RESET rows
 * @param law the branch at that amplitude
 * @param source where this row comes from (paper, data file, fit); may be empty when the set's source covers it
 */
public record AmplitudePoint(double amplitudeV, PowerLawParameters law, String source) {
  public AmplitudePoint {
    if (!Double.isFinite(amplitudeV) || amplitudeV == 0) {
      throw new IllegalArgumentException("amplitude_v: must be finite and non-zero, got " + amplitudeV);
    }
    if (law == null) {
      throw new IllegalArgumentException("law: missing");
    }
    source = source == null ? "" : source;
  }

  public AmplitudePoint(double amplitudeV, PowerLawParameters law) {
    this(amplitudeV, law, "");
  }
}
