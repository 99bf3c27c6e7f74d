package org.nanosynapse.cli;

import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.dataset.LineClass;
import org.nanosynapse.dataset.LineTask;
import org.nanosynapse.nn.Activation;
import org.nanosynapse.nn.Loss;
import org.nanosynapse.nn.Optimizer;
import org.nanosynapse.training.SynapseSettings;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingMode;
import org.nanosynapse.training.UpdateRule;
import picocli.CommandLine.Option;

/** Task, network and device options shared by {@code train}, {@code sweep} and {@code bench training}. */
final class TrainingOptions {
  @Option(names = "--size", paramLabel = "N", defaultValue = "3", description = "Image size N×N, N ≥ 3 (default: 3).")
  int size;

  @Option(names = "--rows", paramLabel = "R", description = "Image height (overrides --size for rows).")
  Integer rows;

  @Option(names = "--cols", paramLabel = "C", description = "Image width (overrides --size for columns).")
  Integer cols;

  @Option(names = "--classes", paramLabel = "LIST", split = ",", defaultValue = "horizontal,vertical",
      description = "Classes: horizontal, vertical, no-line, both (default: ${DEFAULT-VALUE}).")
  List<String> classes;

  @Option(names = {"-p", "--noise"}, paramLabel = "P", defaultValue = "0.1",
      description = "Pixel-flip probability on train and test data, in [0, 1] (default: ${DEFAULT-VALUE}).")
  double flipProbability;

  @Option(names = "--analog-sigma", paramLabel = "S", defaultValue = "0",
      description = "Gaussian pixel noise, sd in pixel units (default: 0 = binary images).")
  double analogSigma;

  @Option(names = "--missing", paramLabel = "P", defaultValue = "0",
      description = "Probability that a pixel is missing (reads 0.5) (default: 0).")
  double missing;

  @Option(names = "--hidden", paramLabel = "SIZES", split = ",", defaultValue = "4",
      description = "Hidden layer sizes, comma-separated; 'none' for a single-layer perceptron (default: 4).")
  List<String> hidden;

  @Option(names = "--activation", paramLabel = "A", defaultValue = "tanh",
      description = "Hidden activation: step, sign, sigmoid, tanh, relu, identity (default: tanh).")
  String activation;

  @Option(names = "--output-activation", paramLabel = "A", defaultValue = "softmax",
      description = "Output activation (default: softmax; the boards use identity + argmax).")
  String outputActivation;

  @Option(names = "--loss", paramLabel = "L", defaultValue = "cross-entropy",
      description = "quadratic or cross-entropy (default: cross-entropy).")
  String loss;

  @Option(names = "--optimizer", paramLabel = "O", defaultValue = "adam", description = "sgd or adam (default: adam).")
  String optimizer;

  @Option(names = "--lr", paramLabel = "ETA", defaultValue = "0.01", description = "Learning rate (default: 0.01).")
  double learningRate;

  @Option(names = "--momentum", paramLabel = "MU", defaultValue = "0", description = "SGD momentum (default: 0).")
  double momentum;

  @Option(names = "--weight-decay", paramLabel = "L", defaultValue = "0", description = "L2 weight decay (default: 0).")
  double weightDecay;

  @Option(names = "--dropout", paramLabel = "R", defaultValue = "0", description = "Hidden dropout rate (default: 0).")
  double dropout;

