package org.nanosynapse.link;

/**
 * PHYS_READ's answer (PROTOCOL.md §0x13): the sum of {@code samples} 10-bit ADC readings of A0 and the
 * resistance the board computed from their mean m, R = R_s · m / (1023 − m) (0 Ω at m = 0,
 * +infinity at m ≥ 1023).
 *
 * @param adcSum sum of the ADC codes
 * @param samples number of ADC readings, 1..64
 * @param resistanceOhm the board's resistance, Ω (f32 on the wire)
 */
public record PhysicalReading(int adcSum, int samples, double resistanceOhm) {
  /** Largest code of the 10-bit ADC. */
  public static final int ADC_MAX_CODE = 1023;
  public static final int MAX_SAMPLES = 64;

  /** Mean ADC code m. */
  public double meanAdcCode() {
    return (double) adcSum / samples;
  }
}
