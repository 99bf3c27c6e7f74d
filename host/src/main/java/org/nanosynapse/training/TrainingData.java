package org.nanosynapse.training;

import java.util.SplittableRandom;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.dataset.LineDatasetGenerator;
import org.nanosynapse.dataset.LineTask;

/**
 * Train, validation and test sets drawn independently from one task, with seeds derived from one
 * run seed (so a run is reproducible from its seed alone).
 */
public record TrainingData(Dataset train, Dataset validation, Dataset test) {

  public static TrainingData generate(LineTask task, int trainSize, int validationSize, int testSize, long seed) {
    SplittableRandom seeds = new SplittableRandom(seed ^ 0x5DEECE66DL);
    long trainSeed = seeds.nextLong();
    long validationSeed = seeds.nextLong();
    long testSeed = seeds.nextLong();
    Dataset train = LineDatasetGenerator.generate(task, trainSize, trainSeed);
    Dataset validation = validationSize > 0 ? LineDatasetGenerator.generate(task, validationSize, validationSeed) : null;
    Dataset test = LineDatasetGenerator.generate(task, testSize, testSeed);
    return new TrainingData(train, validation, test);
  }

  public static TrainingData generate(TrainingConfig c) {
    return generate(c.task(), c.trainSize(), c.validationSize(), c.testSize(), c.seed());
  }

  public boolean hasValidation() {
    return validation != null;
  }
}
