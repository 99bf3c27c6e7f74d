package org.nanosynapse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nanosynapse.dataset.BayesCeiling;
import org.nanosynapse.training.EpochMetrics;
import org.nanosynapse.training.RunFolder;
import org.nanosynapse.training.Trainer;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingListener;
import org.nanosynapse.training.TrainingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nanosynapse train}: train the line-orientation MLP and write the run folder. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train the line-orientation MLP (ideal, memristive in place, or ideal + write-and-verify) on freshly drawn",
      "noisy images and report its test accuracy against the Bayes-optimal ceiling.",
      "With --out: metrics.csv and pulses.csv (written as the run goes), model.json, loss.png, accuracy.png,",
      "confusion.png, weights.png."
    })
public final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TrainingOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (created if needed).")
  Path out;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Summary format.")
  String format;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(names = "--train-data", paramLabel = "CSV",
      description = "Train on this data-set CSV (see README) instead of freshly drawn images.")
  Path trainData;

  @Option(names = "--test-data", paramLabel = "CSV", description = "Test on this data-set CSV.")
  Path testData;

  @Option(names = "--save-data", description = "Also write train.csv and test.csv into --out.")
  boolean saveData;

  @Option(names = "--folds", paramLabel = "K",
      description = "k-fold cross-validation on --train-size images instead of one run: prints each fold's accuracy.")
  Integer folds;

  @Override
  public Integer call() throws Exception {
    TrainingOptions.checkFormat(format);
    TrainingConfig config = options.config();
    PrintWriter stdout = spec.commandLine().getOut();
    if (folds != null) {
      org.nanosynapse.training.CrossValidation.Result cv = org.nanosynapse.training.CrossValidation.run(config, folds);
      stdout.printf(Locale.ROOT, "%d-fold cross-validation (%s): mean %.4f, sd %.4f, folds %s%n", folds,
          config.mode().label(), cv.mean(), cv.standardDeviation(), java.util.Arrays.toString(cv.foldAccuracies()));
      stdout.flush();
      return 0;
    }
    if (saveData && out == null) {
      throw new BadInputException("save-data: needs --out");
    }
    org.nanosynapse.training.TrainingData data = org.nanosynapse.training.TrainingData.generate(config);
    if (trainData != null || testData != null) {
      org.nanosynapse.dataset.Dataset train = trainData == null ? data.train() : readData(trainData, config);
      org.nanosynapse.dataset.Dataset test = testData == null ? data.test() : readData(testData, config);
      data = new org.nanosynapse.training.TrainingData(train, data.validation(), test);
    }
    if (saveData) {
      org.nanosynapse.dataset.DatasetCsv.write(data.train(), out.resolve("train.csv"));
      org.nanosynapse.dataset.DatasetCsv.write(data.test(), out.resolve("test.csv"));
    }
    boolean progress = !noProgress && format.equals("text");
    TrainingResult r;
    try (ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("train " + config.mode().label())
        .setInitialMax(config.epochs()).setStyle(ProgressBarStyle.ASCII).setConsumer(
            new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build() : null) {
      TrainingListener listener = new TrainingListener() {
        @Override
        public void epochDone(EpochMetrics m, int maxEpochs) {
          if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format(Locale.ROOT, "test %.3f", m.testAccuracy()));
          }
        }
      };
      final org.nanosynapse.training.TrainingData runData = data;
      if (out != null) {
        try (RunFolder folder = new RunFolder(out, listener)) {
          r = Trainer.train(config, runData, folder);
          folder.finish(r);
        }
      } else {
        r = Trainer.train(config, runData, listener);
      }
    }
    BayesCeiling.Result ceiling = BayesCeiling.of(config.task());
    if (format.equals("json")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("test_accuracy", r.testAccuracy());
      m.put("train_accuracy", r.trainAccuracy());
      m.put("epochs", r.epochs());
      m.put("pulses", r.pulses());
      m.put("energy_j", r.energyJ());
      m.put("write_time_s", r.writeTimeS());
      m.put("bayes_ceiling", ceiling.accuracy());
      m.put("fraction_of_ceiling", r.testAccuracy() / ceiling.accuracy());
      m.put("mode", config.mode().label());
      m.put("rule", config.synapses().rule().label());
      m.put("seed", config.seed());
      if (r.devices() != null) {
        m.put("gain", r.devices().gain());
        m.put("refreshes", r.devices().refreshes());
      }
      if (out != null) {
        m.put("out", out.toString());
      }
      stdout.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
    } else {
      stdout.printf(Locale.ROOT, "mode %s%s, network %s, seed %d%n", config.mode().label(),
          config.mode() == org.nanosynapse.training.TrainingMode.IN_PLACE ? " (" + config.synapses().rule().label() + ")"
              : "", java.util.Arrays.toString(config.layerSizes()), config.seed());
      stdout.printf(Locale.ROOT, "test accuracy %.4f (%.1f %% of the Bayes ceiling %.4f%s), train accuracy %.4f, %d epochs%n",
          r.testAccuracy(), 100 * r.testAccuracy() / ceiling.accuracy(), ceiling.accuracy(),
          ceiling.exact() ? "" : " sampled", r.trainAccuracy(), r.epochs());
      if (r.devices() != null) {
        stdout.printf(Locale.ROOT, "pulses %d (%d refreshes), energy %.3e J, write time %.1f s, gain γ %.4g%n",
            r.pulses(), r.devices().refreshes(), r.energyJ(), r.writeTimeS(), r.devices().gain());
      }
      if (!Double.isNaN(r.idealTestAccuracy())) {
        stdout.printf(Locale.ROOT, "ideal weights before programming: test accuracy %.4f%n", r.idealTestAccuracy());
      }
      stdout.print(r.test().confusionText(config.task().classLabels()));
      if (out != null) {
        stdout.println("wrote " + out);
      }
    }
    stdout.flush();
    return 0;
  }

  private static org.nanosynapse.dataset.Dataset readData(Path file, TrainingConfig config) {
    org.nanosynapse.dataset.Dataset d = org.nanosynapse.dataset.DatasetCsv.read(file);
    if (d.pixels() != config.task().pixels() || !d.classes().equals(config.task().classes())) {
      throw new BadInputException("data: " + file + " has " + d.rows() + "×" + d.cols() + " images of classes "
          + d.classes() + "; the options give " + config.task().rows() + "×" + config.task().cols() + " and "
          + config.task().classes());
    }
    return d;
  }
}
