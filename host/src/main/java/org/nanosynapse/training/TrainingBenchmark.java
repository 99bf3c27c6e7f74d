package org.nanosynapse.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.nanosynapse.dataset.Dataset;

/**
 * Speed of training on the default task: time per run (JIT warmed up, start-up excluded), a many-run
 * sweep on all cores, and scikit-learn's MLPClassifier on the same data when python3 with sklearn is
 * installed.
 */
public final class TrainingBenchmark {
  private TrainingBenchmark() {}

  /**
   * @param runs timed runs (seeds 1..runs)
   * @param meanSeconds mean wall time per run, s
   * @param medianSeconds median wall time per run, s
   * @param meanAccuracy mean test accuracy
   * @param worstAccuracy lowest test accuracy
   * @param fractionAtLeast90 fraction of runs with test accuracy ≥ 0.90
   */
  public record RunTiming(int runs, double meanSeconds, double medianSeconds, double meanAccuracy,
      double worstAccuracy, double fractionAtLeast90) {}

  /** Times {@code runs} single-threaded runs after {@code warmup} untimed ones (other seeds). */
  public static RunTiming timeRuns(TrainingConfig base, int warmup, int runs) {
    for (int w = 0; w < warmup; w++) {
      Trainer.train(base.toBuilder().seed(1_000_000L + w).build(), TrainingListener.FINAL_ONLY);
    }
    double[] secs = new double[runs];
    double[] acc = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      acc[i] = Trainer.train(base.toBuilder().seed(i + 1).build(), TrainingListener.FINAL_ONLY).testAccuracy();
      secs[i] = (System.nanoTime() - t0) / 1e9;
    }
    double[] sorted = secs.clone();
    Arrays.sort(sorted);
    return new RunTiming(runs, Arrays.stream(secs).average().orElseThrow(), sorted[runs / 2],
        Arrays.stream(acc).average().orElseThrow(), Arrays.stream(acc).min().orElseThrow(),
        Arrays.stream(acc).filter(a -> a >= 0.90).count() / (double) runs);
  }

  /**
   * @param runs runs in the sweep
   * @param threads threads used
   * @param wallSeconds wall time of the whole sweep, s
   * @param meanAccuracy mean test accuracy over the runs
   */
  public record SweepTiming(int runs, int threads, double wallSeconds, double meanAccuracy) {}

  /** {@code runs} default-task runs (seeds 1..runs) on {@code threads} threads. */
  public static SweepTiming sweep(TrainingConfig base, int runs, int threads) {
    long[] seeds = LongStream.rangeClosed(1, runs).toArray();
    Sweep.Method method = switch (base.mode()) {
      case IDEAL -> Sweep.Method.IDEAL;
      case WRITE_VERIFY -> Sweep.Method.WRITE_VERIFY;
      case IN_PLACE -> base.synapses().rule() == UpdateRule.SIGN_ONLY ? Sweep.Method.SIGN_ONLY : Sweep.Method.DEVICE_AWARE;
    };
    long t0 = System.nanoTime();
    List<Sweep.Point> pts = Sweep.run(base, List.of(method), new double[] {base.task().flipProbability()},
        new double[] {base.synapses().variation()}, seeds, threads, p -> { });
    double wall = (System.nanoTime() - t0) / 1e9;
    return new SweepTiming(runs, threads, wall, pts.stream().mapToDouble(Sweep.Point::testAccuracy).average().orElseThrow());
  }

  /**
   * @param python the interpreter used
   * @param sklearnVersion its scikit-learn version
   * @param runs fits timed
   * @param meanFitSeconds mean time of fit + predict per run inside Python (interpreter start-up excluded), s
   * @param meanAccuracy mean test accuracy
   */
  public record SklearnTiming(String python, String sklearnVersion, int runs, double meanFitSeconds,
      double meanAccuracy) {}

  /** The interpreter that can import sklearn, or null. */
  public static String findSklearnPython() {
    for (String py : List.of("python3", "/usr/bin/python3")) {
      try {
        Process p = new ProcessBuilder(py, "-c", "import sklearn").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return py;
        }
      } catch (IOException e) {
        // not installed under this name; try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private static final String SCRIPT = String.join("\n",
      "import json, sys, time, warnings",
      "import numpy as np",
      "import sklearn",
      "from sklearn.neural_network import MLPClassifier",
      "warnings.filterwarnings('ignore')",
      "train = np.loadtxt(sys.argv[1], delimiter=',')",
      "test = np.loadtxt(sys.argv[2], delimiter=',')",
      "hidden = tuple(int(h) for h in sys.argv[3].split('-') if h)",
      "epochs, batch, lr, runs = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])",
      "times, accs = [], []",
      "for seed in range(1, runs + 1):",
      "    t0 = time.perf_counter()",
      "    m = MLPClassifier(hidden_layer_sizes=hidden, activation='tanh', solver='adam', learning_rate_init=lr,",
      "                      batch_size=batch, max_iter=epochs, shuffle=True, random_state=seed, tol=0,",
      "                      n_iter_no_change=10**9)",
      "    m.fit(train[:, 1:], train[:, 0].astype(int))",
      "    acc = float((m.predict(test[:, 1:]) == test[:, 0].astype(int)).mean())",
      "    times.append(time.perf_counter() - t0)",
      "    accs.append(acc)",
      "print(json.dumps({'version': sklearn.__version__, 'mean_fit_s': sum(times) / runs,",
      "                  'mean_accuracy': sum(accs) / runs}))",
      "");

  /**
   * scikit-learn's MLPClassifier (tanh hidden layers, Adam, same epochs, batch and learning rate) on the
   * data of the default run with seed 1, {@code runs} times. Null when no python3 with sklearn is found.
   */
  public static SklearnTiming sklearn(TrainingConfig base, int runs, Path workDir) throws IOException, InterruptedException {
    String py = findSklearnPython();
    if (py == null) {
      return null;
    }
    TrainingData data = TrainingData.generate(base.toBuilder().seed(1).build());
    Files.createDirectories(workDir);
    Path train = workDir.resolve("train.csv");
    Path test = workDir.resolve("test.csv");
    Path script = workDir.resolve("sklearn_mlp.py");
    writeNumeric(data.train(), train);
    writeNumeric(data.test(), test);
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    String hidden = String.join("-", Arrays.stream(base.hidden()).mapToObj(Integer::toString).toList());
    Process p = new ProcessBuilder(py, script.toString(), train.toString(), test.toString(), hidden,
        Integer.toString(base.epochs()), Integer.toString(base.batchSize()), Double.toString(base.learningRate()),
        Integer.toString(runs)).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("sklearn benchmark failed: " + output);
    }
    String last = output.substring(output.lastIndexOf('\n') + 1);
    JsonNode j = new ObjectMapper().readTree(last);
    return new SklearnTiming(py, j.path("version").asText(), runs, j.path("mean_fit_s").asDouble(),
        j.path("mean_accuracy").asDouble());
  }

  /** label index, then pixels: the plain numeric form numpy reads. */
  static void writeNumeric(Dataset d, Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < d.size(); i++) {
      sb.append(d.label(i));
      for (double v : d.input(i)) {
        sb.append(',').append(v);
      }
      sb.append('\n');
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }
}
