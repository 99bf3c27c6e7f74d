package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.link.EmulatedBoards;
import org.nanosynapse.network.Boards;
import org.nanosynapse.network.EmulatedNetwork;
import org.nanosynapse.network.NetworkRunner;
import org.nanosynapse.network.NetworkSession;
import org.nanosynapse.network.Topology;
import org.nanosynapse.network.TopologyPlanner;
import org.nanosynapse.network.WeightEncoder;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.records.RunRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nanosynapse hil}: start N emulated boards, deploy, run, compare, stop them. */
@Command(
    name = "hil",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Hardware in the loop: start N emulated Nanos (the firmware ELF in simavr, real time, ptys),",
      "lay the model out over them, deploy -> run -> compare, and stop them. Needs the firmware and",
      "the harness built (make -C firmware all && make -C firmware/sim). Exits 1 beyond the thresholds."
    })
public final class HilCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin NetworkOptions net;
  @Mixin TestSetOptions testSet;
  @Mixin ThresholdOptions thresholds;

  @Option(names = "--emulated-boards", paramLabel = "N", defaultValue = "3",
      description = "Emulated boards to start, 1..16 (default: ${DEFAULT-VALUE}: hidden layer over two, output on one).")
  int count;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "Print the comparison as text or as the report's JSON (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OutputFormat.requireTextOrJson(format);
    if (net.topology != null || net.ports != null) {
      throw new BadInputException("hil: lays the model out over its own emulated boards; drop --topology/--ports");
    }
    if (count < 1 || count > 16) {
      throw new BadInputException("emulated-boards: must be 1..16, got " + count);
    }
    Path root = Path.of(System.getProperty("nanosynapse.root", ".")).toAbsolutePath().normalize();
    var missing = EmulatedBoards.missing(root);
    if (missing.isPresent()) {
      throw new IllegalStateException("hil: " + missing.get());
    }
    Mlp mlp = net.model(err);
    var devices = net.parameterSet();
    var options = net.deployOptions();
    var limits = thresholds.thresholds();
    Dataset test = testSet.dataset(net.task(), mlp.inputSize());
    err.println("starting " + count + " emulated boards (real time)...");
    err.flush();
    try (EmulatedNetwork emu = EmulatedNetwork.start(root, count);
        RunRecorder rec = RunRecorder.create(net.runs, "hil")) {
      rec.manifest("seed", net.seed);
      rec.manifest("test_seed", testSet.seed);
      rec.manifest("noise_p", testSet.noise);
      rec.manifest("emulated_boards", count);
      Topology topo = TopologyPlanner.plan(WeightEncoder.layersOf(mlp), TopologyPlanner.Capacity.NANO, emu.ports());
      try (NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, err::println)) {
        s.deploy(mlp, devices, options);
        err.println("running " + test.size() + " patterns...");
        err.flush();
        return DeployedRun.runCompareAndPrint(s, test, new NetworkRunner(), limits, rec, format, noProgress, out);
      } catch (RuntimeException e) {
        rec.finish("failed: " + e.getMessage());
        throw e;
      }
    }
  }
}
