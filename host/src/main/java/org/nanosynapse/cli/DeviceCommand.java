package org.nanosynapse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nanosynapse device}: the device models on their own. */
@Command(
    name = "device",
    mixinStandardHelpOptions = true,
    description = "Simulate Nb:SrTiO3 memristor devices (power-law pulse response, non-idealities).",
    subcommands = {DeviceSimulateCommand.class, DeviceShowCommand.class})
public final class DeviceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
