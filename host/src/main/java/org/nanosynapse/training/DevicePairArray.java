package org.nanosynapse.training;

import org.nanosynapse.device.DevicePopulation;
import org.nanosynapse.device.NonIdealities;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.nn.Mlp;

/**
 * The network's weights as differential pairs of simulated Nb:SrTiO3 devices: synapse s (layers in
 * order, then output neuron, then input, bias last) uses device 2s ("+") and 2s + 1 ("−"), and
 *
 * <pre>  w = γ · (1/R⁺ − 1/R⁻) / (1/R0 − 1/R1)  =  γ · (Gn⁺ − Gn⁻)</pre>
 *
 * with the nominal R0, R1 of the parameter set's SET branch, the normalisation the boards use
 * (firmware/PROTOCOL.md §Arithmetic; conductances add physically, so the pair weight depends on the
 * true conductance difference, not on each device's own range). A SET pulse to "+" raises w, to "−"
 * lowers it. Every pulse goes through the {@link PulseLedger}.
 *
 * <p>The devices are behind {@link SynapseDevices}: a simulated {@link DevicePopulation} ({@link
 * #create}) or devices on boards ({@link #on}); every decision below (device-aware and sign-only
 * rules, refresh, initial programming, write-and-verify) is the same for both.
 */
public final class DevicePairArray implements SynapticWeights {
  private final SynapseDevices devices;
  /** The simulated population, or null when the devices are on boards. */
  private final DevicePopulation population;
  private final SynapseSettings settings;
  private final int[][] shape;
  private final double gain;
  private final double startOhm;
  private final double conductanceSpanS;
  private final double setAmplitudeV;
  private final double resetAmplitudeV;
  private final double pulseWidthS;
  private final boolean canReset;
  /** Cap of one open-loop programming run (a weak device may need thousands of pulses). */
  static final int MAX_OPEN_LOOP_PULSES = 20_000;
  /** Cap of one RESET run (RESET steps are coarse: one or two usually suffice). */
  static final int MAX_RESET_PULSES = 100;

  /** Each device's own SET law (device-to-device factors applied), cached for speed. */
  private final double[] setR0;
  private final double[] setR1;
  private final double[] setExponent;
  /** Each device's pulse number at the start resistance (refresh reference). */
  private final double[] startPulseNumber;
  private final PulseLedger ledger;
  /** Stochastic rounding of pulse counts (device-aware rule). */
  private final java.util.SplittableRandom rounding;
  private long refreshes;

  private DevicePairArray(
      SynapseDevices devices, SynapseSettings settings, int[][] shape, PulseLedger ledger, long seed) {
    this.devices = devices;
    this.population = devices instanceof SimulatedDevices sim ? sim.population() : null;
    this.settings = settings;
    this.shape = shape;
    this.ledger = ledger;
    ParameterSet p = devices.parameterSet();
    setAmplitudeV = p.defaultSetAmplitudeV();
    canReset = p.hasReset();
    resetAmplitudeV = canReset ? p.defaultResetAmplitudeV() : Double.NaN;
    pulseWidthS = p.pulseWidthS();
    PowerLawParameters nominal = p.setLaw();
    conductanceSpanS = 1 / nominal.r0Ohm() - 1 / nominal.r1Ohm();
    startOhm = startResistanceOhm(p, settings);
    gain = gain(p, settings);
    int n = devices.size();
    setR0 = new double[n];
    setR1 = new double[n];
    setExponent = new double[n];
    startPulseNumber = new double[n];
    for (int d = 0; d < n; d++) {
      PowerLawParameters law = devices.law(d, Polarity.SET, setAmplitudeV);
      setR0[d] = law.r0Ohm();
      setR1[d] = law.r1Ohm();
      setExponent[d] = law.exponent();
      startPulseNumber[d] = nAt(d, startOhm);
    }
    rounding = new java.util.SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
  }

  /** Resistance both devices of a pair start near, Ω: the settings' or the parameter set's initial one. */
  static double startResistanceOhm(ParameterSet p, SynapseSettings settings) {
    double startOhm =
        Double.isNaN(settings.startResistanceOhm()) ? p.initialResistanceOhm() : settings.startResistanceOhm();
    if (!(startOhm > p.minResistanceOhm() && startOhm < p.maxResistanceOhm())) {
      throw new IllegalArgumentException("start resistance: " + startOhm + " Ohm is outside the range of parameter set '"
          + p.name() + "' (" + p.minResistanceOhm() + " .. " + p.maxResistanceOhm() + " Ohm)");
    }
    return startOhm;
  }

