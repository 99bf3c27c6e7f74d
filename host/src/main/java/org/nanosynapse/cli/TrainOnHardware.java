package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.nanosynapse.compare.Comparison;
import org.nanosynapse.compare.Thresholds;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.link.EmulatedBoards;
import org.nanosynapse.network.Boards;
import org.nanosynapse.network.EmulatedNetwork;
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
import org.nanosynapse.training.TrainingMode;
import org.nanosynapse.training.TrainingResult;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --on-hardware} part of {@code train}: a mixin of {@code TrainCommand}. With the flag the
 * network's weights live on boards (virtual by default, or the ports/topology given): the trainer's own
 * in-place loop runs with its pulse decisions sent as APPLY_PULSES, the boards' read-back states are the
 * devices of the next step, the pulse schedule is logged, and the trained boards are then tested and
 * compared.
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

  @Option(names = "--hw-emulated", paramLabel = "N", defaultValue = "0",
      description = "--on-hardware: start N emulated boards (the real firmware in simavr, real time) and train on"
          + " them, 1..16 (default: virtual boards).")
  int emulated;

  @Option(names = "--hw-fractional-bits", paramLabel = "F", defaultValue = "8",
      description = "--on-hardware: fractional bits F of the boards' Q F weights (default: ${DEFAULT-VALUE}).")
  int fractionalBits;

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
    if (config.mode() != TrainingMode.IN_PLACE) {
      err.println("note: --on-hardware trains in place on the boards; the training mode " + config.mode().label()
          + " is not used");
    }
    if (fractionalBits < 0 || fractionalBits > 14) {
      throw new BadInputException("hw-fractional-bits: must be 0..14, got " + fractionalBits);
    }
    if (emulated != 0 && (emulated < 1 || emulated > 16 || topology != null || ports != null)) {
      throw new BadInputException(emulated < 1 || emulated > 16 ? "hw-emulated: must be 1..16, got " + emulated
          : "hw-emulated: lays the network out over its own emulated boards; drop --hw-topology/--hw-ports");
    }
    EmulatedNetwork emu = null;
    if (emulated > 0) {
      Path root = Path.of(System.getProperty("nanosynapse.root", ".")).toAbsolutePath().normalize();
      var missing = EmulatedBoards.missing(root);
      if (missing.isPresent()) {
        throw new IllegalStateException("train --on-hardware: " + missing.get());
      }
      err.println("starting " + emulated + " emulated boards (real time)...");
      err.flush();
      emu = EmulatedNetwork.start(root, emulated);
    }
    try {
      return train(out, err, config, emu == null ? null : emu.ports());
    } finally {
      if (emu != null) {
        emu.close();
      }
    }
  }

  private int train(PrintWriter out, PrintWriter err, TrainingConfig config, List<String> emulatedPorts) {
    TrainingData data = TrainingData.generate(config);
    Mlp initial = Mlp.initialised(config.layerSizes(), config.activations(), config.seed());
    Topology topo;
    if (emulatedPorts != null) {
      topo = TopologyPlanner.plan(WeightEncoder.layersOf(initial), TopologyPlanner.Capacity.NANO, emulatedPorts);
    } else if (topology != null) {
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
    try (RunRecorder rec = RunRecorder.create(runs, "train-on-hardware")) {
      rec.manifest("seed", config.seed());
      rec.manifest("config", config.toString());
      if (emulatedPorts != null) {
        rec.manifest("emulated_boards", emulatedPorts.size());
      }
      try (NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, err::println)) {
        long start = System.nanoTime();
        TrainingResult trained = s.trainOnHardware(config, data, devices, fractionalBits);
        double trainS = (System.nanoTime() - start) / 1e9;
        Dataset test = data.test();
        s.run(test, new NetworkRunner());
        Comparison c = s.compare(Thresholds.defaults());
        rec.finish(c.report().passed() ? "ok" : "disagreement: " + String.join("; ", c.report().failures()));
        out.printf(java.util.Locale.ROOT, "trained on the boards: %d epochs, %d pulses in %d commands, %.1f s%n",
            trained.epochs(), trained.pulses(), c.report().pulseCommands(), trainS);
        out.print(c.report().summaryText());
        out.println("run folder: " + rec.folder()
            + " (pulse schedule: pulse-schedule.csv, commands: pulses.csv, epochs: epochs.csv)");
        out.flush();
        return c.report().passed() ? NanoSynapse.EXIT_OK : NanoSynapse.EXIT_FAILURE;
      } catch (RuntimeException e) {
        rec.finish("failed: " + e.getMessage());
        throw e;
      }
    }
  }
}
