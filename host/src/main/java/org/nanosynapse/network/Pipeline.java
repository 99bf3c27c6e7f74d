package org.nanosynapse.network;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nanosynapse.compare.Comparison;
import org.nanosynapse.compare.ComparisonReport;
import org.nanosynapse.compare.Thresholds;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.records.RunRecorder;
import org.nanosynapse.training.Trainer;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingData;
import org.nanosynapse.training.TrainingResult;

/**
 * Train → deploy → run → compare in one call, for the demo and scripts: trains {@code config},
 * lays the model out over {@code ports} (e.g. {@link TopologyPlanner#virtualPorts}), deploys it
 * directly, runs the configuration's test set through the boards and compares. Recorded in a run
 * folder under {@code runsRoot}.
 */
public final class Pipeline {
  /** What the pipeline found; {@link #summaryText()} is what a terminal shows. */
  public record Result(TrainingResult training, ComparisonReport report, Path runFolder) {
    public String summaryText() {
      return String.format(Locale.ROOT, "trained %s: host test accuracy %.2f %%%n", training.config(),
          100 * training.testAccuracy()) + report.summaryText() + "run folder: " + runFolder + "\n";
    }
  }

  private Pipeline() {}

  public static Result trainDeployRunCompare(
      TrainingConfig config, List<String> ports, Path runsRoot, Thresholds thresholds, Consumer<String> log) {
    TrainingData data = TrainingData.generate(config);
    TrainingResult trained = Trainer.train(config, data, org.nanosynapse.training.TrainingListener.NONE);
    Topology topo = TopologyPlanner.plan(
        WeightEncoder.layersOf(trained.model()), TopologyPlanner.Capacity.NANO, ports);
    ParameterSet devices = org.nanosynapse.io.ParameterSets.resolve(config.synapses().parameterSet());
    try (RunRecorder rec = RunRecorder.create(runsRoot, "demo")) {
      rec.manifest("seed", config.seed());
      rec.manifest("config", config.toString());
      try (NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, log)) {
        s.deploy(trained.model(), devices, NetworkSession.DeployOptions.direct());
        s.run(data.test(), new NetworkRunner());
        Comparison c = s.compare(thresholds);
        rec.finish(c.report().passed() ? "ok" : "disagreement: " + String.join("; ", c.report().failures()));
        return new Result(trained, c.report(), rec.folder());
      } catch (RuntimeException e) {
        rec.finish("failed: " + e.getMessage());
        throw e;
      }
    }
  }
}