  /** γ of these settings on devices of parameter set p: the settings' gain, or the one {@link #gainFor} gives. */
  public static double gain(ParameterSet p, SynapseSettings settings) {
    if (!Double.isNaN(settings.gain())) {
      return settings.gain();
    }
    PowerLawParameters nominal = p.setLaw();
    double spanS = 1 / nominal.r0Ohm() - 1 / nominal.r1Ohm();
    return gainFor(nominal, startResistanceOhm(p, settings), spanS, settings.stepAtStart());
  }

  /**
   * γ such that one nominal SET pulse from the start resistance changes the weight by {@code step}:
   * γ = step · (1/R0 − 1/R1) / (1/R(n_start + 1) − 1/R_start).
   */
  static double gainFor(PowerLawParameters nominal, double startOhm, double spanS, double step) {
    double after = PowerLaw.afterPulses(nominal, startOhm, 1);
    return step * spanS / (1 / after - 1 / startOhm);
  }

  /** The device non-idealities of these settings (device-to-device spread, pulse and read noise). */
  public static NonIdealities nonIdealities(SynapseSettings s) {
    return NonIdealities.NONE.withDeviceSpread(s.variation()).withPulseNoise(s.pulseNoise()).withReadNoise(s.readNoise());
  }

  /** Fresh devices (at their as-made states) for every weight of {@code mlp}. */
  public static DevicePairArray create(Mlp mlp, SynapseSettings s, long seed, TrainingListener listener) {
    return create(mlp, s, seed, listener, false);
  }

  public static DevicePairArray create(
      Mlp mlp, SynapseSettings s, long seed, TrainingListener listener, boolean keepRecords) {
    int[][] shape = shapeOf(mlp);
    ParameterSet p = parameterSet(s.parameterSet());
    DevicePopulation pop = new DevicePopulation(p, nonIdealities(s), 2 * synapses(shape), seed);
    return new DevicePairArray(new SimulatedDevices(pop), s, shape, new PulseLedger(listener, keepRecords), seed);
  }

  /**
   * The weights of {@code mlp} on the given devices (e.g. on boards), in their present states; the
   * settings' parameter set is not used (the devices bring their own), nor its non-idealities.
   *
   * @param seed seed of the stochastic rounding of pulse counts
   */
  public static DevicePairArray on(
      SynapseDevices devices, Mlp mlp, SynapseSettings s, long seed, TrainingListener listener) {
    int[][] shape = shapeOf(mlp);
    int synapses = synapses(shape);
    if (devices.size() != 2 * synapses) {
      throw new IllegalArgumentException(
          "devices: " + devices.size() + " devices for " + synapses + " synapses (need two per synapse)");
    }
    return new DevicePairArray(devices, s, shape, new PulseLedger(listener, false), seed);
  }

  private static int synapses(int[][] shape) {
    int n = 0;
    for (int[] l : shape) {
      n += l[0] * l[1];
    }
    return n;
  }

  private static int[][] shapeOf(Mlp mlp) {
    double[][][] w = mlp.weights();
    int[][] shape = new int[w.length][];
    for (int l = 0; l < w.length; l++) {
      shape[l] = new int[] {w[l].length, w[l][0].length};
    }
    return shape;
  }

  private static final java.util.Map<String, ParameterSet> PARAMETER_SETS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Parameter sets (built-in names or files), parsed once (sweeps create thousands of arrays). */
  static ParameterSet parameterSet(String nameOrPath) {
    return PARAMETER_SETS.computeIfAbsent(nameOrPath, org.nanosynapse.io.ParameterSets::resolve);
  }

  /** The simulated population (for device states in model files and pulse-log replay). */
  public DevicePopulation population() {
    if (population == null) {
      throw new IllegalStateException("devices: not simulated (they are on boards)");
    }
    return population;
  }

  /** The devices behind the weights. */
  public SynapseDevices devices() {
    return devices;
  }

