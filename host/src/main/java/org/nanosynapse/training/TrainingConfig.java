package org.nanosynapse.training;

import java.util.Arrays;
import org.nanosynapse.dataset.LineTask;
import org.nanosynapse.nn.Activation;
import org.nanosynapse.nn.Loss;
import org.nanosynapse.nn.Optimizer;

/**
 * Everything a training run needs; {@link #defaults()} is the default task (3×3 lines, p = 0.1,
 * memristive in place with the device-aware rule, 15 % device-to-device variation). Immutable; change
 * fields with {@link #toBuilder()}.
 *
 * @param task the data's generative model (train, validation and test data all come from it)
 * @param hidden hidden layer sizes (each ≥ 1; empty = single-layer perceptron)
 * @param hiddenActivation activation of every hidden layer
 * @param outputActivation activation of the output layer (on the boards always identity + argmax)
 * @param loss training loss
 * @param optimizer SGD (with {@code momentum}) or Adam
 * @param learningRate step size η, dimensionless, > 0
 * @param momentum SGD momentum μ in [0, 1)
 * @param weightDecay L2 coefficient λ ≥ 0 (not on biases)
 * @param dropout dropout rate of hidden units in [0, 1)
 * @param epochs maximum number of passes over the training set, ≥ 1
 * @param batchSize images per update, ≥ 1
 * @param trainSize training images
 * @param validationSize validation images (0 = none; early stopping needs some)
 * @param testSize test images, ≥ 1
 * @param patience early stopping: stop after this many epochs without a better validation loss (0 = off)
 * @param seed one seed for data, initial weights, device population and shuffling
 * @param mode ideal, in-place or write-and-verify
 * @param synapses device settings for the memristive modes
 */
public record TrainingConfig(
    LineTask task,
    int[] hidden,
    Activation hiddenActivation,
    Activation outputActivation,
    Loss loss,
    Optimizer.Kind optimizer,
    double learningRate,
    double momentum,
    double weightDecay,
    double dropout,
    int epochs,
    int batchSize,
    int trainSize,
    int validationSize,
    int testSize,
    int patience,
    long seed,
    TrainingMode mode,
    SynapseSettings synapses) {

  public TrainingConfig {
    hidden = hidden.clone();
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException("hidden size: must be at least 1, got " + h);
      }
    }
    if (hiddenActivation == Activation.SOFTMAX) {
      throw new IllegalArgumentException("hidden activation: softmax is only allowed on the output layer");
    }
    if (loss == Loss.CROSS_ENTROPY && outputActivation != Activation.SOFTMAX && outputActivation != Activation.SIGMOID) {
      throw new IllegalArgumentException(
          "loss: cross-entropy needs a softmax or sigmoid output, not " + outputActivation.label());
    }
    positive("epochs", epochs);
    positive("batch size", batchSize);
    positive("train size", trainSize);
    positive("test size", testSize);
    if (validationSize < 0) {
      throw new IllegalArgumentException("validation size: must be ≥ 0, got " + validationSize);
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience: must be ≥ 0, got " + patience);
    }
    if (patience > 0 && validationSize == 0) {
      throw new IllegalArgumentException("patience: early stopping needs a validation set (validation size > 0)");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout: must be in [0, 1), got " + dropout);
    }
    Optimizer.create(optimizer, learningRate, momentum, weightDecay); // validates η, μ, λ
  }

  private static void positive(String field, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(field + ": must be at least 1, got " + v);
    }
  }

  /** The default task and settings (see the class comment). */
  public static TrainingConfig defaults() {
    return new Builder().build();
  }

  public int[] hidden() {
    return hidden.clone();
  }

  /** Layer sizes: input, hidden..., output. */
  public int[] layerSizes() {
    int[] s = new int[hidden.length + 2];
    s[0] = task.pixels();
    System.arraycopy(hidden, 0, s, 1, hidden.length);
    s[s.length - 1] = task.classCount();
    return s;
  }

  public Activation[] activations() {
    Activation[] a = new Activation[hidden.length + 1];
    Arrays.fill(a, hiddenActivation);
    a[hidden.length] = outputActivation;
    return a;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return "TrainingConfig[" + mode.label() + ", " + Arrays.toString(layerSizes()) + ", p=" + task.flipProbability()
        + ", seed=" + seed + "]";
  }

  /** Mutable builder with the defaults of {@link #defaults()}. */
  public static final class Builder {
    private LineTask task = LineTask.defaultTask();
    private int[] hidden = {4};
    private Activation hiddenActivation = Activation.TANH;
    private Activation outputActivation = Activation.SOFTMAX;
    private Loss loss = Loss.CROSS_ENTROPY;
    private Optimizer.Kind optimizer = Optimizer.Kind.ADAM;
    private double learningRate = 0.01;
    private double momentum = 0;
    private double weightDecay = 0;
    private double dropout = 0;
    private int epochs = 20;
    private int batchSize = 10;
    private int trainSize = 1000;
    private int validationSize = 0;
    private int testSize = 2000;
    private int patience = 0;
    private long seed = 1;
    private TrainingMode mode = TrainingMode.IN_PLACE;
    private SynapseSettings synapses = SynapseSettings.defaults();

    public Builder() {}

    Builder(TrainingConfig c) {
      task = c.task;
      hidden = c.hidden.clone();
      hiddenActivation = c.hiddenActivation;
      outputActivation = c.outputActivation;
      loss = c.loss;
      optimizer = c.optimizer;
      learningRate = c.learningRate;
      momentum = c.momentum;
      weightDecay = c.weightDecay;
      dropout = c.dropout;
      epochs = c.epochs;
      batchSize = c.batchSize;
      trainSize = c.trainSize;
      validationSize = c.validationSize;
      testSize = c.testSize;
      patience = c.patience;
      seed = c.seed;
      mode = c.mode;
      synapses = c.synapses;
    }

    public Builder task(LineTask v) { task = v; return this; }
    public Builder hidden(int... v) { hidden = v.clone(); return this; }
    public Builder hiddenActivation(Activation v) { hiddenActivation = v; return this; }
    public Builder outputActivation(Activation v) { outputActivation = v; return this; }
    public Builder loss(Loss v) { loss = v; return this; }
    public Builder optimizer(Optimizer.Kind v) { optimizer = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    public Builder momentum(double v) { momentum = v; return this; }
    public Builder weightDecay(double v) { weightDecay = v; return this; }
    public Builder dropout(double v) { dropout = v; return this; }
    public Builder epochs(int v) { epochs = v; return this; }
    public Builder batchSize(int v) { batchSize = v; return this; }
    public Builder trainSize(int v) { trainSize = v; return this; }
    public Builder validationSize(int v) { validationSize = v; return this; }
    public Builder testSize(int v) { testSize = v; return this; }
    public Builder patience(int v) { patience = v; return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder mode(TrainingMode v) { mode = v; return this; }
    public Builder synapses(SynapseSettings v) { synapses = v; return this; }

    public TrainingConfig build() {
      return new TrainingConfig(task, hidden, hiddenActivation, outputActivation, loss, optimizer, learningRate,
          momentum, weightDecay, dropout, epochs, batchSize, trainSize, validationSize, testSize, patience, seed,
          mode, synapses);
    }
  }
}
