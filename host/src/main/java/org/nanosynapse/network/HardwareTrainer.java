package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.BoardDeviceParameters;
import org.nanosynapse.link.PulseCommand;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.nn.Loss;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.nn.Optimizer;
import org.nanosynapse.training.Evaluation;

/**
 * Training with the weights on the boards: the host computes each mini-batch's gradient and the
 * optimiser's desired weight change on a mirror of the network whose weights are the boards'
 * read-back weights; each desired change becomes SET pulses to one device of the pair (+ to raise the
 * weight, − to lower it), counted device-aware from that device's read-back code and the SET law the
 * board was given: k = n(R_target) − n(R), stochastically rounded, at most {@code maxPulsesPerStep}.
 * The pulses go out as APPLY_PULSES; the codes and weight each board answers with become the mirror's
 * weights for the next step. Every command is logged with the board's codes and the codes the host's
 * device model predicts for the same pulses (the pulse schedule, {@link PulseStep}). A pair whose
 * devices both rose and one nears the top of the code range is refreshed: written back to the
 * balanced base plus its present difference (a state write, counted, standing in for RESET pulses).
 */
public final class HardwareTrainer {
  /** Refresh a pair when a device code passes this (the pulse steps shrink and the range ends). */
  public static final int REFRESH_CODE = 62_000;

  /** ... provided both devices rose at least this far above the base code (else nothing is gained). */
  public static final int REFRESH_MARGIN = 2_000;

  /**
   * @param maxPulsesPerStep cap on one synapse's pulses per update
   */
  public record Options(
      int epochs, int batchSize, Optimizer.Kind optimizer, double learningRate, Loss loss, int maxPulsesPerStep,
      long seed) {
    public Options {
      if (epochs < 1 || batchSize < 1 || maxPulsesPerStep < 1) {
        throw new IllegalArgumentException("hardware training: epochs, batch size and max pulses must be ≥ 1");
      }
    }
  }

  /** One epoch: accuracy of the boards' weights (host fixed-point model, bit-exact to the boards). */
  public record Epoch(int epoch, double meanLoss, double trainAccuracy, double testAccuracy, long pulses, long refreshes) {}

  /** Receives the pulse schedule and epoch results as they happen. */
  public interface Listener {
    void pulse(PulseStep step);

    void epoch(Epoch e);
  }

  private final Options options;

  public HardwareTrainer(Options options) {
    this.options = options;
  }