  public PulseLedger ledger() {
    return ledger;
  }

  /** γ, dimensionless. */
  public double gain() {
    return gain;
  }

  public double startResistanceOhm() {
    return startOhm;
  }

  public SynapseSettings settings() {
    return settings;
  }

  /** Pairs refreshed so far. */
  public long refreshes() {
    return refreshes;
  }

  public int synapseCount() {
    return devices.size() / 2;
  }

  /** Programs every pair to a small random weight, uniform in ±initialWeightSpread (pulses logged as "init"). */
  public void programInitialWeights(long seed) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    for (int s = 0; s < synapseCount(); s++) {
      double w = (2 * rng.nextDouble() - 1) * settings.initialWeightSpread();
      programPair(s, w, "init", 0);
    }
  }

  /** The weights the pairs hold (true states), into {@code weights}. */
  public void readWeights(double[][][] weights) {
    int s = 0;
    for (int l = 0; l < shape.length; l++) {
      for (int j = 0; j < shape[l][0]; j++) {
        for (int i = 0; i < shape[l][1]; i++, s++) {
          weights[l][j][i] = weight(s);
        }
      }
    }
  }

  /** The weights as read out once, with the device model's read noise. */
  public void readWeightsNoisy(double[][][] weights) {
    int s = 0;
    for (int l = 0; l < shape.length; l++) {
      for (int j = 0; j < shape[l][0]; j++) {
        for (int i = 0; i < shape[l][1]; i++, s++) {
          weights[l][j][i] = readWeight(s);
        }
      }
    }
  }

  /** Weight of synapse s from the true states. */
  public double weight(int s) {
    return gain * (1 / devices.resistanceOhm(2 * s) - 1 / devices.resistanceOhm(2 * s + 1)) / conductanceSpanS;
  }

  /** Weight of synapse s from one noisy read of each device. */
  public double readWeight(int s) {
    return gain * (1 / devices.readResistanceOhm(2 * s) - 1 / devices.readResistanceOhm(2 * s + 1)) / conductanceSpanS;
  }

  @Override
  public void apply(double[][][] desired, double[][][] weights, long step) {
    int s = 0;
    boolean signOnly = settings.rule() == UpdateRule.SIGN_ONLY;
    for (int l = 0; l < shape.length; l++) {
      for (int j = 0; j < shape[l][0]; j++) {
        double[] d = desired[l][j];
        for (int i = 0; i < shape[l][1]; i++, s++) {
          double dw = d[i];
          int device = dw > 0 ? 2 * s : 2 * s + 1;
          int count;
          if (signOnly) {
            count = Math.abs(dw) > settings.deadZone() ? 1 : 0;
          } else {
            double k = pulsesFor(device, Math.abs(dw));
            // A device that would need far more than the per-step cap is too weak to follow (its exponent or
            // range is extreme): skip it rather than spend pulses that barely move it.
            count = k > MAX_OPEN_LOOP_PULSES ? 0 : stochasticRound(Math.min(settings.maxPulsesPerStep(), k));
          }
          if (count > 0) {
            set(device, count, "train", step, l, j, i);
            if (needsRefresh(device) && canReset) {
              programPair(s, weight(s), "refresh", step);
              refreshes++;
            }
          }
          weights[l][j][i] = weight(s);
        }
      }
    }
  }

  /**
   * SET pulses (fractional) that raise device d's conductance by the equivalent of a weight change
   * dw, by the device's own known law and state: n(R_target) − n(R).
   */
  double pulsesFor(int d, double dw) {
    double r = devices.resistanceOhm(d);
    double targetG = 1 / r + dw * conductanceSpanS / gain;
    double targetOhm = 1 / targetG;
    if (targetOhm <= setR0[d]) {
      return Double.POSITIVE_INFINITY;
    }
    double k = nAt(d, targetOhm) - nAt(d, r);
    return Double.isNaN(k) ? 0 : Math.max(0, k);
  }

  /** floor(k) plus one with probability frac(k): unbiased, so small desired changes are not lost. */
  private int stochasticRound(double k) {
    double f = Math.floor(k);
    return (int) f + (rounding.nextDouble() < k - f ? 1 : 0);
  }

  /** True when device d's steps have shrunk enough that its pair should be refreshed. */
  boolean needsRefresh(int d) {
    return pulseNumber(d) > settings.refreshFactor() * startPulseNumber[d];
  }

  /** Pulse number of device d on its own SET law. */
  double pulseNumber(int d) {
    return nAt(d, devices.resistanceOhm(d));
  }

  private double nAt(int d, double ohm) {
    double x = (ohm - setR0[d]) / setR1[d];
    return x > 0 ? Math.pow(x, 1 / setExponent[d]) : Double.POSITIVE_INFINITY;
  }

  /**
   * Brings pair s to weight w: RESET each device up to at least the start resistance (if the
   * parameter set has a RESET branch and the device is below it), then SET each down to its target.
   */
  void programPair(int s, double w, String phase, long step) {
    int[] lji = position(s);
    double dG = Math.abs(w) * conductanceSpanS / gain;
    for (int side = 0; side < 2; side++) {
      int d = 2 * s + side;
      if (canReset && devices.resistanceOhm(d) < startOhm) {
        double k = devices.pulsesToReach(d, Polarity.RESET, resetAmplitudeV, Math.min(startOhm, 0.999 * devices.maxResistanceOhm(d)));
        int count = (int) Math.max(1, Math.min(MAX_RESET_PULSES, Math.ceil(k - 1e-9)));
        reset(d, count, phase, step, lji);
      }
    }
    // Base conductance of the pair: the start state, or higher when a device cannot get back up to it
    // (its upper clip lies below the start resistance); SET pulses can only raise a conductance.
    double gBase = Math.max(1 / startOhm, Math.max(1 / devices.resistanceOhm(2 * s), 1 / devices.resistanceOhm(2 * s + 1)));
    for (int side = 0; side < 2; side++) {
      int d = 2 * s + side;
      boolean raised = (side == 0) == (w > 0);
      double targetOhm = 1 / (gBase + (raised ? dG : 0));
      double k = devices.resistanceOhm(d) > targetOhm ? nAt(d, targetOhm) - nAt(d, devices.resistanceOhm(d)) : 0;
      // Beyond the cap the device is too weak to get there; the verify loop compensates with its partner.
      int count = Double.isNaN(k) || k > MAX_OPEN_LOOP_PULSES ? 0 : (int) Math.round(k);
      if (count > 0) {
        set(d, count, phase, step, lji[0], lji[1], lji[2]);
      }
    }
  }

  /** One RESET pulse to device d (lowers its conductance); false when the set has no RESET branch. */
  boolean resetOnce(int d, String phase, long step) {
    if (!canReset) {
      return false;
    }
    double before = devices.resistanceOhm(d);
    reset(d, 1, phase, step, position(d / 2));
    return devices.resistanceOhm(d) > before;
  }

  /** Applies {@code count} SET pulses to device d and logs them. */
  void set(int d, int count, String phase, long step, int l, int j, int i) {
    pulse(d, Polarity.SET, setAmplitudeV, count, phase, step, l, j, i);
  }

  private void reset(int d, int count, String phase, long step, int[] lji) {
    pulse(d, Polarity.RESET, resetAmplitudeV, count, phase, step, lji[0], lji[1], lji[2]);
  }

  private void pulse(int d, Polarity polarity, double amplitudeV, int count, String phase, long step, int l, int j,
      int i) {
    double energy = devices.applyPulses(d, polarity, amplitudeV, count);
    ledger.record(new PulseRecord(step, phase, l, j, i, d % 2 == 0 ? '+' : '-', d, polarity.name(), amplitudeV,
        pulseWidthS, count), energy);
  }

  /** (layer, neuron, input) of synapse s. */
  int[] position(int s) {
    int rest = s;
    for (int l = 0; l < shape.length; l++) {
      int n = shape[l][0] * shape[l][1];
      if (rest < n) {
        return new int[] {l, rest / shape[l][1], rest % shape[l][1]};
      }
      rest -= n;
    }
    throw new IllegalArgumentException("synapse: index " + s + " out of range");
  }

  /** Applies one logged pulse run again (for replaying a pulse log on fresh devices). */
  public void replay(PulseRecord r) {
    devices.applyPulses(r.device(), Polarity.parse(r.polarity(), "polarity"), r.amplitudeV(), r.count());
  }
}
