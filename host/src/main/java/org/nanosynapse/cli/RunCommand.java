package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.network.Boards;
import org.nanosynapse.network.NetworkRunner;
import org.nanosynapse.network.NetworkSession;
import org.nanosynapse.network.Topology;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.records.RunRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nanosynapse run}: deploy, push a test set through the boards, compare with the host. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Deploy a model, push a test set through the boards layer by layer (the host relays hidden",
      "outputs), and compare the boards' outputs with the host's fixed-point and float predictions.",
      "Exits 1 when they disagree beyond the thresholds. Everything goes to a run folder as it happens."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin NetworkOptions net;
  @Mixin TestSetOptions testSet;
  @Mixin ThresholdOptions thresholds;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "Print the comparison as text or as the report's JSON (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--recover-timeout", paramLabel = "S", defaultValue = "30",
      description = "How long a board that stopped answering is waited for, in seconds (default: ${DEFAULT-VALUE}).")
  double recoverTimeoutS;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OutputFormat.requireTextOrJson(format);
    NetworkOptions.Deployment plan = net.deployment(err);
    Mlp mlp = plan.mlp();
    Topology topo = plan.topology();
    var devices = plan.devices();
    var options = plan.options();
    var limits = thresholds.thresholds();
    Dataset test = testSet.dataset(net.task(), mlp.inputSize());
    try (RunRecorder rec = RunRecorder.create(net.runs, "run")) {
      rec.manifest("seed", net.seed);
      rec.manifest("test_seed", testSet.seed);
      rec.manifest("noise_p", testSet.noise);
      try (NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, err::println)) {
        s.deploy(mlp, devices, options);
        NetworkRunner runner = new NetworkRunner((long) (recoverTimeoutS * 1000), 3);
        return DeployedRun.runCompareAndPrint(s, test, runner, limits, rec, format, noProgress, out);
      } catch (RuntimeException e) {
        rec.finish("failed: " + e.getMessage());
        throw e;
      }
    }
  }
}
