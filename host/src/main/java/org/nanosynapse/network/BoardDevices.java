package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.device.UpdateCost;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.BoardDeviceParameters;
import org.nanosynapse.link.PulseCommand;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.training.SynapseDevices;

/**
 * The devices of a deployed network, on its boards, as the trainer's {@link SynapseDevices}: device
 * 2s / 2s + 1 is the "+" / "−" device of the trainer's synapse s (layers in order, then neuron, then
 * input, bias last), which lives on the board holding that neuron. A pulse decision goes out as
 * APPLY_PULSES (split into commands of at most {@link #MAX_PULSES_PER_COMMAND}); the codes the board
 * answers with are the devices' states from then on (R = 1/(code · G_lsb)), so the next step's
 * decisions start from what the board did. The law of a device is the branch the board was given
 * (LOAD_DEVICE_PARAMS) nearest to the pulse amplitude. Every command is logged as a {@link PulseStep}
 * with the codes the host's {@link DeviceCodeModel} predicts for the same pulses (open loop from the
 * first read-back, per device).
 */
public final class BoardDevices implements SynapseDevices {
  /** PROTOCOL.md APPLY_PULSES: count 1..1000. */
  public static final int MAX_PULSES_PER_COMMAND = 1000;

  private final BoardNetwork net;
  private final ParameterSet parameterSet;
  private final BoardDeviceParameters parameters;
  private final DeviceCodeModel model;
  private final Consumer<PulseStep> log;
  private final double lsbS;
  /** Per trainer synapse: its board slot index and its synapse index on that board. */
  private final int[] slotOf;
  private final int[] localOf;
  /** Per device: the board's code as last read back, and the host model's open-loop prediction. */
  private final int[] code;
  private final int[] simulatedCode;
  private final List<BoardSlot> slots;
  private int logged;
  private long commands;

  /**
   * Reads back every board of {@code net} (as deployed with {@code parameters}).
   *
   * @param parameterSet the parameter set the boards' device parameters were made from (amplitudes,
   *     pulse width, initial state)
   * @param log receives every pulse command with its outcome, as sent
   */
  public BoardDevices(
      BoardNetwork net, ParameterSet parameterSet, BoardDeviceParameters parameters, Consumer<PulseStep> log) {
    this.net = net;
    this.parameterSet = parameterSet;
    this.parameters = parameters;
    this.model = new DeviceCodeModel(parameters);
    this.log = log;
    this.lsbS = parameters.conductanceLsbS();
    Topology topo = net.topology();
    slots = topo.boards();
    int synapses = 0;
    for (LayerSpec l : topo.layers()) {
      synapses += l.neurons() * (l.inputs() + 1);
    }
    slotOf = new int[synapses];
    localOf = new int[synapses];
    int s = 0;
    for (int l = 0; l < topo.layers().size(); l++) {
      LayerSpec layer = topo.layers().get(l);
      int n = layer.inputs() + 1;
      for (int j = 0; j < layer.neurons(); j++) {
        int b = slotHolding(l, j);
        for (int i = 0; i < n; i++, s++) {
          slotOf[s] = b;
          localOf[s] = (j - slots.get(b).firstNeuron()) * n + i;
        }
      }
    }
    code = new int[2 * synapses];
    readBack();
    simulatedCode = code.clone();
  }

  private int slotHolding(int layer, int neuron) {
    for (int b = 0; b < slots.size(); b++) {
      BoardSlot slot = slots.get(b);
      if (slot.layer() == layer && neuron >= slot.firstNeuron() && neuron < slot.endNeuron()) {
        return b;
      }
    }
    throw new IllegalArgumentException("topology: no board holds neuron " + neuron + " of layer " + layer);
  }

  /** READ_SYNAPSES on every board: the devices' states become what the boards hold. */
  public void readBack() {
    List<List<SynapseState>> states = new ArrayList<>();
    for (BoardSlot slot : slots) {
      states.add(net.board(slot).readSynapses());
    }
    for (int s = 0; s < slotOf.length; s++) {
      SynapseState st = states.get(slotOf[s]).get(localOf[s]);
      code[2 * s] = st.codes().plusCode();
      code[2 * s + 1] = st.codes().minusCode();
    }
  }

