package org.nanosynapse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nanosynapse.device.AdcReadout;
import org.nanosynapse.device.DevicePopulation;
import org.nanosynapse.device.NonIdealities;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PulseTrain;
import org.nanosynapse.device.ReadOut;
import org.nanosynapse.device.UpdateCost;
import org.nanosynapse.io.AtomicFiles;
import org.nanosynapse.plot.LinePlot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nanosynapse device simulate}: apply a pulse train to N devices; CSV, PNG and a summary. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Apply a pulse train to one or more simulated devices and report the resistance after every pulse.",
      "CSV columns: device, pulse, polarity, amplitude_v, resistance_ohm, read_resistance_ohm, conductance_s,"
          + " normalised_conductance, read_power_w, pulse_energy_j (pulse 0 is the initial state)."
    })
public final class DeviceSimulateCommand implements java.util.concurrent.Callable<Integer> {
  private static final int PLOTTED_DEVICES = 10;
  private static final int JSON_TRAJECTORY_LIMIT = 10_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pulses", paramLabel = "TRAIN", defaultValue = "10xRESET@-4V,10xSET@+0.1V",
      description = "Pulse train: COUNTxSET|RESET[@AMPLITUDE(V|mV)], comma-separated (default: ${DEFAULT-VALUE}).")
  String pulses;

  @Option(names = "--param-set", paramLabel = "NAME|FILE", defaultValue = "groningen-2021",
      description = "Built-in parameter set (groningen-2021, old-device-amplitudes) or a parameter-set JSON file"
          + " (default: ${DEFAULT-VALUE}).")
  String paramSet;

  @Option(names = "--calibration", paramLabel = "FILE",
      description = "Calibration file from 'calibrate fit': simulate its fitted parameter set (instead of --param-set).")
  java.nio.file.Path calibration;

  @Option(names = "--devices", paramLabel = "N", defaultValue = "1", description = "Number of devices (default: 1).")
  int devices;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed; one seed reproduces the whole population (default: 1).")
  long seed;

  @Option(names = "--out", paramLabel = "CSV", description = "Write every device's state after every pulse.")
  Path out;

  @Option(names = "--plot", paramLabel = "PNG", description = "Plot R against pulse number (log scale).")
  Path plot;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "Summary on stdout: text or json (default: text).")
  String format;

  @Option(names = "--noise", paramLabel = "none|published", defaultValue = "none",
      description = "Preset: none, or published (15 %% device-to-device spread of R0, R1, a, R_init).")
  String noisePreset;

  @Option(names = "--d2d", paramLabel = "REL",
      description = "Device-to-device spread of R0, R1, a and R_init, relative sd (e.g. 0.15).")
  Double d2d;

  @Option(names = "--pulse-noise", paramLabel = "REL",
      description = "Cycle-to-cycle noise: relative sd of each pulse's effect (in pulse-number units).")
  Double pulseNoise;

  @Option(names = "--read-noise", paramLabel = "REL", description = "Relative sd of each read's conductance.")
  Double readNoise;

  @Option(names = "--levels", paramLabel = "L", description = "Finite number of distinguishable states (0 = off).")
  Integer levels;

  @Option(names = "--stuck-high", paramLabel = "P", description = "Probability a device is stuck at its upper clip.")
  Double stuckHigh;

  @Option(names = "--stuck-low", paramLabel = "P", description = "Probability a device is stuck at its lower clip.")
  Double stuckLow;

  @Option(names = "--retention", description = "Relaxation in time (power law, half the change lost after 1 h).")
  boolean retention;

  @Option(names = "--pulse-interval-s", paramLabel = "S",
      description = "Time between pulse starts, s, for retention (default: the parameter set's pulse width).")
  Double pulseIntervalS;

  @Option(names = "--initial-ohm", paramLabel = "R",
      description = "Start every device at this resistance, Ohm (default: the parameter set's initial state).")
  Double initialOhm;

  @Option(names = "--adc-series-ohm", paramLabel = "R",
      description = "Add what a Nano's 10-bit ADC (5 V reference) would read with this series resistor, Ohm:"
          + " CSV columns adc_code and adc_resistance_ohm.")
  Double adcSeriesOhm;

  @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
      description = "Threads per pulse (results do not depend on it; default: 1).")
  int threads;

  @Override
  public Integer call() {
    // Everything the user gave is checked before anything runs or is written.
    ParameterSet parameters = calibration != null
        ? ParameterSetArgument.fromCalibration(calibration, spec.commandLine().getParseResult().hasMatchedOption("--param-set"))
        : ParameterSetArgument.resolve(paramSet);
    PulseTrain train = PulseTrain.parse(pulses);
    train.validate(parameters);
    if (devices < 1) {
      throw new BadInputException("devices: must be >= 1, got " + devices);
    }
    if (threads < 1) {
      throw new BadInputException("threads: must be >= 1, got " + threads);
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("format: must be text or json, got '" + format + "'");
    }
    if (initialOhm != null && !(initialOhm > 0 && Double.isFinite(initialOhm))) {
      throw new BadInputException("initial-ohm: must be a resistance > 0 Ohm, got " + initialOhm);
    }
    double intervalS = pulseIntervalS == null ? parameters.pulseWidthS() : pulseIntervalS;
    if (!(intervalS >= 0) || Double.isInfinite(intervalS)) {
      throw new BadInputException("pulse-interval-s: must be a time >= 0 s, got " + intervalS);
    }
    NonIdealities noise = nonIdealities();
    AdcReadout adc = null;
    if (adcSeriesOhm != null) {
      try {
        adc = AdcReadout.nano(adcSeriesOhm, parameters.readVoltageV());
      } catch (IllegalArgumentException e) {
        throw new BadInputException("adc-series-ohm: " + e.getMessage(), e);
      }
    }
    checkOutput(out, "out");
    checkOutput(plot, "plot");

    DevicePopulation population = new DevicePopulation(parameters, noise, devices, seed);
    if (initialOhm != null) {
      for (int i = 0; i < devices; i++) {
        population.setResistanceOhm(i, initialOhm);
      }
    }
    Recorder rec = new Recorder(population, (int) Math.min(train.pulseCount(), Integer.MAX_VALUE - 1), adc);
    if (out != null) {
      AtomicFiles.write(out, stream -> {
        PrintWriter csv = new PrintWriter(new BufferedWriter(
            new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16));
        rec.csv = csv;
        rec.run(train, intervalS, threads);
        csv.flush();
        if (csv.checkError()) {
          throw new java.io.IOException("write failed");
        }
      });
      rec.csvPath = out.toString();
    } else {
      rec.run(train, intervalS, threads);
    }
    if (plot != null) {
      rec.plot(train).writePng(plot);
      rec.plotPath = plot.toString();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (format.equals("json")) {
      stdout.println(rec.json(train, noise));
    } else {
      rec.text(train, stdout);
    }
    stdout.flush();
    return NanoSynapse.EXIT_OK;
  }

  private static void checkOutput(Path file, String field) {
    if (file != null && java.nio.file.Files.isDirectory(file)) {
      throw new BadInputException(field + ": " + file + " is a directory");
    }
  }

  private NonIdealities nonIdealities() {
    NonIdealities n;
    switch (noisePreset) {
      case "none" -> n = NonIdealities.NONE;
      case "published" -> n = NonIdealities.PUBLISHED;
      default -> throw new BadInputException("noise: must be none or published, got '" + noisePreset + "'");
    }
    if (d2d != null) {
      n = n.withDeviceSpread(d2d);
    }
    if (pulseNoise != null) {
      n = n.withPulseNoise(pulseNoise);
    }
    if (readNoise != null) {
      n = n.withReadNoise(readNoise);
    }
    if (levels != null) {
      n = n.withLevels(levels);
    }
    if (stuckHigh != null || stuckLow != null) {
      n = n.withStuck(stuckHigh == null ? 0 : stuckHigh, stuckLow == null ? 0 : stuckLow);
    }
    if (retention) {
      n = n.withRetention();
    }
    return n;
  }

  /** Collects what the outputs need while the train runs. */
  private static final class Recorder {
    final DevicePopulation pop;
    final ParameterSet ps;
    final int plotted;
    final double[][] trajectory;
    final double[] geometricMean;
    final double[] before;
    final double[] initial;
    final AdcReadout adc;
    double energyJ;
    PrintWriter csv;
    final StringBuilder line = new StringBuilder(160);

    Recorder(DevicePopulation pop, int pulseCount, AdcReadout adc) {
      this.pop = pop;
      this.adc = adc;
      this.ps = pop.parameterSet();
      this.plotted = Math.min(PLOTTED_DEVICES, pop.size());
      this.trajectory = new double[plotted][pulseCount + 1];
      this.geometricMean = new double[pulseCount + 1];
      this.before = pop.resistancesOhm();
      this.initial = before.clone();
    }

    void run(PulseTrain train, double intervalS, int threads) {
      if (csv != null) {
        csv.println("device,pulse,polarity,amplitude_v,resistance_ohm,read_resistance_ohm,conductance_s,"
            + "normalised_conductance,read_power_w,pulse_energy_j" + (adc == null ? "" : ",adc_code,adc_resistance_ohm"));
      }
      record(0, null, 0.0);
      train.apply(pop, intervalS, threads, (k, block, amplitudeV, p) -> record(k, block, amplitudeV));
    }

    void record(int pulse, PulseTrain.Block block, double amplitudeV) {
      double logSum = 0;
      for (int i = 0; i < pop.size(); i++) {
        double r = pop.resistanceOhm(i);
        double e = block == null ? 0 : UpdateCost.pulseEnergyJ(amplitudeV, before[i], ps.pulseWidthS());
        energyJ += e;
        before[i] = r;
        logSum += Math.log(r);
        if (i < plotted) {
          trajectory[i][pulse] = r;
        }
        if (csv != null) {
          double read = pop.readResistanceOhm(i);
          line.setLength(0);
          line.append(i).append(',').append(pulse).append(',')
              .append(block == null ? "INITIAL" : block.polarity().name()).append(',')
              .append(num(amplitudeV)).append(',').append(num(r)).append(',')
              .append(num(read)).append(',').append(num(1 / r)).append(',')
              .append(num(pop.normalisedConductance(i))).append(',')
              .append(num(ReadOut.powerW(r, ps.readVoltageV()))).append(',').append(num(e));
          if (adc != null) {
            int code = adc.code(read);
            line.append(',').append(code).append(',').append(num(adc.resistanceOhm(code)));
          }
          csv.println(line);
        }
      }
      geometricMean[pulse] = Math.exp(logSum / pop.size());
    }

    LinePlot plot(PulseTrain train) {
      int n = geometricMean.length;
      double[] x = new double[n];
      for (int k = 0; k < n; k++) {
        x[k] = k;
      }
      LinePlot p = new LinePlot(ps.name() + ": " + train + " (" + pop.size() + " device"
          + (pop.size() == 1 ? "" : "s") + ")", "pulse number", "resistance (Ohm)").logY();
      for (int i = 0; i < plotted; i++) {
        if (n <= 200) {
          p.line("device " + i, x, trajectory[i]);
        } else {
          p.plainLine("device " + i, x, trajectory[i]);
        }
      }
      if (pop.size() > 1) {
        p.plainLine("geometric mean of " + pop.size(), x, geometricMean);
      }
      return p;
    }

    Map<String, Object> stats(double[] v) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (double d : v) {
        min = Math.min(min, d);
        max = Math.max(max, d);
        sum += d;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mean", sum / v.length);
      m.put("min", min);
      m.put("max", max);
      return m;
    }

    String json(PulseTrain train, NonIdealities noise) {
      Map<String, Object> m = new LinkedHashMap<>();
      double[] fin = pop.resistancesOhm();
      double[] power = new double[fin.length];
      double[] gn = new double[fin.length];
      for (int i = 0; i < fin.length; i++) {
        power[i] = ReadOut.powerW(fin[i], ps.readVoltageV());
        gn[i] = pop.normalisedConductance(i);
      }
      long pulses = train.pulseCount();
      m.put("param_set", ps.name());
      m.put("param_set_source", ps.source());
      m.put("pulses", train.toString());
      m.put("pulse_count", pulses);
      m.put("devices", pop.size());
      m.put("seed", pop.seed());
      Map<String, Object> ni = new LinkedHashMap<>();
      ni.put("r0_spread_rel", noise.r0SpreadRel());
      ni.put("r1_spread_rel", noise.r1SpreadRel());
      ni.put("exponent_spread_rel", noise.exponentSpreadRel());
      ni.put("initial_spread_rel", noise.initialSpreadRel());
      ni.put("pulse_noise_rel", noise.pulseNoiseRel());
      ni.put("read_noise_rel", noise.readNoiseRel());
      ni.put("levels", noise.levels());
      ni.put("stuck_high_probability", noise.stuckHighProbability());
      ni.put("stuck_low_probability", noise.stuckLowProbability());
      ni.put("retention_tau_s", noise.retentionTauS());
      ni.put("retention_exponent", noise.retentionExponent());
      m.put("non_idealities", ni);
      m.put("read_voltage_v", ps.readVoltageV());
      m.put("pulse_width_s", ps.pulseWidthS());
      m.put("initial_resistance_ohm", stats(initial));
      m.put("final_resistance_ohm", stats(fin));
      m.put("final_normalised_conductance", stats(gn));
      m.put("final_read_power_w", stats(power));
      m.put("energy_per_device_j", energyJ / pop.size());
      m.put("write_latency_s", UpdateCost.writeLatencyS(pulses, ps.pulseWidthS()));
      if (trajectory.length > 0 && trajectory[0].length <= JSON_TRAJECTORY_LIMIT) {
        m.put("device0_resistance_ohm", trajectory[0]);
      }
      m.put("csv", csvPath());
      m.put("plot", plotPath());
      try {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    String csvPath;
    String plotPath;

    String csvPath() {
      return csvPath;
    }

    String plotPath() {
      return plotPath;
    }

    void text(PulseTrain train, PrintWriter w) {
      w.printf(Locale.ROOT, "parameter set  %s (%s)%n", ps.name(), ps.source().length() > 90
          ? ps.source().substring(0, 87) + "..." : ps.source());
      w.printf(Locale.ROOT, "pulse train    %s (%d pulses of %s s)%n", train, train.pulseCount(),
          num(ps.pulseWidthS()));
      w.printf(Locale.ROOT, "devices        %d (seed %d)%n", pop.size(), pop.seed());
      if (trajectory.length > 0 && trajectory[0].length <= 60) {
        w.println("device 0:  pulse  resistance_ohm  normalised_conductance  read_power_w");
        List<PulseTrain.Block> order = new ArrayList<>();
        for (PulseTrain.Block b : train.blocks()) {
          for (int k = 0; k < b.count(); k++) {
            order.add(b);
          }
        }
        for (int k = 0; k < trajectory[0].length; k++) {
          double r = trajectory[0][k];
          w.printf(Locale.ROOT, "  %-7s %5d  %14.4e  %22.6e  %12.3e%n",
              k == 0 ? "initial" : order.get(k - 1).polarity().name(), k, r,
              PowerLaw.normalisedConductance(r, pop.minResistanceOhm(0), pop.maxResistanceOhm(0)),
              ReadOut.powerW(r, ps.readVoltageV()));
        }
      }
      double[] fin = pop.resistancesOhm();
      Map<String, Object> s = stats(fin);
      w.printf(Locale.ROOT, "final R        mean %.4e  min %.4e  max %.4e Ohm%n", s.get("mean"), s.get("min"),
          s.get("max"));
      w.printf(Locale.ROOT, "read power     %.3e W at %s V (device 0)%n",
          ReadOut.powerW(fin[0], ps.readVoltageV()), num(ps.readVoltageV()));
      w.printf(Locale.ROOT, "write energy   %.3e J per device, latency %.4g s%n", energyJ / pop.size(),
          UpdateCost.writeLatencyS(train.pulseCount(), ps.pulseWidthS()));
      if (csvPath != null) {
        w.println("csv            " + csvPath);
      }
      if (plotPath != null) {
        w.println("plot           " + plotPath);
      }
    }
  }

  static String num(double v) {
    return Double.toString(v);
  }
}
