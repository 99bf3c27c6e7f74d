package org.nanosynapse.cli;

import picocli.CommandLine;

/**
 * Gives {@code train} and {@code calibrate} their {@code --on-hardware} options (the {@link
 * TrainOnHardware} and {@link CalibrateOnHardware} mixins, which hold the network controller's side)
 * and routes a command line that sets the flag to them; every other command line runs as usual.
 */
final class OnHardwareWiring {
  private OnHardwareWiring() {}

  static void install(CommandLine root) {
    CommandLine train = root.getSubcommands().get("train");
    CommandLine calibrate = root.getSubcommands().get("calibrate");
    TrainOnHardware trainHw = new TrainOnHardware();
    CalibrateOnHardware calibrateHw = new CalibrateOnHardware();
    if (train != null) {
      train.addMixin("onHardware", trainHw);
    }
    if (calibrate != null) {
      calibrate.addMixin("onHardware", calibrateHw);
    }
    CommandLine.IExecutionStrategy usual = root.getExecutionStrategy();
    root.setExecutionStrategy(parseResult -> {
      CommandLine.ParseResult last = parseResult;
      while (last.hasSubcommand()) {
        last = last.subcommand();
      }
      CommandLine.Model.CommandSpec spec = last.commandSpec();
      try {
        if (train != null && spec == train.getCommandSpec() && trainHw.enabled()) {
          TrainCommand command = train.getCommand();
          return trainHw.call(spec, command.options.config());
        }
        if (calibrate != null && spec == calibrate.getCommandSpec() && calibrateHw.enabled()) {
          return calibrateHw.call(spec);
        }
      } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), String.valueOf(e.getMessage()), e);
      }
      return usual.execute(parseResult);
    });
  }
}
