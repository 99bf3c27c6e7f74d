package org.nanosynapse.link;

import java.util.List;

/**
 * One neuron board as the network controller sees it: a real Nano on a serial port, an emulated one
 * (the real firmware in simavr behind a pty), or the in-process virtual board. Every call is one
 * request–response exchange of {@code firmware/PROTOCOL.md} (or a bounded sequence of them) with
 * integrity checks and retransmits below it; a call either succeeds or throws {@link BoardException}
 * naming the board, the command and what was expected.
 */
public interface Board extends AutoCloseable {

  /** The port path or a descriptive name, for messages. */
  String address();

  BoardIdentity identify();

  void configure(BoardConfig config);

  void loadDeviceParameters(BoardDeviceParameters parameters);

  /**
   * Uploads the device codes of every synapse, staged in chunks and committed in one step. If any
   * chunk or the commit fails, the board keeps its previous weights whole and this throws.
   */
  void writeSynapses(List<SynapseCodes> synapses);

  /** Reads back the device codes and derived int16 weights of every configured synapse. */
  List<SynapseState> readSynapses();

  SynapseState readSynapse(int synapseIndex);

  /** Applies {@code count} pulses to one device of a synapse pair; returns the synapse afterwards. */
  SynapseState applyPulses(PulseCommand command);

  InferenceResult infer(short[] inputsRaw);

  void saveToEeprom();

  void loadFromEeprom();

  BoardCounters counters();

  /**
   * PHYS_CONFIG: tells the board the series resistor R_s of its physical channel's divider, Ω.
   * Returns the value the board acknowledged (f32). Boards without a physical channel throw.
   */
  default double configurePhysicalChannel(double seriesResistorOhm) {
    throw new BoardException("board " + address() + ": PHYS_CONFIG: this board has no physical channel");
  }

  /** PHYS_PULSE: a pulse train on the physical channel's SET or RESET pin; returns after the last pulse. */
  default void physicalPulses(PhysicalPulse pulse) {
    throw new BoardException("board " + address() + ": PHYS_PULSE: this board has no physical channel");
  }

  /** PHYS_READ: {@code samples} (1..64) ADC readings of the physical channel's divider. */
  default PhysicalReading readPhysical(int samples) {
    throw new BoardException("board " + address() + ": PHYS_READ: this board has no physical channel");
  }

  /** Software reset of the board; the connection is re-established and the board re-identified. */
  void reset();

  @Override
  void close();
}
