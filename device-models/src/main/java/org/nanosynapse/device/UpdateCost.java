package org.nanosynapse.device;

/**
 * Cost of programming a device.
 *
 * <pre>
 *   E_pulse  = V² / R · t_pulse        (J; R is the state before the pulse: the device conducts through it)
 *   E_train  = Σ_k V_k² / R_k · t_pulse
 *   t_write  = pulses · t_pulse        (s; pulses back to back, no verify reads)
 * </pre>
 */
public final class UpdateCost {
  private UpdateCost() {}

  public static double pulseEnergyJ(double amplitudeV, double resistanceOhm, double pulseWidthS) {
    return amplitudeV * amplitudeV / resistanceOhm * pulseWidthS;
  }

  public static double writeLatencyS(long pulses, double pulseWidthS) {
    return pulses * pulseWidthS;
  }
}
