package org.nanosynapse.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.dataset.LineTask;
import org.nanosynapse.plot.LinePlot;
import org.nanosynapse.plot.MatrixImage;

/**
 * The output folder of a training run, written as the run goes: {@code metrics.csv} (one line per
 * epoch, flushed), {@code pulses.csv} (the pulse log, flushed every epoch), and at the end {@code
 * model.json}, {@code loss.png}, {@code accuracy.png}, {@code confusion.png} and {@code weights.png}.
 */
public final class RunFolder implements TrainingListener, AutoCloseable {
  private final Path dir;
  private final BufferedWriter metrics;
  private final BufferedWriter pulses;
  private final TrainingListener next;

  /** Opens the folder (created if needed); {@code next} also hears every event (e.g. a progress bar). */
  public RunFolder(Path dir, TrainingListener next) {
    this.dir = dir;
    this.next = next;
    try {
      Files.createDirectories(dir);
      metrics = Files.newBufferedWriter(dir.resolve("metrics.csv"), StandardCharsets.UTF_8);
      metrics.write(EpochMetrics.CSV_HEADER + "\n");
      metrics.flush();
      pulses = Files.newBufferedWriter(dir.resolve("pulses.csv"), StandardCharsets.UTF_8);
      pulses.write(PulseRecord.CSV_HEADER + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
    }
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void epochDone(EpochMetrics m, int maxEpochs) {
    try {
      metrics.write(m.csvRow() + "\n");
      metrics.flush();
      pulses.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    next.epochDone(m, maxEpochs);
  }

  @Override
  public void pulses(PulseRecord r) {
    try {
      pulses.write(r.csvRow() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    next.pulses(r);
  }

  /** Writes the model and the plots of a finished run. */
  public void finish(TrainingResult r) {
    close();
    ModelFile.write(r, dir.resolve("model.json"));
    List<EpochMetrics> h = r.history();
    double[] epochs = h.stream().mapToDouble(EpochMetrics::epoch).toArray();
    new LinePlot("Training loss", "epoch", "mean loss")
        .line("train", epochs, h.stream().mapToDouble(EpochMetrics::trainLoss).toArray())
        .writePng(dir.resolve("loss.png"));
    LinePlot acc = new LinePlot("Accuracy per epoch (" + r.config().mode().label() + ")", "epoch", "accuracy")
        .line("train", epochs, h.stream().mapToDouble(EpochMetrics::trainAccuracy).toArray())
        .line("test", epochs, h.stream().mapToDouble(EpochMetrics::testAccuracy).toArray());
    acc.writePng(dir.resolve("accuracy.png"));
    LineTask task = r.config().task();
    List<String> names = task.classLabels();
    int[][] cm = r.test().confusion();
    double[][] cmd = new double[cm.length][];
    for (int i = 0; i < cm.length; i++) {
      cmd[i] = java.util.Arrays.stream(cm[i]).asDoubleStream().toArray();
    }
    new MatrixImage("Confusion matrix, test set (rows: true, columns: predicted)", false, true).writePng(
        dir.resolve("confusion.png"), List.of(new MatrixImage.Panel("test accuracy "
            + String.format(java.util.Locale.ROOT, "%.4f", r.testAccuracy()), cmd, names, names)));
    writeWeightImages(r, dir.resolve("weights.png"));
  }

  /** First-layer weights of each neuron laid out as the input image; later layers as matrices. */
  static void writeWeightImages(TrainingResult r, Path file) {
    LineTask task = r.config().task();
    double[][][] w = r.model().weights();
    List<MatrixImage.Panel> panels = new ArrayList<>();
    for (int j = 0; j < w[0].length; j++) {
      double[][] img = new double[task.rows()][task.cols()];
      for (int p = 0; p < task.pixels(); p++) {
        img[p / task.cols()][p % task.cols()] = w[0][j][p];
      }
      panels.add(new MatrixImage.Panel(String.format(java.util.Locale.ROOT, "layer 0 neuron %d, bias %.2f", j,
          w[0][j][task.pixels()]), img, null, null));
    }
    for (int l = 1; l < w.length; l++) {
      List<String> cols = new ArrayList<>();
      for (int i = 0; i < w[l][0].length - 1; i++) {
        cols.add("in" + i);
      }
      cols.add("bias");
      panels.add(new MatrixImage.Panel("layer " + l + " (rows: neurons)", w[l], null, cols));
    }
    new MatrixImage("Weights (" + r.config().mode().label() + ")", true, task.pixels() <= 36).writePng(file, panels);
  }

  @Override
  public void close() {
    try {
      metrics.close();
      pulses.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