  /** Makes the boards' present codes the network's committed state (what a reconnect re-sends). */
  public void commit() {
    for (int b = 0; b < slots.size(); b++) {
      BoardSlot slot = slots.get(b);
      BoardNetwork.Committed c = net.committed(slot);
      List<SynapseCodes> codes = new ArrayList<>(c.codes());
      for (int s = 0; s < slotOf.length; s++) {
        if (slotOf[s] == b) {
          codes.set(localOf[s], new SynapseCodes(code[2 * s], code[2 * s + 1]));
        }
      }
      net.commit(slot, new BoardNetwork.Committed(c.config(), c.parameters(), codes));
    }
  }

  /** APPLY_PULSES commands sent so far. */
  public long commands() {
    return commands;
  }

  /** The board's present code of device d (as last read back). */
  public int code(int d) {
    return code[d];
  }

  @Override
  public ParameterSet parameterSet() {
    return parameterSet;
  }

  @Override
  public int size() {
    return code.length;
  }

  @Override
  public double resistanceOhm(int d) {
    return code[d] == 0 ? parameters.maxResistanceOhm() : 1 / (code[d] * lsbS);
  }

  /** The board's read-back (the codes it answered with; the board model has no read noise). */
  @Override
  public double readResistanceOhm(int d) {
    return resistanceOhm(d);
  }

  @Override
  public double maxResistanceOhm(int d) {
    return parameters.maxResistanceOhm();
  }

  @Override
  public PowerLawParameters law(int d, Polarity polarity, double amplitudeV) {
    BoardDeviceParameters.Branch b = branches(polarity).get(branchIndex(polarity, amplitudeV));
    return new PowerLawParameters(b.r0Ohm(), b.r1Ohm(), b.exponent());
  }

  private List<BoardDeviceParameters.Branch> branches(Polarity polarity) {
    return polarity == Polarity.SET ? parameters.setBranches() : parameters.resetBranches();
  }

  /** The board's amplitude index of this polarity nearest to {@code amplitudeV}. */
  private int branchIndex(Polarity polarity, double amplitudeV) {
    List<BoardDeviceParameters.Branch> list = branches(polarity);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("device parameters: the boards have no " + polarity + " branch");
    }
    int best = 0;
    for (int i = 1; i < list.size(); i++) {
      if (Math.abs(list.get(i).amplitudeV() - amplitudeV) < Math.abs(list.get(best).amplitudeV() - amplitudeV)) {
        best = i;
      }
    }
    return best;
  }

  @Override
  public double applyPulses(int d, Polarity polarity, double amplitudeV, int count) {
    int s = d / 2;
    BoardSlot slot = slots.get(slotOf[s]);
    Board board = net.board(slot);
    int index = branchIndex(polarity, amplitudeV);
    PowerLawParameters law = law(d, polarity, amplitudeV);
    PulseCommand.PairDevice side = d % 2 == 0 ? PulseCommand.PairDevice.PLUS : PulseCommand.PairDevice.MINUS;
    double energyJ = 0;
    double r = resistanceOhm(d);
    for (int k = 0; k < count; k++) {
      // The energy along the host law's trajectory (the board does not report it).
      energyJ += UpdateCost.pulseEnergyJ(amplitudeV, r, parameterSet.pulseWidthS());
      r = PowerLaw.afterPulses(law, r, 1, parameters.minResistanceOhm(), parameters.maxResistanceOhm());
    }
    for (int left = count; left > 0; ) {
      int n = Math.min(left, MAX_PULSES_PER_COMMAND);
      left -= n;
      PulseCommand cmd = new PulseCommand(localOf[s], side, polarity, index, n);
      SynapseState after = board.applyPulses(cmd);
      commands++;
      code[2 * s] = after.codes().plusCode();
      code[2 * s + 1] = after.codes().minusCode();
      simulatedCode[d] = model.afterPulses(simulatedCode[d], polarity, index, n);
      log.accept(new PulseStep(logged++, slot.boardId(), cmd, code[2 * s], code[2 * s + 1], after.weightRaw(),
          simulatedCode[2 * s], simulatedCode[2 * s + 1], after.weightRaw()));
    }
    return energyJ;
  }
}