  /**
   * Trains the network already deployed on {@code net} (by {@code deployment}); returns the mirror
   * MLP with the boards' final weights. Afterwards {@code net}'s committed state is the trained one.
   */
  public Mlp train(
      BoardNetwork net, DeploymentResult deployment, BoardDeviceParameters parameters, Mlp initial, Dataset train,
      Dataset test, Listener listener) {
    Topology topo = net.topology();
    WeightEncoding enc = deployment.plan().encoding();
    int f = enc.fractionalBits();
    Mlp mlp = initial.copy();
    // Per board: live codes and weights, as the boards answered.
    List<BoardSlot> slots = topo.boards();
    int[][] plus = new int[slots.size()][];
    int[][] minus = new int[slots.size()][];
    int[][] simPlus = new int[slots.size()][];
    int[][] simMinus = new int[slots.size()][];
    for (int b = 0; b < slots.size(); b++) {
      List<SynapseState> states = deployment.readBack().get(slots.get(b));
      plus[b] = new int[states.size()];
      minus[b] = new int[states.size()];
      for (SynapseState s : states) {
        plus[b][s.synapseIndex()] = s.codes().plusCode();
        minus[b][s.synapseIndex()] = s.codes().minusCode();
        setWeight(mlp, topo, slots.get(b), s.synapseIndex(), s.weightRaw(), f);
      }
      simPlus[b] = plus[b].clone();
      simMinus[b] = minus[b].clone();
    }
    BoardDeviceParameters.Branch set = parameters.setBranches().get(0);
    PowerLawParameters law = new PowerLawParameters(set.r0Ohm(), set.r1Ohm(), set.exponent());
    DeviceCodeModel model = new DeviceCodeModel(parameters);
    double lsb = parameters.conductanceLsbS();
    double spanS = 1 / enc.r0Ohm() - 1 / enc.r1Ohm();
    Optimizer optimizer = Optimizer.create(options.optimizer(), options.learningRate(), 0, 0);
    SplittableRandom rng = new SplittableRandom(options.seed());
    double[][][] grad = mlp.zerosLikeWeights();
    double[][][] update = mlp.zerosLikeWeights();
    Mlp.Workspace ws = mlp.newWorkspace();
    long step = 0;
    long pulses = 0;
    long refreshes = 0;
    int logged = 0;
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      int[] order = Dataset.permutation(train.size(), rng);
      double lossSum = 0;
      for (int start = 0; start < order.length; start += options.batchSize()) {
        int end = Math.min(order.length, start + options.batchSize());
        zero(grad);
        for (int i = start; i < end; i++) {
          lossSum += mlp.backprop(train.input(order[i]), train.label(order[i]), options.loss(), 0, rng, grad, ws);
        }
        scale(grad, 1.0 / (end - start));
        optimizer.update(mlp.weights(), grad, update);
        step++;
        for (int b = 0; b < slots.size(); b++) {
          BoardSlot slot = slots.get(b);
          Board board = net.board(slot);
          int n = topo.layers().get(slot.layer()).inputs() + 1;
          for (int s = 0; s < plus[b].length; s++) {
            double dw = update[slot.layer()][slot.firstNeuron() + s / n][s % n];
            if (dw == 0) {
              continue;
            }
            boolean raise = dw > 0;
            int code = raise ? plus[b][s] : minus[b][s];
            double r = 1 / (Math.max(code, 1) * lsb);
            double target = 1 / (1 / r + Math.abs(dw) * spanS / enc.gain());
            double k = target <= law.r0Ohm() ? options.maxPulsesPerStep() : PowerLaw.pulsesBetween(law, r, target);
            k = Double.isNaN(k) ? 0 : Math.min(options.maxPulsesPerStep(), Math.max(0, k));
            int count = (int) Math.floor(k) + (rng.nextDouble() < k - Math.floor(k) ? 1 : 0);
            if (count == 0) {
              continue;
            }
            PulseCommand cmd = new PulseCommand(
                s, raise ? PulseCommand.PairDevice.PLUS : PulseCommand.PairDevice.MINUS, Polarity.SET, 0, count);
            SynapseState after = board.applyPulses(cmd);
            pulses += count;
            if (raise) {
              simPlus[b][s] = model.afterPulses(simPlus[b][s], Polarity.SET, 0, count);
            } else {
              simMinus[b][s] = model.afterPulses(simMinus[b][s], Polarity.SET, 0, count);
            }
            plus[b][s] = after.codes().plusCode();
            minus[b][s] = after.codes().minusCode();
            setWeight(mlp, topo, slot, s, after.weightRaw(), f);
            listener.pulse(new PulseStep(
                logged++, slot.boardId(), cmd, plus[b][s], minus[b][s], after.weightRaw(), simPlus[b][s],
                simMinus[b][s], after.weightRaw()));
          }
          if (needsRefresh(plus[b], minus[b], enc)) {
            refresh(board, plus[b], minus[b], enc);
            simPlus[b] = plus[b].clone();
            simMinus[b] = minus[b].clone();
            refreshes++;
            net.event(slot, "pairs refreshed to the balanced base at step " + step);
          }
        }
      }
      FixedPointNetwork boards = boardsModel(net, deployment);
      listener.epoch(new Epoch(
          epoch, lossSum / train.size(), Evaluation.of(boards, train).accuracy(), Evaluation.of(boards, test).accuracy(),
          pulses, refreshes));
    }
    // What the boards now hold is the committed state (reconnects re-send it).
    for (int b = 0; b < slots.size(); b++) {
      BoardNetwork.Committed c = net.committed(slots.get(b));
      List<SynapseCodes> codes = new ArrayList<>();
      for (int s = 0; s < plus[b].length; s++) {
        codes.add(new SynapseCodes(plus[b][s], minus[b][s]));
      }
      net.commit(slots.get(b), new BoardNetwork.Committed(c.config(), c.parameters(), codes));
    }
    return mlp;
  }

  /** A pair needs a refresh when a device nears the top of the range while both devices rose above the base. */
  private static boolean needsRefresh(int[] plus, int[] minus, WeightEncoding enc) {
    for (int s = 0; s < plus.length; s++) {
      if (stale(plus[s], minus[s], enc)) {
        return true;
      }
    }
    return false;
  }

  private static boolean stale(int plus, int minus, WeightEncoding enc) {
    return Math.max(plus, minus) > REFRESH_CODE && Math.min(plus, minus) > enc.baseCode() + REFRESH_MARGIN;
  }

  /** Stale pairs of the board back to base + their present code difference (the weight is kept). */
  private static void refresh(Board board, int[] plus, int[] minus, WeightEncoding enc) {
    List<SynapseCodes> codes = new ArrayList<>();
    for (int s = 0; s < plus.length; s++) {
      if (stale(plus[s], minus[s], enc)) {
        SynapseCodes c = enc.pairFor(plus[s] - minus[s]);
        plus[s] = c.plusCode();
        minus[s] = c.minusCode();
      }
      codes.add(new SynapseCodes(plus[s], minus[s]));
    }
    board.writeSynapses(codes);
  }

  /** The host's fixed-point model of what the boards hold now (read back). */
  static FixedPointNetwork boardsModel(BoardNetwork net, DeploymentResult deployment) {
    var readBack = new java.util.LinkedHashMap<BoardSlot, List<SynapseState>>();
    for (BoardSlot slot : net.topology().boards()) {
      readBack.put(slot, net.board(slot).readSynapses());
    }
    return Deployer.modelFrom(deployment.plan(), readBack);
  }

  private static void setWeight(Mlp mlp, Topology topo, BoardSlot slot, int synapse, short weightRaw, int f) {
    int n = topo.layers().get(slot.layer()).inputs() + 1;
    mlp.weights()[slot.layer()][slot.firstNeuron() + synapse / n][synapse % n] = weightRaw / (double) (1 << f);
  }

  private static void zero(double[][][] a) {
    for (double[][] l : a) {
      for (double[] r : l) {
        java.util.Arrays.fill(r, 0);
      }
    }
  }

  private static void scale(double[][][] a, double k) {
    for (double[][] l : a) {
      for (double[] r : l) {
        for (int i = 0; i < r.length; i++) {
          r[i] *= k;
        }
      }
    }
  }
}
