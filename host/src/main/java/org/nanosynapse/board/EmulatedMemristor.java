package org.nanosynapse.board;

import java.util.List;
import org.nanosynapse.calibration.AdcFrontEnd;
import org.nanosynapse.device.AmplitudePoint;
import org.nanosynapse.device.Device;
import org.nanosynapse.device.NonIdealities;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLawParameters;

/**
 * The hardware behind a virtual board's physical channel (PROTOCOL.md §PHYS_CONFIG): one memristor
 * on the SET pin D5 and RESET pin D6, and the divider AVcc → R_s → A0 → memristor → GND read by a
 * 10-bit ADC. The device physics is {@code device-models}' ({@link Device}, seeded, with
 * cycle-to-cycle pulse noise); the divider is the calibration module's {@link AdcFrontEnd} with
 * V_read = V_ref = AVcc, and the ADC truncates as the ATmega328P's does (code = ⌊u⌋, at most 1023).
 * Like the memristor of the simavr harness it lies outside the board: a board reset keeps its state.
 * Every counted pulse is one pulse at the parameter set's default amplitude of its polarity; the
 * pin's width does not enter the power law (as in the harness, where any high of at least 1 µs counts).
 */
public final class EmulatedMemristor {
  /** AVcc of the Nano: divider supply and ADC reference, V. */
  public static final double AVCC_V = 5.0;
  public static final int ADC_BITS = 10;
  /**
   * Series resistor of the emulated bench, Ω: 680 kΩ (an E12 value) puts the new device's working
   * range, ≈ 5·10⁴ .. 10⁷ Ω, where one ADC count is under 2.5 % of R.
   */
  public static final double BENCH_SERIES_RESISTOR_OHM = 680_000;
  /** Cycle-to-cycle pulse noise of the emulated device (relative σ of each pulse's Δn), as the harness's default. */
  public static final double PULSE_NOISE_REL = 0.05;

  private final Device device;
  private final AdcFrontEnd frontEnd;
  private final ParameterSet parameters;
  private final NonIdealities noise;

  /**
   * @param seriesResistorOhm the physical R_s of the bench (what PHYS_CONFIG should be told)
   * @param seed seed of the device's noise
   */
  public EmulatedMemristor(ParameterSet parameters, NonIdealities noise, double seriesResistorOhm, long seed) {
    this.parameters = parameters;
    this.noise = noise;
    this.device = Device.of(parameters, noise, seed);
    this.frontEnd = new AdcFrontEnd(seriesResistorOhm, AVCC_V, AVCC_V, ADC_BITS);
  }

  /** The new device of the simavr harness's defaults on the emulated bench, noise 5 %, seeded. */
  public static EmulatedMemristor newDevice(long seed) {
    return new EmulatedMemristor(newDeviceParameters(), NonIdealities.NONE.withPulseNoise(PULSE_NOISE_REL),
        BENCH_SERIES_RESISTOR_OHM, seed);
  }

  /**
   * The 10 µm, 0.1 wt% Nb "new device" with the same laws as the simavr harness's emulated memristor
   * (firmware/sim/README.md, "The emulated analog front-end"), so the virtual and emulated benches agree.
   */
  public static ParameterSet newDeviceParameters() {
    return new ParameterSet("nbsto-new-device-bench",
        "physics-and-sources.md section 2 table (10 um, 0.1 wt% Nb new device, +1 V SET / -2 V RESET, read at +0.3 V, "
            + "about 100 ms pulses); R1 = R after the first pulse of each branch, a through pulses 1 and 100 "
            + "(SET 8.93e5 -> 7.09e4 Ohm, RESET 1.03e5 -> 4.72e6 Ohm), R0 = 200 Ohm the published SET model's "
            + "lower limit; the defaults of firmware/sim/README.md",
        "the laws of the simavr harness's emulated memristor",
        0.3, 0.1, 200, 2e7, 1e6,
        List.of(new AmplitudePoint(1.0, new PowerLawParameters(200, 8.93e5, -0.55))),
        List.of(new AmplitudePoint(-2.0, new PowerLawParameters(200, 1.03e5, 0.83))),
        Double.NaN, Double.NaN);
  }

  /** {@code count} pulses of one polarity; returns the new resistance, Ω. */
  public double pulse(Polarity polarity, int count) {
    return device.applyPulses(polarity, parameters.defaultAmplitudeV(polarity), count);
  }

  /** The 10-bit ADC code of A0 at the present resistance. */
  public int adcCode() {
    double u = frontEnd.idealCode(device.resistanceOhm());
    return (int) Math.min(frontEnd.maxCode(), Math.floor(u));
  }

  public double resistanceOhm() {
    return device.resistanceOhm();
  }

  /** Puts the device at this resistance (as the harness's {@code set-r}). */
  public void setResistanceOhm(double resistanceOhm) {
    device.setResistanceOhm(resistanceOhm);
  }

  /** The device's true law for a polarity (its parameters, with any device-to-device factors). */
  public PowerLawParameters trueLaw(Polarity polarity) {
    return device.law(polarity, parameters.defaultAmplitudeV(polarity));
  }

  public ParameterSet parameters() {
    return parameters;
  }

  public NonIdealities noise() {
    return noise;
  }

  public double seriesResistorOhm() {
    return frontEnd.seriesResistorOhm();
  }
}
