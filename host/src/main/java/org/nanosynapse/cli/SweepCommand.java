package org.nanosynapse.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nanosynapse.training.Sweep;
import org.nanosynapse.training.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nanosynapse sweep}: seeds × noise × variation × method, on all cores; one CSV and plots. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train many runs: every method × flip probability × device variation × seed, in parallel.",
      "Writes sweep-progress.csv as runs finish, then sweep.csv (sorted), accuracy-vs-noise.png and",
      "accuracy-vs-variation.png (mean test accuracy per method)."
    })
public final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TrainingOptions options;

  @Option(names = "--methods", split = ",", paramLabel = "LIST", defaultValue = "device-aware,sign-only,write-verify",
      description = "ideal, device-aware, sign-only, write-verify (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--p-values", split = ",", paramLabel = "LIST", defaultValue = "0,0.05,0.1,0.15,0.2,0.25,0.3",
      description = "Flip probabilities (default: ${DEFAULT-VALUE}).")
  List<Double> flipProbabilities;

  @Option(names = "--variations", split = ",", paramLabel = "LIST", defaultValue = "0.15",
      description = "Device-to-device variations, relative sd (default: ${DEFAULT-VALUE}).")
  List<Double> variations;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "5", description = "Seeds 1..N per point (default: 5).")
  int seeds;

  @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
  Path out;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    if (seeds < 1) {
      throw new BadInputException("seeds: must be at least 1, got " + seeds);
    }
    TrainingConfig base = options.config();
    List<Sweep.Method> ms = new ArrayList<>();
    for (String m : methods) {
      ms.add(Sweep.Method.parse(m));
    }
    for (double p : flipProbabilities) {
      base.task().withFlipProbability(p); // one-line error for p outside [0, 1]
    }
    double[] ps = flipProbabilities.stream().mapToDouble(Double::doubleValue).toArray();
    double[] vs = variations.stream().mapToDouble(Double::doubleValue).toArray();
    long[] seedList = LongStream.rangeClosed(1, seeds).toArray();
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    int total = ms.size() * ps.length * vs.length * seeds;
    Files.createDirectories(out);
    long t0 = System.nanoTime();
    List<Sweep.Point> points;
    try (BufferedWriter progressCsv = Files.newBufferedWriter(out.resolve("sweep-progress.csv"), StandardCharsets.UTF_8);
        ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
            .build()) {
      progressCsv.write(Sweep.Point.CSV_HEADER + "\n");
      points = Sweep.run(base, ms, ps, vs, seedList, t, p -> {
        try {
          progressCsv.write(p.csvRow() + "\n");
          progressCsv.flush();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        if (bar != null) {
          bar.step();
        }
      });
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Sweep.writeCsv(points, out.resolve("sweep.csv"));
    Sweep.writePlots(points, base, options.variation, options.flipProbability, out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "%d runs on %d threads in %.1f s; wrote %s%n", points.size(), t, seconds, out);
    for (Sweep.Method m : ms) {
      for (double v : vs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-13s variation %.2f:", m.label(), v));
        for (double p : ps) {
          double mean = points.stream().filter(x -> x.method() == m && x.variation() == v && x.flipProbability() == p)
              .mapToDouble(Sweep.Point::testAccuracy).average().orElse(Double.NaN);
          sb.append(String.format(Locale.ROOT, "  p=%.2f %.3f", p, mean));
        }
        stdout.println(sb);
      }
    }
    stdout.flush();
    return 0;
  }
}
