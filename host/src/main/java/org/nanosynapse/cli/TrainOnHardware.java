package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.nanosynapse.compare.Comparison;
import org.nanosynapse.compare.Thresholds;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.network.Boards;
import org.nanosynapse.network.HardwareTrainer;
import org.nanosynapse.network.NetworkRunner;
import org.nanosynapse.network.NetworkSession;
import org.nanosynapse.network.Topology;
import org.nanosynapse.network.TopologyFile;
import org.nanosynapse.network.TopologyPlanner;
import org.nanosynapse.network.WeightEncoder;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.records.RunRecorder;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingData;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --on-hardware} part of {@code train}: a mixin of {@code TrainCommand}. With the flag the
 * network's weights live on boards (virtual by default, or the ports/topology given): the trainer's
 * desired changes become SET pulses on the boards, the boards' read-back states are the weights of the
 * next step, the pulse schedule is logged, and the trained boards are then tested and compared.
 */
public final class TrainOnHardware {
  @Option(names = "--on-hardware",
      description = "Train with the weights on boards (pulses out, read-back states in); see --boards/--ports/--topology.")
  boolean enabled;

  @Option(names = "--hw-topology", paramLabel = "FILE", description = "--on-hardware: topology file of the boards.")
  Path topology;

  @Option(names = "--hw-ports", paramLabel = "PORT", split = ",",
      description = "--on-hardware: board addresses (serial port, pty, virtual:N); default virtual boards.")
  List<String> ports;

  @Option(names = "--hw-boards", paramLabel = "N", defaultValue = "0",
      description = "--on-hardware: number of virtual boards (0 = as few as needed).")
  int boards;

  @Option(names = "--hw-max-weight", paramLabel = "W", defaultValue = "6",
      description = "--on-hardware: largest |weight| the pulse range is sized for (default: ${DEFAULT-VALUE}).")
  double maxWeight;

  @Option(names = "--hw-pulse-budget", paramLabel = "N", defaultValue = "2000",
      description = "--on-hardware: SET pulses that the largest weight may take (default: ${DEFAULT-VALUE}).")
  int pulseBudget;

  @Option(names = "--hw-runs", paramLabel = "DIR", defaultValue = "runs",
      description = "--on-hardware: folder for run folders (default: ${DEFAULT-VALUE}).")
  Path runs;

  public boolean enabled() {
    return enabled;
  }

  /** Trains {@code config} on the boards; prints the epochs and the comparison; exit code. */
  public int call(CommandSpec spec, TrainingConfig config) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!config.mode().memristive()) {
      err.println("note: --on-hardware trains the devices on the boards; the training mode is not used");
    }
    if (maxWeight <= 0 || pulseBudget < 1) {
      throw new BadInputException("hw-max-weight and hw-pulse-budget: must be positive");
    }
    TrainingData data = TrainingData.generate(config);
    Mlp initial = Mlp.initialised(config.layerSizes(), config.activations(), config.seed());
    Topology topo;
    if (topology != null) {
      topo = TopologyFile.read(topology);
    } else {
      var layers = WeightEncoder.layersOf(initial);
      List<String> p = ports;
      if (p == null || p.isEmpty()) {
        p = TopologyPlanner.virtualPorts(
            boards > 0 ? boards : TopologyPlanner.boardsNeeded(layers, TopologyPlanner.Capacity.NANO));
      }
      topo = TopologyPlanner.plan(layers, TopologyPlanner.Capacity.NANO, p);
    }
    var devices = ParameterSetArgument.resolve(config.synapses().parameterSet());
    var options = new HardwareTrainer.Options(
        config.epochs(), config.batchSize(), config.optimizer(), config.learningRate(), config.loss(),
        config.synapses().maxPulsesPerStep(), config.seed());
    try (RunRecorder rec = RunRecorder.create(runs, "train-on-hardware")) {
      rec.manifest("seed", config.seed());
      rec.manifest("config", config.toString());
      try (NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, err::println)) {
        s.trainOnHardware(initial, devices, 8, maxWeight, pulseBudget, data.train(), data.test(), options);
        Dataset test = data.test();
        s.run(test, new NetworkRunner());
        Comparison c = s.compare(Thresholds.defaults());
        rec.finish(c.report().passed() ? "ok" : "disagreement: " + String.join("; ", c.report().failures()));
        out.print(c.report().summaryText());
        out.println("run folder: " + rec.folder() + " (pulse schedule: pulses.csv, epochs: epochs.csv)");
        out.flush();
        return c.report().passed() ? NanoSynapse.EXIT_OK : NanoSynapse.EXIT_FAILURE;
      } catch (RuntimeException e) {
        rec.finish("failed: " + e.getMessage());
        throw e;
      }
    }
  }
}
