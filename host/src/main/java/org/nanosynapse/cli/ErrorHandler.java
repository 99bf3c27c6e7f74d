package org.nanosynapse.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Maps exceptions to one-line messages and the project's exit codes. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (isBadInput(ex)) {
      err.println("error: " + oneLine(ex.getMessage()));
      err.flush();
      return NanoSynapse.EXIT_BAD_INPUT;
    }
    err.println("error: " + oneLine(describe(ex)));
    if (System.getenv("NANOSYNAPSE_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return NanoSynapse.EXIT_FAILURE;
  }

  static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("error: " + oneLine(ex.getMessage()));
    err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return NanoSynapse.EXIT_BAD_INPUT;
  }

  /**
   * Bad input is our own {@link BadInputException} or {@link IllegalArgumentException} thrown by a
   * model or parser while validating what the user gave (those messages name the field).
   */
  private static boolean isBadInput(Throwable ex) {
    return ex instanceof BadInputException || ex instanceof IllegalArgumentException;
  }

  private static String describe(Throwable ex) {
    String msg = ex.getMessage();
    return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