  @Option(names = "--epochs", paramLabel = "E", defaultValue = "20", description = "Epochs (default: 20).")
  int epochs;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "10", description = "Mini-batch size (default: 10).")
  int batch;

  @Option(names = "--train-size", paramLabel = "N", defaultValue = "1000", description = "Training images (default: 1000).")
  int trainSize;

  @Option(names = "--validation-size", paramLabel = "N", defaultValue = "0",
      description = "Validation images (default: 0).")
  int validationSize;

  @Option(names = "--test-size", paramLabel = "N", defaultValue = "2000", description = "Test images (default: 2000).")
  int testSize;

  @Option(names = "--patience", paramLabel = "E", defaultValue = "0",
      description = "Early stopping patience in epochs, needs --validation-size (default: 0 = off).")
  int patience;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the whole run (default: 1).")
  long seed;

  @Option(names = "--mode", paramLabel = "M", defaultValue = "in-place",
      description = "ideal, in-place (memristive) or write-verify (default: in-place).")
  String mode;

  @Option(names = "--rule", paramLabel = "R", defaultValue = "device-aware",
      description = "In-place update rule: device-aware or sign-only (the published rule) (default: device-aware).")
  String rule;

  @Option(names = "--param-set", paramLabel = "NAME|FILE", defaultValue = "groningen-2021",
      description = "Device parameter set: a built-in name, a parameter-set JSON file or a calibration file "
          + "(default: ${DEFAULT-VALUE}).")
  String paramSet;

  @Option(names = "--variation", paramLabel = "REL", defaultValue = "0.15",
      description = "Device-to-device spread of R0, R1, a, R_init, relative sd (default: 0.15).")
  double variation;

  @Option(names = "--pulse-noise", paramLabel = "REL", defaultValue = "0.02",
      description = "Cycle-to-cycle spread of each pulse's effect, relative sd (default: 0.02).")
  double pulseNoise;

  @Option(names = "--read-noise", paramLabel = "REL", defaultValue = "0.001",
      description = "Relative sd of each conductance read (default: 0.001).")
  double readNoise;

  @Option(names = "--gain", paramLabel = "GAMMA",
      description = "Pair gain γ (default: chosen so one SET pulse at the start resistance moves w by --step).")
  Double gain;

  @Option(names = "--step", paramLabel = "DW", defaultValue = "0.01",
      description = "Weight change of one nominal SET pulse at the start resistance (default: 0.01).")
  double step;

  @Option(names = "--dead-zone", paramLabel = "DW", defaultValue = "1e-4",
      description = "Sign-only rule: no pulse for |Δw| ≤ this (default: 1e-4).")
  double deadZone;

  LineTask task() {
    List<LineClass> cls = new ArrayList<>();
    for (String c : classes) {
      cls.add(LineClass.parse(c));
    }
    return new LineTask(rows != null ? rows : size, cols != null ? cols : size, cls, flipProbability, analogSigma,
        missing);
  }

  int[] hiddenSizes() {
    if (hidden.size() == 1 && hidden.get(0).equalsIgnoreCase("none")) {
      return new int[0];
    }
    int[] h = new int[hidden.size()];
    for (int i = 0; i < h.length; i++) {
      try {
        h[i] = Integer.parseInt(hidden.get(i).trim());
      } catch (NumberFormatException e) {
        throw new BadInputException("hidden size: not an integer: '" + hidden.get(i) + "'");
      }
    }
    return h;
  }

  TrainingConfig config() {
    ParameterSetArgument.resolve(paramSet); // validates the name or file (one-line error)
    SynapseSettings d = SynapseSettings.defaults();
    d = new SynapseSettings(UpdateRule.parse(rule), paramSet, variation, pulseNoise, readNoise,
        gain == null ? Double.NaN : gain, step, d.startResistanceOhm(), d.initialWeightSpread(), deadZone,
        d.maxPulsesPerStep(), d.refreshFactor(), d.verifyTolerance(), d.verifyMaxPulses());
    return new TrainingConfig.Builder().task(task()).hidden(hiddenSizes())
        .hiddenActivation(Activation.parse(activation)).outputActivation(Activation.parse(outputActivation))
        .loss(Loss.parse(loss)).optimizer(Optimizer.Kind.parse(optimizer)).learningRate(learningRate)
        .momentum(momentum).weightDecay(weightDecay).dropout(dropout).epochs(epochs).batchSize(batch)
        .trainSize(trainSize).validationSize(validationSize).testSize(testSize).patience(patience).seed(seed)
        .mode(TrainingMode.parse(mode)).synapses(d).build();
  }

  static void checkFormat(String format) {
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("format: must be text or json, got '" + format + "'");
    }
  }
}
