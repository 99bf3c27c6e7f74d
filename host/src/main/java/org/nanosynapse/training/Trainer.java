package org.nanosynapse.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.nn.Optimizer;

/**
 * Trains the MLP in one of the three {@link TrainingMode}s with the same network code: mini-batch
 * backpropagation gives the desired weight change, which the synapses (ideal numbers or device pairs)
 * apply as well as they can. Deterministic under {@link TrainingConfig#seed()}.
 */
public final class Trainer {
  private Trainer() {}

  /** Trains on freshly generated data; the usual entry point. */
  public static TrainingResult train(TrainingConfig config) {
    return train(config, TrainingListener.NONE);
  }

  public static TrainingResult train(TrainingConfig config, TrainingListener listener) {
    return train(config, TrainingData.generate(config), listener);
  }

  public static TrainingResult train(TrainingConfig c, TrainingData data, TrainingListener listener) {
    return train(c, data, listener, null);
  }

  /**
   * Trains in place on the given devices (e.g. on boards) instead of a simulated population: the same
   * loop and the same pulse decisions ({@link DevicePairArray}), with each device's state after its
   * pulses taken from {@code onDevices}. The mode must be {@link TrainingMode#IN_PLACE}; the devices
   * are used as they are (not reset), their weights programmed to the initial ones with pulses.
   */
  public static TrainingResult trainOn(
      SynapseDevices onDevices, TrainingConfig c, TrainingData data, TrainingListener listener) {
    if (c.mode() != TrainingMode.IN_PLACE) {
      throw new IllegalArgumentException("mode: training on given devices is in place, not " + c.mode().label());
    }
    return train(c, data, listener, java.util.Objects.requireNonNull(onDevices, "devices"));
  }

  private static TrainingResult train(
      TrainingConfig c, TrainingData data, TrainingListener listener, SynapseDevices onDevices) {
    checkShape(c, data.train());
    SplittableRandom seeds = new SplittableRandom(c.seed());
    long initSeed = seeds.nextLong();
    long shuffleSeed = seeds.nextLong();
    long deviceSeed = deviceSeed(c.seed());

    Mlp mlp = Mlp.initialised(c.layerSizes(), c.activations(), initSeed);
    DevicePairArray devices = null;
    SynapticWeights synapses = SynapticWeights.IDEAL;
    if (c.mode() == TrainingMode.IN_PLACE) {
      devices = onDevices == null
          ? DevicePairArray.create(mlp, c.synapses(), deviceSeed, listener)
          : DevicePairArray.on(onDevices, mlp, c.synapses(), deviceSeed, listener);
      devices.programInitialWeights(initSeed);
      devices.readWeights(mlp.weights());
      synapses = devices;
    }

    List<EpochMetrics> history = new ArrayList<>();
    Optimizer optimizer = Optimizer.create(c.optimizer(), c.learningRate(), c.momentum(), c.weightDecay());
    SplittableRandom shuffle = new SplittableRandom(shuffleSeed);
    Dataset train = data.train();
    double[][][] grad = mlp.zerosLikeWeights();
    double[][][] update = mlp.zerosLikeWeights();
    Mlp.Workspace ws = mlp.newWorkspace();
    double bestValidationLoss = Double.POSITIVE_INFINITY;
    double[][][] bestWeights = null;
    int epochsSinceBest = 0;
    long step = 0;
    int epoch;
    for (epoch = 1; epoch <= c.epochs(); epoch++) {
      int[] order = Dataset.permutation(train.size(), shuffle);
      double lossSum = 0;
      for (int start = 0; start < order.length; start += c.batchSize()) {
        int end = Math.min(order.length, start + c.batchSize());
        zero(grad);
        for (int b = start; b < end; b++) {
          int i = order[b];
          lossSum += mlp.backprop(train.input(i), train.label(i), c.loss(), c.dropout(), shuffle, grad, ws);
        }
        scale(grad, 1.0 / (end - start));
        optimizer.update(mlp.weights(), grad, update);
        synapses.apply(update, mlp.weights(), ++step);
      }
      boolean curves = listener.evaluateEachEpoch();
      Evaluation trainEval = curves ? Evaluation.of(mlp, train, c.loss()) : null;
      Evaluation testEval = curves ? Evaluation.of(mlp, data.test(), c.loss()) : null;
      Evaluation valEval = data.hasValidation() ? Evaluation.of(mlp, data.validation(), c.loss()) : null;
      EpochMetrics m = new EpochMetrics(
          epoch, lossSum / train.size(), curves ? trainEval.accuracy() : Double.NaN,
          valEval == null ? Double.NaN : valEval.meanLoss(),
          valEval == null ? Double.NaN : valEval.accuracy(),
          curves ? testEval.accuracy() : Double.NaN,
          devices == null ? 0 : devices.ledger().pulses(),
          devices == null ? 0 : devices.ledger().energyJ());
      history.add(m);
      listener.epochDone(m, c.epochs());
      if (c.patience() > 0 && valEval != null) {
        if (valEval.meanLoss() < bestValidationLoss - 1e-9) {
          bestValidationLoss = valEval.meanLoss();
          epochsSinceBest = 0;
          if (devices == null) {
            bestWeights = mlp.zerosLikeWeights();
            mlp.copyWeightsTo(bestWeights);
          }
        } else if (++epochsSinceBest >= c.patience()) {
          break;
        }
      }
    }
    int epochsRun = Math.min(epoch, c.epochs());
    if (bestWeights != null) {
      // Ideal weights can go back to the best epoch; physical device states cannot, they stay as they are.
      copy(bestWeights, mlp.weights());
    }

    Evaluation idealTest = null;
    if (c.mode() == TrainingMode.WRITE_VERIFY) {
      idealTest = Evaluation.of(mlp, data.test(), c.loss());
      devices = DevicePairArray.create(mlp, c.synapses(), deviceSeed, listener);
      WriteVerify.program(devices, mlp.weights());
    }
    if (devices != null) {
      // Evaluation with the device non-idealities on: the weights as read out once, as a board caches them.
      devices.readWeightsNoisy(mlp.weights());
    }
    Evaluation trainFinal = Evaluation.of(mlp, train, c.loss());
    Evaluation testFinal = Evaluation.of(mlp, data.test(), c.loss());
    return new TrainingResult(c, mlp, history, epochsRun, trainFinal, testFinal,
        idealTest == null ? Double.NaN : idealTest.accuracy(), devices);
  }

  /** Seed of the device population of a run with this seed (for replaying its pulse log). */
  public static long deviceSeed(long runSeed) {
    SplittableRandom seeds = new SplittableRandom(runSeed);
    seeds.nextLong();
    seeds.nextLong();
    return seeds.nextLong();
  }

  private static void checkShape(TrainingConfig c, Dataset train) {
    if (train.pixels() != c.task().pixels() || train.classCount() != c.task().classCount()) {
      throw new IllegalArgumentException("data: shape does not match the task of the configuration");
    }
  }

  static void zero(double[][][] a) {
    for (double[][] l : a) {
      for (double[] r : l) {
        java.util.Arrays.fill(r, 0);
      }
    }
  }

  static void scale(double[][][] a, double s) {
    for (double[][] l : a) {
      for (double[] r : l) {
        for (int i = 0; i < r.length; i++) {
          r[i] *= s;
        }
      }
    }
  }

  static void copy(double[][][] from, double[][][] to) {
    for (int l = 0; l < from.length; l++) {
      for (int j = 0; j < from[l].length; j++) {
        System.arraycopy(from[l][j], 0, to[l][j], 0, from[l][j].length);
      }
    }
  }
}
