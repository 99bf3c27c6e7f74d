package org.nanosynapse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nanosynapse bench}: speed measurements (short runs; figures go to README "Benchmarks"). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks: throughput of the simulators.",
    subcommands = {BenchDevicesCommand.class, BenchLinkCommand.class, BenchTrainingCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
