package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code nanosynapse} command line: its exit code and what it printed, for the CLI tests. */
record CliRun(int exit, String out, String err) {

  static CliRun run(String... args) {
    CommandLine cl = NanoSynapse.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
