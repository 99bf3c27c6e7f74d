package org.nanosynapse.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.nanosynapse.dataset.BayesCeiling;
import org.nanosynapse.io.AtomicFiles;
import org.nanosynapse.plot.LinePlot;

/**
 * Many training runs: every method × flip probability × device variation × seed, in parallel. Each run
 * is independent and seeded, so results do not depend on the number of threads or their order.
 */
public final class Sweep {
  private Sweep() {}

  /** A way to train, as compared in sweeps. */
  public enum Method {
    IDEAL("ideal"),
    DEVICE_AWARE("device-aware"),
    SIGN_ONLY("sign-only"),
    WRITE_VERIFY("write-verify");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Method parse(String s) {
      for (Method m : values()) {
        if (m.label.equalsIgnoreCase(s.trim())) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "method: unknown method '" + s + "' (ideal, device-aware, sign-only, write-verify)");
    }

    TrainingConfig apply(TrainingConfig c) {
      return switch (this) {
        case IDEAL -> c.toBuilder().mode(TrainingMode.IDEAL).build();
        case DEVICE_AWARE -> c.toBuilder().mode(TrainingMode.IN_PLACE)
            .synapses(c.synapses().withRule(UpdateRule.DEVICE_AWARE)).build();
        case SIGN_ONLY -> c.toBuilder().mode(TrainingMode.IN_PLACE)
            .synapses(c.synapses().withRule(UpdateRule.SIGN_ONLY)).build();
        case WRITE_VERIFY -> c.toBuilder().mode(TrainingMode.WRITE_VERIFY).build();
      };
    }
  }

  /** One run's outcome. */
  public record Point(Method method, double flipProbability, double variation, long seed, double testAccuracy,
      double trainAccuracy, long pulses, double energyJ, double seconds) {
    public static final String CSV_HEADER =
        "method,flip_probability,variation,seed,test_accuracy,train_accuracy,pulses,energy_j,seconds";

    public String csvRow() {
      return String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%d,%s,%.4f", method.label(), flipProbability, variation,
          seed, testAccuracy, trainAccuracy, pulses, energyJ, seconds);
    }
  }

  /** Runs the grid on {@code threads} threads; {@code onPoint} hears each result as it completes. */
  public static List<Point> run(TrainingConfig base, List<Method> methods, double[] flipProbabilities,
      double[] variations, long[] seeds, int threads, Consumer<Point> onPoint) {
    record Job(Method m, double p, double v, long seed) {}
    List<Job> jobs = new ArrayList<>();
    for (Method m : methods) {
      for (double p : flipProbabilities) {
        for (double v : variations) {
          for (long s : seeds) {
            jobs.add(new Job(m, p, v, s));
          }
        }
      }
    }
    for (Job j : jobs) { // validate every configuration before running any
      config(base, j.m(), j.p(), j.v(), j.seed());
    }
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      List<Point> points = pool.submit(() -> jobs.parallelStream().map(j -> {
        long t0 = System.nanoTime();
        TrainingResult r = Trainer.train(config(base, j.m(), j.p(), j.v(), j.seed()), TrainingListener.FINAL_ONLY);
        Point pt = new Point(j.m(), j.p(), j.v(), j.seed(), r.testAccuracy(), r.trainAccuracy(), r.pulses(),
            r.energyJ(), (System.nanoTime() - t0) / 1e9);
        synchronized (onPoint) {
          onPoint.accept(pt);
        }
        return pt;
      }).toList()).get();
      return points;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  static TrainingConfig config(TrainingConfig base, Method m, double p, double variation, long seed) {
    TrainingConfig c = base.toBuilder().task(base.task().withFlipProbability(p)).seed(seed)
        .synapses(base.synapses().withVariation(variation)).build();
    return m.apply(c);
  }

  /** Writes the sorted CSV of all points. */
  public static void writeCsv(List<Point> points, Path file) {
    StringBuilder sb = new StringBuilder(Point.CSV_HEADER).append('\n');
    points.stream().sorted(Comparator.comparing((Point p) -> p.method().ordinal())
            .thenComparingDouble(Point::flipProbability).thenComparingDouble(Point::variation)
            .thenComparingLong(Point::seed))
        .forEach(p -> sb.append(p.csvRow()).append('\n'));
    AtomicFiles.writeString(file, sb.toString());
  }

  /**
   * Mean test accuracy against flip probability (at the variation nearest {@code atVariation}, with the
   * Bayes ceiling) and against variation (at the p nearest {@code atP}), one line per method.
   */
  public static void writePlots(List<Point> points, TrainingConfig base, double atVariation, double atP, Path dir) {
    double v0 = nearest(points.stream().mapToDouble(Point::variation).distinct().toArray(), atVariation);
    double p0 = nearest(points.stream().mapToDouble(Point::flipProbability).distinct().toArray(), atP);
    double[] ps = points.stream().mapToDouble(Point::flipProbability).distinct().sorted().toArray();
    double[] vs = points.stream().mapToDouble(Point::variation).distinct().sorted().toArray();
    List<Method> methods = points.stream().map(Point::method).distinct().sorted().toList();
    if (ps.length > 1) {
      LinePlot plot = new LinePlot(String.format(Locale.ROOT, "Accuracy vs pixel-flip noise (variation %.0f %%)", 100 * v0),
          "flip probability p", "mean test accuracy");
      for (Method m : methods) {
        plot.line(m.label(), ps, meanOver(points, m, ps, true, v0));
      }
      double[] ceiling = java.util.Arrays.stream(ps)
          .map(p -> BayesCeiling.of(base.task().withFlipProbability(p)).accuracy()).toArray();
      plot.line("Bayes ceiling", ps, ceiling);
      plot.writePng(dir.resolve("accuracy-vs-noise.png"));
    }
    if (vs.length > 1) {
      LinePlot plot = new LinePlot(String.format(Locale.ROOT, "Accuracy vs device variation (p = %.2f)", p0),
          "device-to-device variation (relative sd)", "mean test accuracy");
      for (Method m : methods) {
        plot.line(m.label(), vs, meanOver(points, m, vs, false, p0));
      }
      plot.writePng(dir.resolve("accuracy-vs-variation.png"));
    }
  }

  private static double[] meanOver(List<Point> points, Method m, double[] xs, boolean xIsP, double fixed) {
    double[] y = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      double x = xs[i];
      y[i] = points.stream()
          .filter(p -> p.method() == m && (xIsP ? p.flipProbability() == x && p.variation() == fixed
              : p.variation() == x && p.flipProbability() == fixed))
          .mapToDouble(Point::testAccuracy).average().orElse(Double.NaN);
    }
    return y;
  }

  private static double nearest(double[] values, double target) {
    double best = values[0];
    for (double v : values) {
      if (Math.abs(v - target) < Math.abs(best - target)) {
        best = v;
      }
    }
    return best;
  }
}
