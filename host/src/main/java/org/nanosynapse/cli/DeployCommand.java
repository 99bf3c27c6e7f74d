package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nanosynapse.network.Boards;
import org.nanosynapse.network.DeploymentResult;
import org.nanosynapse.network.NetworkSession;
import org.nanosynapse.network.Topology;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.records.RunRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nanosynapse deploy}: a trained model onto the boards of a topology, verified, all or none. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Deploy a trained model to a network of boards: weights -> device codes -> direct writes or",
      "closed-loop write-and-verify pulses; every weight read back and checked; committed on every",
      "board or rolled back on every board. Recorded in a run folder (transcripts included)."
    })
public final class DeployCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin NetworkOptions net;

  @Option(names = "--save-eeprom", description = "Also store the weights in each board's EEPROM.")
  boolean saveEeprom;

  @Option(names = "--write-topology", paramLabel = "FILE", description = "Write the topology used to FILE.")
  java.nio.file.Path writeTopology;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NetworkOptions.Deployment plan = net.deployment(err);
    Mlp mlp = plan.mlp();
    Topology topo = plan.topology();
    var devices = plan.devices();
    var options = plan.options();
    if (writeTopology != null) {
      org.nanosynapse.network.TopologyFile.write(writeTopology, topo);
    }
    try (RunRecorder rec = RunRecorder.create(net.runs, "deploy")) {
      rec.manifest("seed", net.seed);
      try (NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, err::println)) {
        DeploymentResult d = s.deploy(mlp, devices, options);
        if (saveEeprom) {
          for (var slot : topo.boards()) {
            s.network().board(slot).saveToEeprom();
          }
        }
        rec.finish("ok");
        out.printf(Locale.ROOT, "deployed %d synapses on %d boards (%s), max weight error %d raw, %d pulses, %.1f s%n",
            d.synapseCount(), topo.boards().size(), options.mode().name().toLowerCase(Locale.ROOT),
            d.maxWeightErrorRaw(), d.pulseCount(), d.durationMillis() / 1000.0);
        out.printf(Locale.ROOT, "encoding: F=%d, k=%d, G_lsb=%.4g S, gain=%.4g, base code %d%n",
            d.plan().encoding().fractionalBits(), d.plan().encoding().weightScale(),
            d.plan().encoding().conductanceLsbS(), d.plan().encoding().gain(), d.plan().encoding().baseCode());
        out.println("run folder: " + rec.folder());
        return NanoSynapse.EXIT_OK;
      } catch (RuntimeException e) {
        rec.finish("failed: " + e.getMessage());
        throw e;
      }
    }
  }
}
