package org.nanosynapse.calibration;

/**
 * The read-out circuit of a board's physical channel: the read voltage drives a series resistor
 * R_s and the device (to ground) in series; the 10-bit ADC measures the voltage across the device.
 *
 * <pre>
 *   V_adc = V_read · R / (R + R_s)
 *   u     = 2^bits · V_adc / V_ref          ideal ADC code (fractional, before rounding)
 *   R     = R_s · u / (U_∞ − u),  U_∞ = 2^bits · V_read / V_ref   (inverse; U_∞ is u at R → ∞)
 * </pre>
 *
 * @param seriesResistorOhm R_s, Ω
 * @param readVoltageV V_read, V (&gt; 0)
 * @param adcReferenceV V_ref, V (&gt; 0)
 * @param adcBits resolution (10 on the ATmega328P)
 */
public record AdcFrontEnd(double seriesResistorOhm, double readVoltageV, double adcReferenceV, int adcBits) {
  public AdcFrontEnd {
    if (!(seriesResistorOhm > 0) || Double.isInfinite(seriesResistorOhm)) {
      throw new IllegalArgumentException("series_resistor_ohm: must be > 0, got " + seriesResistorOhm);
    }
    if (!(readVoltageV > 0) || Double.isInfinite(readVoltageV)) {
      throw new IllegalArgumentException("read_voltage_v: must be > 0, got " + readVoltageV);
    }
    if (!(adcReferenceV > 0) || Double.isInfinite(adcReferenceV)) {
      throw new IllegalArgumentException("adc_reference_v: must be > 0, got " + adcReferenceV);
    }
    if (adcBits < 1 || adcBits > 24) {
      throw new IllegalArgumentException("adc_bits: must be 1..24, got " + adcBits);
    }
  }

  /** Largest code, 2^bits − 1 (1023 for 10 bits). */
  public int maxCode() {
    return (1 << adcBits) - 1;
  }

  /** Ideal fractional code u for a resistance. */
  public double idealCode(double resistanceOhm) {
    return (1 << adcBits) * readVoltageV / adcReferenceV * resistanceOhm / (resistanceOhm + seriesResistorOhm);
  }

  /** Inverse of {@link #idealCode}: resistance for an ideal code u; NaN outside (0, U_∞). */
  public double resistanceOhm(double idealCode) {
    double uInf = (1 << adcBits) * readVoltageV / adcReferenceV;
    if (!(idealCode > 0 && idealCode < uInf)) {
      return Double.NaN;
    }
    return seriesResistorOhm * idealCode / (uInf - idealCode);
  }
}
