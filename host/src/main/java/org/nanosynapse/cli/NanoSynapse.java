package org.nanosynapse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code ./nanosynapse} launcher.
 *
 * <p>Exit codes, for every command: 0 success, 2 bad input (a {@link BadInputException} or a
 * picocli parameter error), 1 any other failure. Errors are one line on stderr.
 */
@Command(
    name = "nanosynapse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Nb:SrTiO3 memristor simulator and Arduino Nano bench controller.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      CalibrateCommand.class,
      DeployCommand.class,
      RunCommand.class,
      CompareCommand.class,
      HilCommand.class,
      DeviceCommand.class,
      BenchCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      SweepCommand.class,
      BoardsCommand.class,
      ReplayCommand.class,
    })
public final class NanoSynapse implements Runnable {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Builds the command line with the project's error handling; tests call this too. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new NanoSynapse());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(ErrorHandler::handleParameterException);
    cl.getCommandSpec().exitCodeOnInvalidInput(EXIT_BAD_INPUT);
    OnHardwareWiring.install(cl);
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
