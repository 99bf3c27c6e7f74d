package org.nanosynapse.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nanosynapse.compare.Comparison;
import org.nanosynapse.compare.ReportWriter;
import org.nanosynapse.compare.Thresholds;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.dataset.LineClass;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.link.BoardDeviceParameters;
import org.nanosynapse.link.BoardIdentity;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.records.AppendLog;
import org.nanosynapse.records.RunRecorder;
import org.nanosynapse.training.PulseRecord;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingData;
import org.nanosynapse.training.TrainingResult;

/**
 * One bench session on a network of boards, recorded in a run folder as it goes: open the boards of
 * a topology, {@link #deploy} a trained model, {@link #run} a test set through them, {@link #compare}
 * what they did with the host's predictions. The library entry point for the CLI commands and the
 * demo; see {@link RunFiles} for what the folder holds.
 */
public final class NetworkSession implements AutoCloseable {
  /**
   * @param gain γ; NaN chooses it: the pulse budget's gain for write-and-verify, otherwise the
   *     published 1e4 (raised if the largest weight needs more)
   * @param toleranceRaw write-and-verify tolerance, raw Q F weight units
   * @param pulseBudget write-and-verify: SET pulses the largest weight may need
   */
  public record DeployOptions(Deployer.Mode mode, int fractionalBits, double gain, int toleranceRaw, int pulseBudget) {
    public static DeployOptions direct() {
      return new DeployOptions(Deployer.Mode.DIRECT, 8, Double.NaN, 0, 0);
    }

    public static DeployOptions writeVerify() {
      return new DeployOptions(Deployer.Mode.WRITE_VERIFY, 8, Double.NaN, 4, 2000);
    }
  }

  /** Published default gain of the differential pair (Tiotto et al. 2021, experiments/mPES.py). */
  public static final double DEFAULT_GAIN = 1e4;

  private final BoardNetwork net;
  private final RunRecorder recorder;
  private final Consumer<String> log;
  private final AppendLog events;
  private Mlp model;
  private DeploymentResult deployment;
  private RunResult run;
  private Dataset testSet;

  private NetworkSession(BoardNetwork net, RunRecorder recorder, Consumer<String> log) {
    this.net = net;
    this.recorder = recorder;
    this.log = log;
    this.events = recorder.jsonLines("events.jsonl");
    net.onEvent(e -> {
      events.record(Map.of(
          "time_ms", e.timeMillis(), "board_id", e.slot().boardId(), "port", e.slot().port(), "event", e.what()));
      log.accept(e.slot().label() + ": " + e.what());
    });
  }

  /** Opens and identifies the boards; records topology and board identities in the run folder. */
  public static NetworkSession open(Topology topology, BoardOpener opener, RunRecorder recorder, Consumer<String> log) {
    TopologyFile.write(recorder.folder().resolve("topology.json"), topology);
    BoardNetwork net = BoardNetwork.open(topology, opener);
    List<Map<String, Object>> boards = new ArrayList<>();
    for (BoardSlot slot : topology.boards()) {
      BoardIdentity id = net.identity(slot);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("board_id", id.boardId());
      m.put("port", slot.port());
      m.put("layer", slot.layer());
      m.put("neurons", slot.firstNeuron() + ".." + (slot.endNeuron() - 1));
      m.put("firmware", id.firmwareName());
      m.put("firmware_version", id.firmwareVersion());
      m.put("protocol_version", id.protocolVersion());
      m.put("max_neurons", id.maxNeurons());
      m.put("max_inputs_per_neuron", id.maxInputsPerNeuron());
      boards.add(m);
    }
    recorder.manifest("boards", boards);
    return new NetworkSession(net, recorder, log);
  }

  public Path folder() {
    return recorder.folder();
  }

  public BoardNetwork network() {
    return net;
  }

  public DeploymentResult deployment() {
    return deployment;
  }

  /** Encodes the model, deploys it to every board (all or none) and records the result. */
  public DeploymentResult deploy(Mlp mlp, ParameterSet devices, DeployOptions o) {
    return deploy(mlp, devices, o, 0);
  }

