package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.board.BoardArithmetic;
import org.nanosynapse.board.DeviceEmulation;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.BoardCounters;
import org.nanosynapse.link.BoardDeviceParameters;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.BoardIdentity;
import org.nanosynapse.link.InferenceResult;
import org.nanosynapse.link.PulseCommand;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;

/**
 * An in-memory board for fast unit tests of the network controller: the board's arithmetic and device
 * emulation without a wire, plus fault switches (a write that fails, a power cut before the n-th INFER).
 * The must-show tests use the real virtual and emulated boards instead.
 */
final class FakeBoard implements Board {
  private final int id;
  private BoardConfig config = new BoardConfig(4, 16, 0, 8, 256);
  private int[] plus = new int[config.synapseCount()];
  private int[] minus = new int[config.synapseCount()];
  private BoardDeviceParameters params;
  private long pulses;
  private long frames;
  int infers;
  /** INFER call number at which the board loses power (weights gone); −1 = never. */
  int powerCutAtInfer = -1;
  /** Failed exchanges after the power cut before it answers again. */
  int downAfterCut = 3;
  int downExchanges = 0;
  boolean failWrites;
  boolean closed;

  FakeBoard(int id) {
    this.id = id;
  }

  private void exchange(String what) {
    frames++;
    if (downExchanges > 0) {
      downExchanges--;
      throw new BoardException("board " + id + ": " + what + ": no answer (board is down)");
    }
  }

  @Override
  public String address() {
    return "fake:" + id;
  }

  @Override
  public BoardIdentity identify() {
    exchange("IDENTIFY");
    return new BoardIdentity("nanosynapse", "1.0.0", 1, id, 4, 16, 0);
  }

  @Override
  public void configure(BoardConfig c) {
    exchange("CONFIGURE");
    if (c.neurons() != config.neurons() || c.inputs() != config.inputs()) {
      plus = new int[c.synapseCount()];
      minus = new int[c.synapseCount()];
    }
    config = c;
  }

  @Override
  public void loadDeviceParameters(BoardDeviceParameters p) {
    exchange("LOAD_DEVICE_PARAMS");
    params = p;
  }

  @Override
  public void writeSynapses(List<SynapseCodes> s) {
    exchange("WRITE_STAGE");
    if (failWrites) {
      throw new BoardException("board " + id + ": COMMIT: NACK STAGE_INCOMPLETE");
    }
    if (s.size() != config.synapseCount()) {
      throw new BoardException("board " + id + ": COMMIT: " + s.size() + " synapses, configured " + config.synapseCount());
    }
    for (int i = 0; i < s.size(); i++) {
      plus[i] = s.get(i).plusCode();
      minus[i] = s.get(i).minusCode();
    }
  }

  @Override
  public List<SynapseState> readSynapses() {
    exchange("READ_WEIGHTS");
    List<SynapseState> out = new ArrayList<>();
    for (int i = 0; i < plus.length; i++) {
      out.add(state(i));
    }
    return out;
  }

  private SynapseState state(int i) {
    return new SynapseState(
        i, new SynapseCodes(plus[i], minus[i]), BoardArithmetic.weight(plus[i], minus[i], config.weightScale()));
  }

  @Override
  public SynapseState readSynapse(int i) {
    exchange("READ_SYNAPSE");
    return state(i);
  }

  @Override
  public SynapseState applyPulses(PulseCommand c) {
    exchange("APPLY_PULSES");
    var branches = c.polarity() == Polarity.SET ? params.setBranches() : params.resetBranches();
    var b = branches.get(c.amplitudeIndex());
    int[] dev = c.device() == PulseCommand.PairDevice.PLUS ? plus : minus;
    for (int n = 0; n < c.count(); n++) {
      dev[c.synapseIndex()] = DeviceEmulation.pulse(
          dev[c.synapseIndex()], (float) b.r0Ohm(), (float) b.r1Ohm(), (float) b.exponent(),
          (float) params.conductanceLsbS());
    }
    pulses += c.count();
    return state(c.synapseIndex());
  }

  @Override
  public InferenceResult infer(short[] x) {
    if (infers++ == powerCutAtInfer) {
      powerCut();
      downExchanges = downAfterCut;
    }
    exchange("INFER");
    short[] w = new short[plus.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = state(i).weightRaw();
    }
    short[] y = new short[config.neurons()];
    for (int j = 0; j < y.length; j++) {
      y[j] = BoardArithmetic.neuron(
          w, j * (config.inputs() + 1), x, config.inputs(), config.fractionalBits(), config.activationCode());
    }
    return new InferenceResult(y, 40);
  }

  /** Power cycle: RAM (configuration and codes) back to the power-on defaults. */
  void powerCut() {
    config = new BoardConfig(4, 16, 0, 8, 256);
    plus = new int[config.synapseCount()];
    minus = new int[config.synapseCount()];
  }

  @Override
  public void saveToEeprom() {}

  @Override
  public void loadFromEeprom() {}

  @Override
  public BoardCounters counters() {
    exchange("COUNTERS");
    return new BoardCounters(frames, 0, 0, 0, pulses);
  }

  @Override
  public void reset() {
    powerCut();
  }

  @Override
  public void close() {
    closed = true;
  }
}
