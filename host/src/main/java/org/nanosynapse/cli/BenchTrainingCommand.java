package org.nanosynapse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nanosynapse.training.TrainingBenchmark;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nanosynapse bench training}: time per training run, a many-run sweep, and scikit-learn for scale. */
@Command(
    name = "training",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Training speed on the default task (3×3, p = 0.1, 9-4-2, 15 % device variation): time per run for each",
      "mode (after JIT warm-up; JVM start-up excluded), a many-run sweep on all cores, and scikit-learn's",
      "MLPClassifier on the same data when python3 with sklearn is installed (Debian python3-sklearn)."
    })
public final class BenchTrainingCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "20", description = "Timed runs per mode (default: 20).")
  int runs;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "10", description = "Untimed warm-up runs (default: 10).")
  int warmup;

  @Option(names = "--sweep-runs", paramLabel = "N", defaultValue = "1000",
      description = "Runs in the sweep (default: 1000; 0 = skip).")
  int sweepRuns;

  @Option(names = "--threads", paramLabel = "T", description = "Sweep threads (default: all cores).")
  Integer threads;

  @Option(names = "--sklearn-runs", paramLabel = "N", defaultValue = "20",
      description = "scikit-learn fits (default: 20; 0 = skip).")
  int sklearnRuns;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format.")
  String format;

  @Override
  public Integer call() throws Exception {
    TrainingOptions.checkFormat(format);
    if (runs < 1 || warmup < 0 || sweepRuns < 0 || sklearnRuns < 0) {
      throw new BadInputException("runs: --runs must be ≥ 1 and --warmup, --sweep-runs, --sklearn-runs ≥ 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean text = format.equals("text");
    Map<String, Object> json = new LinkedHashMap<>();
    TrainingConfig base = TrainingConfig.defaults();
    for (TrainingMode mode : TrainingMode.values()) {
      TrainingBenchmark.RunTiming t = TrainingBenchmark.timeRuns(base.toBuilder().mode(mode).build(), warmup, runs);
      json.put(mode.label(), t);
      if (text) {
        out.printf(Locale.ROOT, "%-13s %6.1f ms/run (median %6.1f), test accuracy mean %.4f worst %.4f, %3.0f %% of runs ≥ 0.90%n",
            mode.label(), 1e3 * t.meanSeconds(), 1e3 * t.medianSeconds(), t.meanAccuracy(), t.worstAccuracy(),
            100 * t.fractionAtLeast90());
        out.flush();
      }
    }
    if (sweepRuns > 0) {
      int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      TrainingBenchmark.SweepTiming s = TrainingBenchmark.sweep(base, sweepRuns, t);
      json.put("sweep", s);
      if (text) {
        out.printf(Locale.ROOT, "sweep: %d in-place runs on %d threads in %.1f s (%.1f ms/run wall), mean accuracy %.4f%n",
            s.runs(), s.threads(), s.wallSeconds(), 1e3 * s.wallSeconds() / s.runs(), s.meanAccuracy());
      }
    }
    if (sklearnRuns > 0) {
      Path work = Files.createTempDirectory("nanosynapse-bench-");
      TrainingBenchmark.SklearnTiming sk = TrainingBenchmark.sklearn(base, sklearnRuns, work);
      if (sk == null) {
        json.put("sklearn", "not installed");
        if (text) {
          out.println("scikit-learn: not found (apt-get install python3-sklearn); comparison skipped");
        }
      } else {
        TrainingBenchmark.RunTiming ideal = (TrainingBenchmark.RunTiming) json.get("ideal");
        TrainingBenchmark.RunTiming inPlace = (TrainingBenchmark.RunTiming) json.get("in-place");
        json.put("sklearn", sk);
        json.put("sklearn_over_ideal", sk.meanFitSeconds() / ideal.meanSeconds());
        json.put("sklearn_over_in_place", sk.meanFitSeconds() / inPlace.meanSeconds());
        if (text) {
          out.printf(Locale.ROOT, "scikit-learn %s MLPClassifier (same data, 9-4-2 tanh, Adam, 20 epochs): %.1f ms/fit,"
                  + " test accuracy %.4f%n", sk.sklearnVersion(), 1e3 * sk.meanFitSeconds(), sk.meanAccuracy());
          out.printf(Locale.ROOT, "ratio sklearn / ours: %.1f× (ideal), %.1f× (memristive in place)%n",
              sk.meanFitSeconds() / ideal.meanSeconds(), sk.meanFitSeconds() / inPlace.meanSeconds());
        }
      }
    }
    if (!text) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    }
    out.flush();
    return 0;
  }
}
