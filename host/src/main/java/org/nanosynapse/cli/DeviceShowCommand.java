package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.nanosynapse.device.ParameterSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nanosynapse device show}: print a parameter set as JSON (to copy and edit, or to check a file). */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print a parameter set in its JSON form (built-in or file; a file is validated on the way).",
      "Built-in sets: groningen-2021, old-device-amplitudes."
    })
public final class DeviceShowCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--param-set", paramLabel = "NAME|FILE", defaultValue = "groningen-2021",
      description = "Built-in name or JSON file (default: ${DEFAULT-VALUE}).")
  String paramSet;

  @Override
  public Integer call() {
    ParameterSet p = ParameterSetArgument.resolve(paramSet);
    PrintWriter out = spec.commandLine().getOut();
    out.print(p.toJson());
    out.flush();
    return NanoSynapse.EXIT_OK;
  }
}