  /** As above, with the code range sized for weights up to {@code rangeWeight} (see {@link WeightEncoder}). */
  private DeploymentResult deploy(Mlp mlp, ParameterSet devices, DeployOptions o, double rangeWeight) {
    WeightEncoder.checkShape(mlp, net.topology());
    double maxAbs = 0;
    for (double[][] layer : mlp.weights()) {
      for (double[] row : layer) {
        for (double w : row) {
          maxAbs = Math.max(maxAbs, Math.abs(w));
        }
      }
    }
    double gain = o.gain();
    if (Double.isNaN(gain)) {
      gain = o.mode() == Deployer.Mode.WRITE_VERIFY
          ? DeviceSetup.gainForPulseBudget(devices, maxAbs, o.pulseBudget())
          : Math.max(DEFAULT_GAIN, 2 * maxAbs);
    }
    var law = devices.setLaw();
    DeploymentPlan plan = WeightEncoder.encode(
        mlp, net.topology(), o.fractionalBits(), gain, law.r0Ohm(), law.r1Ohm(), devices.initialResistanceOhm(),
        rangeWeight);
    BoardDeviceParameters params = DeviceSetup.forBoards(devices, plan.encoding().conductanceLsbS());
    recorder.writeJson("model.json", RunFiles.modelJson(mlp));
    recorder.manifest("parameter_set", Map.of("name", devices.name(), "source", devices.source()));
    Deployer.Options options = o.mode() == Deployer.Mode.DIRECT
        ? Deployer.Options.direct()
        : new Deployer.Options(
            Deployer.Mode.WRITE_VERIFY, o.toleranceRaw(), 200, 1000, DeviceSetup.defaultAmplitudeIndex(devices, Polarity.SET));
    DeploymentResult d = new Deployer(log).deploy(net, plan, params, options);
    recorder.writeJson("deployment.json", RunFiles.deploymentJson(d, devices.name(), devices.source()));
    if (!d.pulses().isEmpty()) {
      try (AppendLog pulses = recorder.csv("pulses.csv", RunFiles.pulseHeader())) {
        for (PulseStep s : d.pulses()) {
          pulses.row(RunFiles.pulseRow(s));
        }
      }
    }
    recorder.manifest("deployment", Map.of(
        "mode", d.mode().name().toLowerCase(java.util.Locale.ROOT), "synapses", d.synapseCount(),
        "pulses", d.pulseCount(), "max_weight_error_raw", d.maxWeightErrorRaw(), "duration_ms", d.durationMillis(),
        "weight_scale_k", plan.encoding().weightScale(), "conductance_lsb_s", plan.encoding().conductanceLsbS(),
        "gain", plan.encoding().gain()));
    this.model = mlp;
    this.deployment = d;
    return d;
  }

