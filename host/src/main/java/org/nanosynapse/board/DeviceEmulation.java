package org.nanosynapse.board;

/**
 * One emulated pulse on a conductance code, PROTOCOL.md §Device emulation, in f32 as the firmware
 * computes it (the power law R(n) = R0 + R1·n^a, n recovered from the present R, history-free):
 *
 * <pre>
 *   R  = 1 / (c · g_lsb)                   (c = 0: R = +inf)
 *   n  = R ≤ R0 ? (a &lt; 0 ? +inf : 0) : ((R − R0) / R1)^(1/a)
 *   R' = R0 + R1 · (n + 1)^a
 *   c' = clamp(round(1 / (R' · g_lsb)), 0, 65535)
 * </pre>
 *
 * The spec allows a Java board to differ from the AVR's f32 library by one code per pulse.
 */
public final class DeviceEmulation {
  private DeviceEmulation() {}

  /** R = 1/(c·g_lsb) in f32, ohms; code 0 is +infinity. */
  public static float resistanceOhm(int code, float conductanceLsbS) {
    if (code == 0) {
      return Float.POSITIVE_INFINITY;
    }
    return 1.0f / ((float) code * conductanceLsbS);
  }

  /** The code after one pulse of the branch (r0Ohm, r1Ohm, exponent a). */
  public static int pulse(int code, float r0Ohm, float r1Ohm, float exponent, float conductanceLsbS) {
    float r = resistanceOhm(code, conductanceLsbS);
    float n;
    if (r <= r0Ohm) {
      n = exponent < 0 ? Float.POSITIVE_INFINITY : 0f;
    } else {
      n = (float) Math.pow((r - r0Ohm) / r1Ohm, 1.0f / exponent);
    }
    float rNext = r0Ohm + r1Ohm * (float) Math.pow(n + 1.0f, exponent);
    float g = 1.0f / (rNext * conductanceLsbS);
    if (!(g > 0)) {
      return 0;
    }
    if (g >= 65535f) {
      return 65535;
    }
    return Math.round(g);
  }
}
