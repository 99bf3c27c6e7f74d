package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nanosynapse.network.Pipeline;
import org.nanosynapse.network.TopologyPlanner;
import org.nanosynapse.training.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the embedded default: train the memristive MLP on the line-orientation task,
 * deploy it to in-process virtual boards, run the test set through them and compare what the
 * boards computed with the host's fixed-point and float predictions. Needs no hardware.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train → deploy → run → compare on the in-process virtual network (no hardware, no broker).",
      "Exit code 1 when boards and simulation disagree beyond the thresholds."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TrainingOptions training;

  @Mixin ThresholdOptions thresholds;

  @Option(names = "--virtual-boards", paramLabel = "N", defaultValue = "3",
      description = "Virtual boards to lay the network over; at least as many as it needs (default: ${DEFAULT-VALUE}).")
  int virtualBoards;

  @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
      description = "Folder that receives the run folder (default: ${DEFAULT-VALUE}).")
  Path runs;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text: a summary; json: the comparison report.")
  String format;

  @Override
  public Integer call() throws Exception {
    OutputFormat.requireTextOrJson(format);
    TrainingConfig config = training.config();
    int needed = boardsNeeded(config);
    if (virtualBoards < 1) {
      throw new BadInputException("virtual boards: must be ≥ 1, got " + virtualBoards);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean text = format.equals("text");
    Pipeline.Result result = Pipeline.trainDeployRunCompare(
        config,
        TopologyPlanner.virtualPorts(Math.max(virtualBoards, needed)),
        runs,
        thresholds.thresholds(),
        line -> {
          if (text) {
            err.println(line);
            err.flush();
          }
        });
    if (text) {
      out.print(result.summaryText());
    } else {
      out.print(Files.readString(result.runFolder().resolve("comparison/report.json")));
    }
    out.flush();
    return result.report().passed() ? NanoSynapse.EXIT_OK : NanoSynapse.EXIT_FAILURE;
  }

  /** Boards the trained network needs at the Nano's capacity (4 neurons per board). */
  private static int boardsNeeded(TrainingConfig config) {
    int[] sizes = config.layerSizes();
    int boards = 0;
    for (int l = 1; l < sizes.length; l++) {
      boards += (sizes[l] + TopologyPlanner.Capacity.NANO.maxNeurons() - 1) / TopologyPlanner.Capacity.NANO.maxNeurons();
    }
    return boards;
  }
}
