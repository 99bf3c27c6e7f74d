package org.nanosynapse.device;

/**
 * What an Arduino Nano's ADC reads when the device sits in series with a known resistor: the read voltage drives the
 * divider, the ADC samples the voltage across the series resistor.
 *
 * <pre>
 *   V_adc = |V_read| · R_s / (R + R_s)
 *   code  = min(2^bits − 1, floor(V_adc / V_ref · 2^bits))            (ATmega328P: bits = 10, V_ref = 5 V or 1.1 V)
 *   R(code) = R_s · (|V_read| / V_code − 1),  V_code = (code + ½) · V_ref / 2^bits   (mid-step estimate)
 * </pre>
 *
 * The resolvable range is set by R_s: a step of one code near R is ΔR ≈ (R + R_s)² · V_ref / (2^bits·|V_read|·R_s).
 *
 * @param bits ADC resolution (10 on the Nano)
 * @param referenceV ADC reference voltage, V
 * @param seriesResistanceOhm series (sense) resistor, Ω
 * @param readVoltageV voltage across the divider during a read, V (sign ignored: the divider sees its magnitude)
 */
public record AdcReadout(int bits, double referenceV, double seriesResistanceOhm, double readVoltageV) {
  public AdcReadout {
    if (bits < 1 || bits > 24) {
      throw new IllegalArgumentException("adc_bits: must be in 1..24, got " + bits);
    }
    if (!(referenceV > 0) || Double.isInfinite(referenceV)) {
      throw new IllegalArgumentException("adc_reference_v: must be > 0 V, got " + referenceV);
    }
    if (!(seriesResistanceOhm > 0) || Double.isInfinite(seriesResistanceOhm)) {
      throw new IllegalArgumentException("series_resistance_ohm: must be > 0 Ohm, got " + seriesResistanceOhm);
    }
    if (!Double.isFinite(readVoltageV) || readVoltageV == 0) {
      throw new IllegalArgumentException("read_voltage_v: must be finite and non-zero, got " + readVoltageV);
    }
  }

  /** A Nano's 10-bit ADC with the 5 V reference. */
  public static AdcReadout nano(double seriesResistanceOhm, double readVoltageV) {
    return new AdcReadout(10, 5.0, seriesResistanceOhm, readVoltageV);
  }

  /** Voltage across the series resistor, V. */
  public double dividerVoltageV(double resistanceOhm) {
    return Math.abs(readVoltageV) * seriesResistanceOhm / (resistanceOhm + seriesResistanceOhm);
  }

  /** The ADC code, 0 .. 2^bits − 1. */
  public int code(double resistanceOhm) {
    int full = 1 << bits;
    double c = Math.floor(dividerVoltageV(resistanceOhm) / referenceV * full);
    return (int) Math.max(0, Math.min(full - 1, c));
  }

  /** Resistance estimated from a code (mid-step), Ω; +∞ for code 0 (the device is beyond the range). */
  public double resistanceOhm(int code) {
    int full = 1 << bits;
    if (code < 0 || code >= full) {
      throw new IllegalArgumentException("adc_code: must be in 0.." + (full - 1) + ", got " + code);
    }
    if (code == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double v = (code + 0.5) * referenceV / full;
    return Math.max(0, seriesResistanceOhm * (Math.abs(readVoltageV) / v - 1));
  }

  /** Resistance step of one code near R, Ω. */
  public double resolutionOhm(double resistanceOhm) {
    double sum = resistanceOhm + seriesResistanceOhm;
    return sum * sum * referenceV / ((1 << bits) * Math.abs(readVoltageV) * seriesResistanceOhm);
  }
}
