package org.nanosynapse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.network.Deployer;
import org.nanosynapse.network.NetworkSession;
import org.nanosynapse.network.RunFiles;
import org.nanosynapse.network.Topology;
import org.nanosynapse.network.TopologyFile;
import org.nanosynapse.network.TopologyPlanner;
import org.nanosynapse.network.WeightEncoder;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.dataset.LineTask;
import org.nanosynapse.training.ModelFile;
import org.nanosynapse.training.Trainer;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingMode;
import picocli.CommandLine.Option;

/** Options shared by {@code deploy}, {@code run} and {@code hil}: model, boards, encoding. */
final class NetworkOptions {
  @Option(names = "--model", paramLabel = "FILE",
      description = "Trained model: model.json of 'train --out' (or of a run folder). Without it the default "
          + "task's MLP is trained first (ideal weights, --seed).")
  Path model;

  @Option(names = "--topology", paramLabel = "FILE",
      description = "Topology file: which board (id, port) holds which neurons of which layer.")
  Path topology;

  @Option(names = "--ports", paramLabel = "PORT", split = ",",
      description = "Without --topology: lay the model out over these board addresses (serial port of a Nano, "
          + "pty of an emulated board, virtual:N), board ids 1, 2, … in order. Default: as many virtual boards "
          + "as needed.")
  List<String> ports;

  @Option(names = "--boards", paramLabel = "N", defaultValue = "0",
      description = "Without --topology and --ports: number of virtual boards (0 = as few as the model needs).")
  int boards;

  @Option(names = "--param-set", paramLabel = "NAME|FILE", defaultValue = "groningen-2021",
      description = "Device parameters loaded into the boards (built-in name or JSON file; default: ${DEFAULT-VALUE}).")
  String parameterSet;

  @Option(names = "--mode", paramLabel = "direct|write-verify", defaultValue = "direct",
      description = "direct: write conductance codes (staged, committed); write-verify: closed-loop SET pulses "
          + "with read-back until within --tolerance (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--fractional-bits", paramLabel = "F", defaultValue = "8",
      description = "Fixed-point fractional bits on the boards, 0..14 (default: ${DEFAULT-VALUE}).")
  int fractionalBits;

  @Option(names = "--gain", paramLabel = "GAMMA",
      description = "Differential-pair gain γ (default: 1e4 for direct, from --pulse-budget for write-verify).")
  Double gain;

  @Option(names = "--tolerance", paramLabel = "RAW", defaultValue = "4",
      description = "write-verify: accepted weight error in raw Q F units (default: ${DEFAULT-VALUE}).")
  int tolerance;

  @Option(names = "--pulse-budget", paramLabel = "N", defaultValue = "2000",
      description = "write-verify: SET pulses the largest weight may need (default: ${DEFAULT-VALUE}).")
  int pulseBudget;

  @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
      description = "Folder for run folders (default: ${DEFAULT-VALUE}).")
  Path runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the default training and of the test set (default: ${DEFAULT-VALUE}).")
  long seed;

  Mlp model(java.io.PrintWriter err) {
    if (model != null) {
      if (!Files.isRegularFile(model)) {
        throw new BadInputException("model: " + model + " not found");
      }
      String text;
      try {
        text = Files.readString(model);
      } catch (java.io.IOException e) {
        throw new BadInputException("model: cannot read " + model + ": " + e.getMessage(), e);
      }
      if (text.contains("\"" + ModelFile.FORMAT + "\"")) {
        ModelFile.Saved saved = ModelFile.parse(text, model.toString());
        task = saved.task();
        return saved.mlp();
      }
      return RunFiles.readModel(model);
    }
    err.println("no --model: training the default MLP (ideal weights, seed " + seed + ")");
    err.flush();
    TrainingConfig c = TrainingConfig.defaults().toBuilder().mode(TrainingMode.IDEAL).seed(seed).build();
    task = c.task();
    return Trainer.train(c).model();
  }

  /** The task the model was trained for (from a model file or the default training), or null. */
  LineTask task() {
    return task;
  }

  private Topology fromFile;
  private LineTask task;

  /** Reads the topology file, if one was given, so a bad file fails before any work is done. */
  void readTopologyFile() {
    if (topology != null) {
      fromFile = TopologyFile.read(topology);
    }
  }

  /** What {@code deploy} and {@code run} put on the boards: the model, its layout, the devices, the encoding. */
  record Deployment(Mlp mlp, Topology topology, ParameterSet devices, NetworkSession.DeployOptions options) {}

  /**
   * Checks the topology file and the deploy options first, so a bad one fails before a model is trained, then
   * loads or trains the model and lays it out over the boards.
   */
  Deployment deployment(java.io.PrintWriter err) {
    readTopologyFile();
    deployOptions();
    Mlp mlp = model(err);
    Topology topo = topology(mlp);
    return new Deployment(mlp, topo, parameterSet(), deployOptions());
  }

  Topology topology(Mlp mlp) {
    if (topology != null) {
      return fromFile != null ? fromFile : TopologyFile.read(topology);
    }
    var layers = WeightEncoder.layersOf(mlp);
    List<String> p = ports;
    if (p == null || p.isEmpty()) {
      int n = boards > 0 ? boards : TopologyPlanner.boardsNeeded(layers, TopologyPlanner.Capacity.NANO);
      p = TopologyPlanner.virtualPorts(n);
    }
    return TopologyPlanner.plan(layers, TopologyPlanner.Capacity.NANO, p);
  }

  ParameterSet parameterSet() {
    return ParameterSetArgument.resolve(parameterSet);
  }

  NetworkSession.DeployOptions deployOptions() {
    Deployer.Mode m = switch (mode) {
      case "direct" -> Deployer.Mode.DIRECT;
      case "write-verify" -> Deployer.Mode.WRITE_VERIFY;
      default -> throw new BadInputException("mode: expected direct or write-verify, got '" + mode + "'");
    };
    if (tolerance < 0) {
      throw new BadInputException("tolerance: must be ≥ 0, got " + tolerance);
    }
    return new NetworkSession.DeployOptions(
        m, fractionalBits, gain == null ? Double.NaN : gain, tolerance, pulseBudget);
  }
}
