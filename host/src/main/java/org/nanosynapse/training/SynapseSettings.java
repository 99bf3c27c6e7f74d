package org.nanosynapse.training;

/**
 * Device settings of the memristive modes. Each weight is a differential pair, w = γ·(Gn⁺ − Gn⁻)
 * (see {@code org.nanosynapse.device.PowerLaw}).
 *
 * @param rule how in-place updates become pulses
 * @param parameterSet name of a built-in device parameter set
 * @param variation device-to-device spread, relative standard deviation (0.15 = 15 %) of R0, R1, a and
 *     the initial resistance, drawn once per device
 * @param pulseNoise cycle-to-cycle spread of each pulse's effect, relative σ (see {@code
 *     NonIdealities#pulseNoiseRel})
 * @param readNoise relative σ of each conductance read (see {@code NonIdealities#readNoiseRel})
 * @param gain γ, dimensionless weight per unit of normalised conductance difference; NaN = chosen so
 *     that one SET pulse at the start resistance changes the weight by {@code stepAtStart}
 * @param stepAtStart weight change of one nominal SET pulse at the start resistance (used when gain is
 *     NaN), dimensionless
 * @param startResistanceOhm resistance both devices of a pair are programmed near before training, Ω;
 *     NaN = the parameter set's initial resistance
 * @param initialWeightSpread pairs start at small random weights, uniform in ±this (dimensionless)
 * @param deadZone sign-only rule: no pulse when |Δw| ≤ deadZone (dimensionless weight units)
 * @param maxPulsesPerStep device-aware rule: at most this many pulses per synapse per update
 * @param refreshFactor refresh a pair (RESET both, re-program the difference) when a device's
 *     power-law pulse number exceeds this multiple of its pulse number at the start resistance (its
 *     steps have shrunk to about factor^(a−1) of the first ones)
 * @param verifyTolerance write-and-verify: stop when |w_read − w_target| ≤ this (weight units)
 * @param verifyMaxPulses write-and-verify: at most this many pulses per synapse
 */
public record SynapseSettings(
    UpdateRule rule,
    String parameterSet,
    double variation,
    double pulseNoise,
    double readNoise,
    double gain,
    double stepAtStart,
    double startResistanceOhm,
    double initialWeightSpread,
    double deadZone,
    int maxPulsesPerStep,
    double refreshFactor,
    double verifyTolerance,
    int verifyMaxPulses) {

  public SynapseSettings {
    if (parameterSet == null || parameterSet.isBlank()) {
      throw new IllegalArgumentException("param-set: missing");
    }
    if (!(variation >= 0 && variation <= 1)) {
      throw new IllegalArgumentException("variation: must be in [0, 1] (relative spread), got " + variation);
    }
    if (!(pulseNoise >= 0 && pulseNoise <= 1)) {
      throw new IllegalArgumentException("pulse noise: must be in [0, 1] (relative spread), got " + pulseNoise);
    }
    if (!(readNoise >= 0 && readNoise <= 1)) {
      throw new IllegalArgumentException("read noise: must be in [0, 1] (relative spread), got " + readNoise);
    }
    if (!Double.isNaN(gain) && !(gain > 0 && Double.isFinite(gain))) {
      throw new IllegalArgumentException("gain: must be > 0, got " + gain);
    }
    if (!(stepAtStart > 0 && stepAtStart < 10)) {
      throw new IllegalArgumentException("step at start: must be in (0, 10), got " + stepAtStart);
    }
    if (!Double.isNaN(startResistanceOhm) && !(startResistanceOhm > 0 && Double.isFinite(startResistanceOhm))) {
      throw new IllegalArgumentException("start resistance: must be > 0 Ohm, got " + startResistanceOhm);
    }
    if (!(initialWeightSpread >= 0)) {
      throw new IllegalArgumentException("initial weight spread: must be ≥ 0, got " + initialWeightSpread);
    }
    if (!(deadZone >= 0)) {
      throw new IllegalArgumentException("dead zone: must be ≥ 0, got " + deadZone);
    }
    if (maxPulsesPerStep < 1) {
      throw new IllegalArgumentException("max pulses per step: must be at least 1, got " + maxPulsesPerStep);
    }
    if (!(refreshFactor > 1)) {
      throw new IllegalArgumentException("refresh factor: must be > 1, got " + refreshFactor);
    }
    if (!(verifyTolerance > 0)) {
      throw new IllegalArgumentException("verify tolerance: must be > 0, got " + verifyTolerance);
    }
    if (verifyMaxPulses < 1) {
      throw new IllegalArgumentException("verify max pulses: must be at least 1, got " + verifyMaxPulses);
    }
  }

  /** Defaults: device-aware rule on groningen-2021 with 15 % variation (see README "Training"). */
  public static SynapseSettings defaults() {
    return new SynapseSettings(
        UpdateRule.DEVICE_AWARE, "groningen-2021", 0.15, 0.02, 0.001, Double.NaN, 0.01, Double.NaN, 0.1, 1e-4, 200, 10,
        0.01, 2000);
  }

  public SynapseSettings withRule(UpdateRule v) {
    return new SynapseSettings(v, parameterSet, variation, pulseNoise, readNoise, gain, stepAtStart, startResistanceOhm,
        initialWeightSpread, deadZone, maxPulsesPerStep, refreshFactor, verifyTolerance, verifyMaxPulses);
  }

  public SynapseSettings withVariation(double v) {
    return new SynapseSettings(rule, parameterSet, v, pulseNoise, readNoise, gain, stepAtStart, startResistanceOhm,
        initialWeightSpread, deadZone, maxPulsesPerStep, refreshFactor, verifyTolerance, verifyMaxPulses);
  }

  public SynapseSettings withParameterSet(String v) {
    return new SynapseSettings(rule, v, variation, pulseNoise, readNoise, gain, stepAtStart, startResistanceOhm,
        initialWeightSpread, deadZone, maxPulsesPerStep, refreshFactor, verifyTolerance, verifyMaxPulses);
  }

  public SynapseSettings withNoise(double pulse, double read) {
    return new SynapseSettings(rule, parameterSet, variation, pulse, read, gain, stepAtStart, startResistanceOhm,
        initialWeightSpread, deadZone, maxPulsesPerStep, refreshFactor, verifyTolerance, verifyMaxPulses);
  }

  public SynapseSettings withGain(double v) {
    return new SynapseSettings(rule, parameterSet, variation, pulseNoise, readNoise, v, stepAtStart, startResistanceOhm,
        initialWeightSpread, deadZone, maxPulsesPerStep, refreshFactor, verifyTolerance, verifyMaxPulses);
  }

  public SynapseSettings withStepAtStart(double v) {
    return new SynapseSettings(rule, parameterSet, variation, pulseNoise, readNoise, gain, v, startResistanceOhm,
        initialWeightSpread, deadZone, maxPulsesPerStep, refreshFactor, verifyTolerance, verifyMaxPulses);
  }

  public SynapseSettings withStartResistanceOhm(double v) {
    return new SynapseSettings(rule, parameterSet, variation, pulseNoise, readNoise, gain, stepAtStart, v,
        initialWeightSpread, deadZone, maxPulsesPerStep, refreshFactor, verifyTolerance, verifyMaxPulses);
  }

  public SynapseSettings withDeadZone(double v) {
    return new SynapseSettings(rule, parameterSet, variation, pulseNoise, readNoise, gain, stepAtStart, startResistanceOhm,
        initialWeightSpread, v, maxPulsesPerStep, refreshFactor, verifyTolerance, verifyMaxPulses);
  }
}
