package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.BoardDeviceParameters;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.PulseCommand;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.nn.FixedPointNetwork;

/**
 * Deploys a {@link DeploymentPlan} to a {@link BoardNetwork}, all boards or none.
 *
 * <p>Per board: CONFIGURE, LOAD_DEVICE_PARAMS, then either the codes written directly (staged and
 * committed by the board in one step) or closed-loop write-and-verify (both devices written to the
 * balanced base code, then SET pulses to the device that moves the weight towards its target, with
 * the synapse read back after each command, until within tolerance). Every synapse of every board is
 * then read back and checked. If any board fails, every board already touched is rolled back to what
 * it held before (its previous deployment if this session made one, otherwise the codes read from it
 * before, otherwise all-balanced pairs, i.e. zero weights), and the error names the board.
 */
public final class Deployer {
  /** How targets reach the devices. */
  public enum Mode {
    DIRECT,
    WRITE_VERIFY
  }

  /**
   * @param toleranceRaw write-and-verify: accepted |weight − target| in raw Q F units
   * @param maxCommandsPerSynapse write-and-verify: pulse commands before a synapse counts as failed
   * @param maxPulsesPerCommand write-and-verify: largest count of one APPLY_PULSES
   * @param amplitudeIndex SET amplitude index used for write-and-verify pulses
   */
  public record Options(
      Mode mode, int toleranceRaw, int maxCommandsPerSynapse, int maxPulsesPerCommand, int amplitudeIndex) {
    public static Options direct() {
      return new Options(Mode.DIRECT, 0, 0, 0, 0);
    }

    public static Options writeVerify(int toleranceRaw) {
      return new Options(Mode.WRITE_VERIFY, toleranceRaw, 60, 255, 0);
    }
  }

  private final Consumer<String> log;

  public Deployer(Consumer<String> log) {
    this.log = log;
  }

  public DeploymentResult deploy(
      BoardNetwork net, DeploymentPlan plan, BoardDeviceParameters parameters, Options options) {
    long start = System.currentTimeMillis();
    Map<BoardSlot, BoardNetwork.Committed> before = new LinkedHashMap<>();
    Map<BoardSlot, List<SynapseCodes>> snapshot = new LinkedHashMap<>();
    for (BoardTargets t : plan.boards()) {
      before.put(t.slot(), net.committed(t.slot()));
      snapshot.put(t.slot(), readCodesOrNull(net.board(t.slot())));
    }
    List<BoardSlot> touched = new ArrayList<>();
    Map<BoardSlot, List<SynapseState>> readBack = new LinkedHashMap<>();
    List<PulseStep> pulses = new ArrayList<>();
    int maxError = 0;
    BoardSlot current = null;
    try {
      for (BoardTargets t : plan.boards()) {
        current = t.slot();
        Board b = net.board(t.slot());
        touched.add(t.slot());
        b.configure(t.config());
        b.loadDeviceParameters(parameters);
        if (options.mode() == Mode.DIRECT) {
          b.writeSynapses(t.codes());
        } else {
          writeAndVerify(b, t, plan.encoding(), parameters, options, pulses);
        }
        List<SynapseState> states = b.readSynapses();
        maxError = Math.max(maxError, verify(t, states, options));
        readBack.put(t.slot(), states);
        log.accept(t.slot().label() + ": " + states.size() + " synapses written and verified");
      }
    } catch (RuntimeException e) {
      String rolled = rollBack(net, touched, before, snapshot, plan);
      throw new BoardException(
          "deploy failed at " + (current == null ? "start" : current.label()) + ": " + e.getMessage()
              + "; " + rolled,
          e);
    }
    for (BoardTargets t : plan.boards()) {
      List<SynapseCodes> codes = new ArrayList<>();
      for (SynapseState s : readBack.get(t.slot())) {
        codes.add(s.codes());
      }
      net.commit(t.slot(), new BoardNetwork.Committed(t.config(), parameters, codes));
    }
    return new DeploymentResult(
        plan, options.mode(), readBack, modelFrom(plan, readBack), pulses, maxError,
        System.currentTimeMillis() - start);
  }

  private static int verify(BoardTargets t, List<SynapseState> states, Options options) {
    String who = t.slot().label();
    if (states.size() != t.codes().size()) {
      throw new BoardException(
          who + ": READ_WEIGHTS returned " + states.size() + " synapses, expected " + t.codes().size());
    }
    int maxError = 0;
    for (int i = 0; i < states.size(); i++) {
      SynapseState s = states.get(i);
      int err = Math.abs(s.weightRaw() - t.weightsRaw()[i]);
      if (options.mode() == Mode.DIRECT && !s.codes().equals(t.codes().get(i))) {
        throw new BoardException(
            who + ": synapse " + i + " read back codes " + s.codes() + ", expected " + t.codes().get(i));
      }
      if (err > options.toleranceRaw()) {
        throw new BoardException(
            who + ": synapse " + i + " read back weight " + s.weightRaw() + ", expected " + t.weightsRaw()[i]
                + " ± " + options.toleranceRaw());
      }
      maxError = Math.max(maxError, err);
    }
    return maxError;
  }

