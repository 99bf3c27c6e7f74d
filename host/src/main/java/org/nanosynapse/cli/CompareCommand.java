package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nanosynapse.compare.Comparison;
import org.nanosynapse.compare.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nanosynapse compare RUN}: recompute a recorded run's comparison, with thresholds. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compare what the boards did in a recorded run (or the part recorded before a crash) with the",
      "host's fixed-point and float predictions: agreement, accuracies, confusion matrices, pulse",
      "trajectories, timing. Writes RUN/comparison/ (JSON, CSV, PNG, summary); exits 1 beyond thresholds."
    })
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ThresholdOptions thresholds;

  @Parameters(paramLabel = "RUN", description = "A run folder written by run, hil or train --on-hardware.")
  Path run;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "Print the comparison as text or as the report's JSON (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    OutputFormat.requireTextOrJson(format);
    if (!Files.isDirectory(run)) {
      throw new BadInputException("RUN: " + run + " is not a folder");
    }
    Comparison c = RunComparison.compareFolder(run, thresholds.thresholds());
    if (format.equals("json")) {
      out.print(Files.readString(run.resolve("comparison/report.json")));
    } else {
      out.print(c.report().summaryText());
      out.println("report: " + run.resolve("comparison"));
    }
    out.flush();
    return c.report().passed() ? NanoSynapse.EXIT_OK : NanoSynapse.EXIT_FAILURE;
  }
}