  /**
   * Trains on the boards by the trainer's own in-place loop and pulse decisions ({@link
   * HardwareTrainer}): deploys balanced pairs (zero weights) with the trainer's gain and a code range
   * sized by {@link HardwareTrainer#range}, then trains; every pulse decision goes out as APPLY_PULSES
   * and the boards' answers are the next step's device states. Written as they happen: the trainer's
   * pulse log ({@code pulse-schedule.csv}, {@link PulseRecord#CSV_HEADER}, replayable), every command
   * with the codes read back and predicted ({@code pulses.csv}) and the epochs ({@code epochs.csv}).
   * Afterwards the boards' state is this session's deployment, so {@link #run} and {@link #compare}
   * test the trained boards (the comparison includes every pulsed device's trajectory).
   *
   * @param config training configuration (run in place whatever its mode)
   * @param devices the parameter set of {@code config}, resolved (the boards get its physics)
   */
  public TrainingResult trainOnHardware(
      TrainingConfig config, TrainingData data, ParameterSet devices, int fractionalBits) {
    HardwareTrainer.Range range = deployForTraining(config, devices, fractionalBits);
    TrainingConfig onBoards = HardwareTrainer.configFor(config, deployment.plan().encoding());
    Map<String, Object> t = new java.util.LinkedHashMap<>();
    t.put("config", onBoards.toString());
    t.put("seed", onBoards.seed());
    t.put("train_images", data.train().size());
    t.put("gain", range.gain());
    t.put("range_weight", range.rangeWeight());
    t.put("start_resistance_ohm", onBoards.synapses().startResistanceOhm());
    recorder.manifest("training", t);
    long start = System.currentTimeMillis();
    List<PulseStep> schedule = new ArrayList<>();
    TrainingResult trained;
    try (AppendLog records = recorder.csv("pulse-schedule.csv", PulseRecord.CSV_HEADER.split(","));
        AppendLog pulses = recorder.csv("pulses.csv", RunFiles.pulseHeader());
        AppendLog epochs = recorder.csv("epochs.csv", "epoch", "mean_loss", "train_accuracy", "test_accuracy",
            "host_test_accuracy", "pulses", "refresh_pulses")) {
      trained = HardwareTrainer.train(
          net, deployment, devices, DeviceSetup.forBoards(devices, deployment.plan().encoding().conductanceLsbS()),
          onBoards, data, new HardwareTrainer.Listener() {
            @Override
            public void pulses(PulseRecord r) {
              records.row(r.step(), r.phase(), r.layer(), r.neuron(), r.input(), String.valueOf(r.side()), r.device(),
                  r.polarity(), r.amplitudeV(), r.widthS(), r.count());
            }

            @Override
            public void command(PulseStep step) {
              schedule.add(step);
              pulses.row(RunFiles.pulseRow(step));
            }

            @Override
            public void epoch(HardwareTrainer.Epoch e) {
              epochs.row(e.epoch(), e.meanLoss(), e.trainAccuracy(), e.testAccuracy(), e.hostTestAccuracy(), e.pulses(),
                  e.refreshPulses());
              log.accept(String.format(java.util.Locale.ROOT,
                  "epoch %d: loss %.4f, boards' accuracy train %.2f %% test %.2f %%, %d pulses", e.epoch(),
                  e.meanLoss(), 100 * e.trainAccuracy(), 100 * e.testAccuracy(), e.pulses()));
            }
          });
    }
    Map<BoardSlot, List<org.nanosynapse.link.SynapseState>> readBack = new java.util.LinkedHashMap<>();
    for (BoardSlot slot : net.topology().boards()) {
      readBack.put(slot, net.board(slot).readSynapses());
    }
    DeploymentResult d = new DeploymentResult(
        deployment.plan(), deployment.mode(), readBack, Deployer.modelFrom(deployment.plan(), readBack), schedule, 0,
        System.currentTimeMillis() - start);
    recorder.writeJson("deployment.json", RunFiles.deploymentJson(d, devices.name(), devices.source()));
    recorder.writeJson("model.json", RunFiles.modelJson(trained.model()));
    recorder.manifest("trained", Map.of(
        "pulses", trained.pulses(), "pulse_commands", schedule.size(), "energy_j", trained.energyJ(),
        "write_time_s", trained.writeTimeS(), "host_test_accuracy", trained.testAccuracy(),
        "duration_ms", d.durationMillis()));
    this.deployment = d;
    this.model = trained.model();
    return trained;
  }

  /** Balanced pairs (zero weights) with the trainer's gain and the code range {@link HardwareTrainer#range} sizes. */
  private HardwareTrainer.Range deployForTraining(TrainingConfig config, ParameterSet devices, int fractionalBits) {
    HardwareTrainer.Range range = HardwareTrainer.range(devices, config.synapses(), fractionalBits);
    Mlp zero = Mlp.initialised(config.layerSizes(), config.activations(), 0);
    for (double[][] layer : zero.weights()) {
      for (double[] row : layer) {
        java.util.Arrays.fill(row, 0);
      }
    }
    deploy(zero, devices, new DeployOptions(Deployer.Mode.DIRECT, fractionalBits, range.gain(), 0, 0), range.rangeWeight());
    return range;
  }

