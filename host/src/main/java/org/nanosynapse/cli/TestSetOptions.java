package org.nanosynapse.cli;

import java.nio.file.Path;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.dataset.DatasetCsv;
import org.nanosynapse.dataset.LineDatasetGenerator;
import org.nanosynapse.dataset.LineTask;
import picocli.CommandLine.Option;

/** The test set pushed through the boards: generated (N×N lines, flip noise) or read from CSV. */
final class TestSetOptions {
  @Option(names = "--test-set", paramLabel = "CSV", description = "Test images from a data-set CSV file.")
  Path csv;

  @Option(names = "--test-size", paramLabel = "N", defaultValue = "2000",
      description = "Generated test images (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--noise", paramLabel = "P", defaultValue = "0.1",
      description = "Pixel-flip probability of the generated test set (default: ${DEFAULT-VALUE}).")
  double noise;

  @Option(names = "--test-seed", paramLabel = "S", defaultValue = "2024",
      description = "Seed of the generated test set (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The test set; {@code task} is the model's task when known (its shape and classes), else null. */
  Dataset dataset(LineTask task, int pixels) {
    if (csv != null) {
      return DatasetCsv.read(csv);
    }
    if (size < 1) {
      throw new BadInputException("test-size: must be ≥ 1, got " + size);
    }
    if (task != null && task.pixels() == pixels) {
      try {
        return LineDatasetGenerator.generate(task.withFlipProbability(noise), size, seed);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("noise: " + e.getMessage(), e);
      }
    }
    int n = (int) Math.round(Math.sqrt(pixels));
    if (n * n != pixels || n < 3) {
      throw new BadInputException(
          "test-set: the model takes " + pixels + " inputs, not an N×N image with N ≥ 3; give --test-set CSV");
    }
    try {
      return LineDatasetGenerator.generate(LineTask.square(n, noise), size, seed);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("noise: " + e.getMessage(), e);
    }
  }
}
