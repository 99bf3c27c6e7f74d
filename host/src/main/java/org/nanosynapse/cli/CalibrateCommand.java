package org.nanosynapse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nanosynapse calibrate}: fit device models to measured pulse data ({@code fit}) and
 * calibrate a board's read-out ({@code adc}). Calibration on hardware attaches here as well.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = "Fit power-law device models to measured pulse data; calibrate a board's ADC read-out.",
    subcommands = {CalibrateFitCommand.class, CalibrateAdcCommand.class})
public final class CalibrateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