  /**
   * Replays a pulse schedule ({@code pulse-schedule.csv} of a {@link #trainOnHardware} run) on these
   * boards: deploys the same balanced start as that run (same configuration, parameter set and F)
   * and sends every logged pulse run as APPLY_PULSES, in order; commands go to {@code pulses.csv}.
   * On boards that follow the same device law the result is the trained run's codes; on other boards
   * it shows what the same pulses do to them.
   */
  public DeploymentResult replaySchedule(
      TrainingConfig config, ParameterSet devices, int fractionalBits, List<PulseRecord> schedule) {
    deployForTraining(config, devices, fractionalBits);
    long start = System.currentTimeMillis();
    List<PulseStep> steps = new ArrayList<>();
    try (AppendLog pulses = recorder.csv("pulses.csv", RunFiles.pulseHeader())) {
      BoardDevices boards = new BoardDevices(
          net, devices, DeviceSetup.forBoards(devices, deployment.plan().encoding().conductanceLsbS()), step -> {
            steps.add(step);
            pulses.row(RunFiles.pulseRow(step));
          });
      for (PulseRecord r : schedule) {
        if (r.device() >= boards.size()) {
          throw new IllegalArgumentException("pulse schedule: device " + r.device() + " of step " + r.step()
              + " is not on these boards (" + boards.size() + " devices)");
        }
        if (r.count() > 0) {
          boards.applyPulses(r.device(), Polarity.parse(r.polarity(), "polarity"), r.amplitudeV(), r.count());
        }
      }
      boards.commit();
    }
    Map<BoardSlot, List<org.nanosynapse.link.SynapseState>> readBack = new java.util.LinkedHashMap<>();
    for (BoardSlot slot : net.topology().boards()) {
      readBack.put(slot, net.board(slot).readSynapses());
    }
    DeploymentResult d = new DeploymentResult(
        deployment.plan(), deployment.mode(), readBack, Deployer.modelFrom(deployment.plan(), readBack), steps, 0,
        System.currentTimeMillis() - start);
    recorder.writeJson("deployment.json", RunFiles.deploymentJson(d, devices.name(), devices.source()));
    this.deployment = d;
    return d;
  }

  /** Runs the test set through the boards; each pattern is appended to patterns.csv at once. */
  public RunResult run(Dataset test, NetworkRunner runner) {
    return run(test, runner, p -> {});
  }

  /** As {@link #run(Dataset, NetworkRunner)}, also telling {@code listener} of each pattern (progress, faults). */
  public RunResult run(Dataset test, NetworkRunner runner, NetworkRunner.Listener listener) {
    if (deployment == null) {
      throw new IllegalStateException("run: deploy a model first");
    }
    recorder.manifest("test_set", Map.of("images", test.size(), "pixels", test.pixels(), "classes", classNames(test)));
    int f = deployment.plan().encoding().fractionalBits();
    RunResult r;
    try (AppendLog patterns = recorder.csv("patterns.csv", RunFiles.patternHeader())) {
      r = runner.run(net, test, f, p -> {
        patterns.row(RunFiles.patternRow(p, test.input(p.index())));
        listener.pattern(p);
      });
    }
    recorder.writeJson("counters.json", Map.of("before", r.countersBefore(), "after", r.countersAfter()));
    recorder.manifest("run", Map.of(
        "patterns", r.patterns().size(), "board_accuracy", r.boardAccuracy(), "duration_ms", r.durationMillis(),
        "board_events", r.events().size()));
    this.run = r;
    this.testSet = test;
    return r;
  }

  /** Compares the last run with the host's predictions; writes {@code comparison/} in the run folder. */
  public Comparison compare(Thresholds thresholds) {
    if (run == null) {
      throw new IllegalStateException("compare: run a test set first");
    }
    Comparison c = Comparison.of(
        new Comparison.Inputs(
            run.patterns(), testSet.classCount(), deployment.hostModel(), model, testSet.inputs(),
            deployment.pulses(), run.countersBefore(), run.countersAfter(), run.events().size()),
        thresholds);
    ReportWriter.write(recorder.folder().resolve("comparison"), c, classNames(testSet));
    recorder.manifest("comparison", Map.of(
        "passed", c.report().passed(), "class_agreement", c.report().classAgreement(),
        "exact_outputs", c.report().exactOutputs(), "board_accuracy", c.report().boardAccuracy(),
        "failures", c.report().failures()));
    return c;
  }

  static List<String> classNames(Dataset d) {
    List<String> names = new ArrayList<>();
    for (LineClass lc : d.classes()) {
      names.add(lc.name().toLowerCase(java.util.Locale.ROOT));
    }
    return names;
  }

  @Override
  public void close() {
    net.close();
  }
}
