package org.nanosynapse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nanosynapse.compare.Comparison;
import org.nanosynapse.compare.Thresholds;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.network.NetworkRunner;
import org.nanosynapse.network.NetworkSession;
import org.nanosynapse.records.RunRecorder;

/**
 * What {@code run} and {@code hil} do once the model is on the boards: push the test set through them (a progress
 * bar in text mode), compare with the host, record the verdict in the run folder and print it as text or JSON.
 */
final class DeployedRun {
  private DeployedRun() {}

  /** Returns {@link NanoSynapse#EXIT_OK} when the comparison meets the thresholds, else EXIT_FAILURE. */
  static int runCompareAndPrint(NetworkSession s, Dataset test, NetworkRunner runner, Thresholds limits,
      RunRecorder rec, String format, boolean noProgress, PrintWriter out) throws IOException {
    try (ProgressBar bar = !noProgress && format.equals("text") ? new ProgressBarBuilder()
        .setTaskName("patterns").setInitialMax(test.size()).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null) {
      s.run(test, runner, p -> {
        if (bar != null) {
          bar.step();
        }
      });
    }
    Comparison c = s.compare(limits);
    rec.finish(c.report().passed() ? "ok" : "disagreement: " + String.join("; ", c.report().failures()));
    if (format.equals("json")) {
      out.print(Files.readString(rec.folder().resolve("comparison/report.json")));
    } else {
      out.print(c.report().summaryText());
      out.println("run folder: " + rec.folder());
    }
    out.flush();
    return c.report().passed() ? NanoSynapse.EXIT_OK : NanoSynapse.EXIT_FAILURE;
  }
}
