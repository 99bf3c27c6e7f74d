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
import org.nanosynapse.dataset.BayesCeiling;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.dataset.DatasetCsv;
import org.nanosynapse.dataset.LineDatasetGenerator;
import org.nanosynapse.dataset.LineTask;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.nn.Loss;
import org.nanosynapse.training.Evaluation;
import org.nanosynapse.training.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nanosynapse evaluate MODEL}: accuracy and confusion matrix of a saved model on fresh data. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Evaluate a saved model (model.json of 'train') on a fresh data set with its own noise and seed,"
        + " or on a data-set CSV; optionally also in the boards' fixed-point arithmetic.")
public final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "model.json written by 'train'.")
  Path model;

  @Option(names = {"-p", "--noise"}, paramLabel = "P",
      description = "Pixel-flip probability of the fresh data (default: the model's training noise).")
  Double flipProbability;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1001", description = "Seed of the fresh data (default: 1001).")
  long seed;

  @Option(names = "--count", paramLabel = "N", defaultValue = "2000", description = "Images (default: 2000).")
  int count;

  @Option(names = "--data", paramLabel = "CSV", description = "Evaluate on this data-set CSV instead of fresh data.")
  Path data;

  @Option(names = "--export", paramLabel = "CSV", description = "Also write the evaluation data set as CSV.")
  Path export;

  @Option(names = "--fixed-point", paramLabel = "F",
      description = "Also evaluate the boards' int16 Q F arithmetic with F fraction bits (0..14).")
  Integer fractionBits;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format.")
  String format;

  @Override
  public Integer call() throws Exception {
    TrainingOptions.checkFormat(format);
    if (!Files.isRegularFile(model)) {
      throw new BadInputException("MODEL: no such file: " + model);
    }
    ModelFile.Saved saved = ModelFile.read(model);
    LineTask task = flipProbability == null ? saved.task() : saved.task().withFlipProbability(flipProbability);
    Dataset d;
    if (data != null) {
      d = DatasetCsv.read(data);
      if (d.pixels() != task.pixels() || !d.classes().equals(task.classes())) {
        throw new BadInputException("data: " + data + " has " + d.rows() + "×" + d.cols() + " images and classes "
            + d.classes() + ", the model expects " + task.rows() + "×" + task.cols() + " and " + task.classes());
      }
    } else {
      d = LineDatasetGenerator.generate(task, count, seed);
    }
    if (export != null) {
      DatasetCsv.write(d, export);
    }
    Loss loss = Loss.parse(saved.training().path("loss").asText("cross-entropy"));
    Evaluation e = Evaluation.of(saved.mlp(), d, loss);
    Evaluation fixed = fractionBits == null ? null : Evaluation.of(FixedPointNetwork.fromMlp(saved.mlp(), fractionBits), d);
    BayesCeiling.Result ceiling = data == null ? BayesCeiling.of(task) : null;
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("accuracy", e.accuracy());
      m.put("images", d.size());
      m.put("flip_probability", data == null ? task.flipProbability() : null);
      m.put("seed", data == null ? seed : null);
      m.put("confusion", e.confusion());
      m.put("classes", task.classLabels());
      if (ceiling != null) {
        m.put("bayes_ceiling", ceiling.accuracy());
      }
      if (fixed != null) {
        m.put("fixed_point_accuracy", fixed.accuracy());
        m.put("fraction_bits", fractionBits);
      }
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
    } else {
      out.printf(Locale.ROOT, "accuracy %.4f on %d images (%s)%n", e.accuracy(), d.size(),
          data == null ? String.format(Locale.ROOT, "fresh, p = %s, seed %d", task.flipProbability(), seed) : data);
      if (ceiling != null) {
        out.printf(Locale.ROOT, "Bayes ceiling %.4f: %.1f %% of it%n", ceiling.accuracy(),
            100 * e.accuracy() / ceiling.accuracy());
      }
      if (fixed != null) {
        out.printf(Locale.ROOT, "fixed point Q%d (board arithmetic): accuracy %.4f%n", fractionBits, fixed.accuracy());
      }
      out.print(e.confusionText(task.classLabels()));
    }
    out.flush();
    return 0;
  }
}
