package org.nanosynapse.device;

/**
 * Reading a device: a read voltage across it gives a current and a dissipated power.
 *
 * <pre>
 *   I_read = V_read / R            (A; sign follows V_read)
 *   P_read = V_read² / R           (W)
 *   E_read = V_read² / R · t_read  (J)
 * </pre>
 *
 * At V_read = −1 V the Groningen devices in their high-resistance states (1e8 Ω) dissipate about 10 nW, as
 * measured (physics-and-sources.md §2: |I| = 1.34e-8 A at 7.44e7 Ω, P ≈ 13 nW).
 */
public final class ReadOut {
  private ReadOut() {}

  public static double currentA(double resistanceOhm, double readVoltageV) {
    return readVoltageV / resistanceOhm;
  }

  public static double powerW(double resistanceOhm, double readVoltageV) {
    return readVoltageV * readVoltageV / resistanceOhm;
  }

  public static double energyJ(double resistanceOhm, double readVoltageV, double readDurationS) {
    return powerW(resistanceOhm, readVoltageV) * readDurationS;
  }
}