  private void writeAndVerify(
      Board b, BoardTargets t, WeightEncoding enc, BoardDeviceParameters parameters, Options o, List<PulseStep> log) {
    List<SynapseCodes> balanced = new ArrayList<>();
    for (int i = 0; i < t.codes().size(); i++) {
      balanced.add(new SynapseCodes(enc.baseCode(), enc.baseCode()));
    }
    b.writeSynapses(balanced);
    DeviceCodeModel model = new DeviceCodeModel(parameters);
    for (int s = 0; s < t.codes().size(); s++) {
      int target = t.weightsRaw()[s];
      SynapseState state = b.readSynapse(s);
      int simPlus = state.codes().plusCode();
      int simMinus = state.codes().minusCode();
      double weightPerPulse = 0;
      int commands = 0;
      while (Math.abs(target - state.weightRaw()) > o.toleranceRaw()) {
        if (++commands > o.maxCommandsPerSynapse()) {
          throw new BoardException(
              t.slot().label() + ": synapse " + s + " did not reach weight " + target + " ± " + o.toleranceRaw()
                  + " after " + o.maxCommandsPerSynapse() + " pulse commands (at " + state.weightRaw() + ")");
        }
        int err = target - state.weightRaw();
        PulseCommand.PairDevice device = err > 0 ? PulseCommand.PairDevice.PLUS : PulseCommand.PairDevice.MINUS;
        int count =
            weightPerPulse > 0
                ? (int) Math.max(1, Math.min(o.maxPulsesPerCommand(), Math.floor(0.8 * Math.abs(err) / weightPerPulse)))
                : 1;
        PulseCommand cmd = new PulseCommand(s, device, Polarity.SET, o.amplitudeIndex(), count);
        SynapseState after = b.applyPulses(cmd);
        int moved = Math.abs(after.weightRaw() - state.weightRaw());
        weightPerPulse = moved > 0 ? (double) moved / count : weightPerPulse / 4; // no movement: try more pulses
        if (device == PulseCommand.PairDevice.PLUS) {
          simPlus = model.afterPulses(simPlus, Polarity.SET, o.amplitudeIndex(), count);
        } else {
          simMinus = model.afterPulses(simMinus, Polarity.SET, o.amplitudeIndex(), count);
        }
        log.add(
            new PulseStep(
                log.size(), t.slot().boardId(), cmd, after.codes().plusCode(), after.codes().minusCode(),
                after.weightRaw(), simPlus, simMinus, target));
        state = after;
      }
    }
  }

  private String rollBack(
      BoardNetwork net,
      List<BoardSlot> touched,
      Map<BoardSlot, BoardNetwork.Committed> before,
      Map<BoardSlot, List<SynapseCodes>> snapshot,
      DeploymentPlan plan) {
    List<String> ok = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (BoardSlot slot : touched) {
      Board b = net.board(slot);
      try {
        BoardNetwork.Committed prev = before.get(slot);
        BoardTargets t = plan.targetsOf(slot);
        if (prev != null) {
          b.configure(prev.config());
          b.loadDeviceParameters(prev.parameters());
          b.writeSynapses(prev.codes());
        } else if (snapshot.get(slot) != null && snapshot.get(slot).size() == t.codes().size()) {
          b.writeSynapses(snapshot.get(slot));
        } else {
          List<SynapseCodes> zero = new ArrayList<>();
          int base = plan.encoding().baseCode();
          for (int i = 0; i < t.codes().size(); i++) {
            zero.add(new SynapseCodes(base, base));
          }
          b.writeSynapses(zero);
        }
        ok.add(String.valueOf(slot.boardId()));
      } catch (RuntimeException e) {
        failed.add(slot.boardId() + " (" + e.getMessage() + ")");
      }
    }
    String s = "rolled back boards [" + String.join(", ", ok) + "]";
    if (!failed.isEmpty()) {
      s += "; roll-back FAILED on boards [" + String.join(", ", failed) + "]";
    }
    log.accept(s);
    return s;
  }

  private static List<SynapseCodes> readCodesOrNull(Board b) {
    try {
      List<SynapseCodes> codes = new ArrayList<>();
      for (SynapseState s : b.readSynapses()) {
        codes.add(s.codes());
      }
      return codes;
    } catch (BoardException | IllegalStateException e) {
      return null; // an unconfigured board has nothing to restore
    }
  }

  /** The host's fixed-point model from the weights the boards actually hold. */
  static FixedPointNetwork modelFrom(DeploymentPlan plan, Map<BoardSlot, List<SynapseState>> readBack) {
    Topology topo = plan.topology();
    List<FixedPointNetwork.Layer> layers = new ArrayList<>();
    for (int l = 0; l < topo.layers().size(); l++) {
      LayerSpec spec = topo.layers().get(l);
      short[][] w = new short[spec.neurons()][spec.inputs() + 1];
      for (BoardSlot slot : topo.boardsOfLayer(l)) {
        List<SynapseState> states = readBack.get(slot);
        for (int j = 0; j < slot.neurons(); j++) {
          for (int i = 0; i <= spec.inputs(); i++) {
            w[slot.firstNeuron() + j][i] = states.get(j * (spec.inputs() + 1) + i).weightRaw();
          }
        }
      }
      int layer = l;
      int code =
          plan.boards().stream().filter(t -> t.slot().layer() == layer).findFirst().orElseThrow()
              .config().activationCode();
      layers.add(new FixedPointNetwork.Layer(w, code));
    }
    return new FixedPointNetwork(layers, plan.encoding().fractionalBits());
  }
}
