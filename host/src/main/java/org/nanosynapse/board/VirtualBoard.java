package org.nanosynapse.board;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.link.Crc16;
import org.nanosynapse.link.Frame;
import org.nanosynapse.link.FrameCodec;
import org.nanosynapse.link.FrameReceiver;
import org.nanosynapse.link.MessageType;
import org.nanosynapse.link.NackError;
import org.nanosynapse.link.PayloadReader;
import org.nanosynapse.link.PayloadWriter;

/**
 * The firmware of PROTOCOL.md in Java: bytes in, bytes out, through the same frame codec as the
 * host. Implements the receive checks, duplicate suppression, staging and commit, device emulation,
 * §Arithmetic, counters and two-slot EEPROM records kept in memory. Capacities are those of
 * firmware 1.1.0. With an {@link EmulatedMemristor} it has a physical channel (PHYS_PULSE moves the
 * memristor, PHYS_READ reads its divider); without one it NACKs them PHYS_UNAVAILABLE, as a build
 * without pins does. Not thread-safe: one caller feeds it.
 */
public final class VirtualBoard {
  public static final String FIRMWARE_NAME = "nanosynapse";
  public static final int FW_MAJOR = 1;
  public static final int FW_MINOR = 1;
  public static final int FW_PATCH = 0;
  public static final int MAX_NEURONS = 8;
  public static final int MAX_INPUTS = 32;
  public static final int MAX_SYNAPSES = 68;
  public static final int MAX_AMPLITUDES = 4;
  public static final int MAX_STAGE_COUNT = (Frame.MAX_PAYLOAD - 3) / 4;
  public static final int MAX_READ_COUNT = 10;
  public static final int MAX_PULSE_COUNT = 1000;

  /** Board-wide device constants and the power-law entries, [polarity][amp_index]. */
  private static final class DeviceTable {
    boolean[][] loaded = new boolean[2][MAX_AMPLITUDES];
    float[][] r0Ohm = new float[2][MAX_AMPLITUDES];
    float[][] r1Ohm = new float[2][MAX_AMPLITUDES];
    float[][] exponent = new float[2][MAX_AMPLITUDES];
    float conductanceLsbS;
    float readVoltageV;
    float pulseWidthS;

    DeviceTable copy() {
      DeviceTable t = new DeviceTable();
      for (int p = 0; p < 2; p++) {
        t.loaded[p] = loaded[p].clone();
        t.r0Ohm[p] = r0Ohm[p].clone();
        t.r1Ohm[p] = r1Ohm[p].clone();
        t.exponent[p] = exponent[p].clone();
      }
      t.conductanceLsbS = conductanceLsbS;
      t.readVoltageV = readVoltageV;
      t.pulseWidthS = pulseWidthS;
      return t;
    }
  }

  /** What SAVE_EEPROM keeps: configuration, live codes, device parameters, PHYS_CONFIG. */
  private record Snapshot(
      int nNeurons, int nInputs, int activation, int fracBits, int k, int[] plus, int[] minus,
      DeviceTable devices, float seriesResistorOhm) {}

  /** A two-slot EEPROM record: each slot valid or not, with its generation. */
  private static final class TwoSlots<T> {
    final Object[] data = new Object[2];
    final long[] generation = new long[2];

    int newest() {
      int best = -1;
      for (int s = 0; s < 2; s++) {
        if (data[s] != null && (best < 0 || generation[s] > generation[best])) {
          best = s;
        }
      }
      return best;
    }

    /** Writes to the slot that is not the newest valid one; returns that slot. */
    int write(T value) {
      int newest = newest();
      int slot = newest < 0 ? 0 : 1 - newest;
      generation[slot] = newest < 0 ? 1 : generation[newest] + 1;
      data[slot] = value;
      return slot;
    }

    @SuppressWarnings("unchecked")
    T read(int slot) {
      return (T) data[slot];
    }
  }

  // EEPROM: survives reset and power cycles.
  private final TwoSlots<Integer> boardIdRecord = new TwoSlots<>();
  private final TwoSlots<Snapshot> stateRecord = new TwoSlots<>();

  // RAM.
  private int nNeurons;
  private int nInputs;
  private int activation;
  private int fracBits;
  private int weightScale;
  private final int[] plus = new int[MAX_SYNAPSES];
  private final int[] minus = new int[MAX_SYNAPSES];
  private final short[] weights = new short[MAX_SYNAPSES];
  private final int[] stagedPlus = new int[MAX_SYNAPSES];
  private final int[] stagedMinus = new int[MAX_SYNAPSES];
  private final boolean[] staged = new boolean[MAX_SYNAPSES];
  private DeviceTable devices;
  private float seriesResistorOhm;
  private long framesGood;
  private long framesBad;
  private long duplicates;
  private long nacks;
  private long pulses;
  private long physPulses;
  private long eepromSaves;
  private boolean hasCache;
  private int cacheSeq;
  private int cacheType;
  private int cacheCrc;
  private byte[] cachedResponse;
  private final FrameReceiver receiver;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final boolean reportElapsed;
  /** The memristor on D5/D6/A0, or null for a board without pins. */
  private final EmulatedMemristor memristor;

  /** A board with a blank EEPROM (board id 0) whose INFER reports its compute time. */
  public VirtualBoard() {
    this(true);
  }

  /** @param reportElapsed false to report elapsed_us = 0, like a build without a clock */
  public VirtualBoard(boolean reportElapsed) {
    this(reportElapsed, null);
  }

  /**
   * @param reportElapsed false to report elapsed_us = 0, like a build without a clock
   * @param memristor the device on the physical channel, or null for a board without pins
   */
  public VirtualBoard(boolean reportElapsed, EmulatedMemristor memristor) {
    this.reportElapsed = reportElapsed;
    this.memristor = memristor;
    this.receiver = new FrameReceiver((decoded, wire) -> handle(decoded));
    powerOn();
  }

  /**
   * A board whose EEPROM already holds {@code boardId}, as after SET_BOARD_ID, with the new device on
   * its physical channel ({@link EmulatedMemristor#newDevice}, seeded by the board id).
   */
  public static VirtualBoard withBoardId(int boardId) {
    VirtualBoard b = new VirtualBoard(true, EmulatedMemristor.newDevice(boardId));
    b.boardIdRecord.write(boardId);
    return b;
  }

  /** Power-on state: EEPROM's newest state slot or the defaults; staging, counters, cache cleared. */
  public void powerOn() {
    receiver.reset();
    hasCache = false;
    cachedResponse = null;
    output.reset();
    bootState();
  }

  private void bootState() {
    int slot = stateRecord.newest();
    if (slot >= 0) {
      restore(stateRecord.read(slot));
    } else {
      loadDefaults();
    }
    Arrays.fill(staged, false);
    framesGood = framesBad = duplicates = nacks = pulses = physPulses = eepromSaves = 0;
  }

  private void loadDefaults() {
    nNeurons = 4;
    nInputs = 16;
    activation = 0;
    fracBits = 8;
    weightScale = 256;
    Arrays.fill(plus, 0);
    Arrays.fill(minus, 0);
    devices = new DeviceTable();
    devices.loaded[0][0] = true;
    devices.r0Ohm[0][0] = 200f;
    devices.r1Ohm[0][0] = 2.3e8f;
    devices.exponent[0][0] = -0.146f;
    devices.conductanceLsbS = 1e-12f;
    devices.readVoltageV = -1f;
    devices.pulseWidthS = 0.1f;
    seriesResistorOhm = 100_000f;
    recomputeWeights();
  }

  /** Feeds received bytes; returns the bytes the board sends in answer (possibly none). */
  public byte[] receive(byte[] bytes, int offset, int length) {
    receiver.accept(bytes, offset, length);
    byte[] out = output.toByteArray();
    output.reset();
    return out;
  }

  public byte[] receive(byte[] bytes) {
    return receive(bytes, 0, bytes.length);
  }

  public int boardId() {
    int slot = boardIdRecord.newest();
    return slot < 0 ? 0 : boardIdRecord.read(slot);
  }

  private void handle(FrameCodec.Decoded decoded) {
    if (!decoded.ok()) {
      framesBad++;
      return;
    }
    framesGood++;
    Frame request = decoded.frame();
    byte[] body = FrameCodec.body(request);
    int crc = (body[body.length - 2] & 0xFF) | (body[body.length - 1] & 0xFF) << 8;
    if (hasCache && cacheSeq == request.seq() && cacheType == request.type() && cacheCrc == crc) {
      duplicates++;
      output.write(cachedResponse, 0, cachedResponse.length);
      return;
    }
    boolean reset = request.version() == Frame.VERSION && request.type() == MessageType.RESET.code
        && request.payloadLength() == 0;
    Frame response = execute(request);
    byte[] wire = FrameCodec.encode(response);
    hasCache = true;
    cacheSeq = request.seq();
    cacheType = request.type();
    cacheCrc = crc;
    cachedResponse = wire;
    output.write(wire, 0, wire.length);
    if (reset) {
      // After the ACK is sent: power-on state, but the cache keeps the RESET's ACK.
      receiver.reset();
      bootState();
    }
  }

  /** A NACK raised while executing a request. */
  private static final class Nack extends Exception {
    final NackError error;
    final int detail;

    Nack(NackError error, int detail) {
      super(null, null, false, false);
      this.error = error;
      this.detail = detail;
    }
  }

  private Frame execute(Frame request) {
    try {
      if (request.version() != Frame.VERSION) {
        throw new Nack(NackError.BAD_VERSION, Frame.VERSION);
      }
      MessageType type = MessageType.of(request.type());
      if (type == null) {
        throw new Nack(NackError.UNKNOWN_TYPE, 0);
      }
      byte[] payload = request.payload();
      checkLength(type, payload);
      byte[] ack = dispatch(type, new PayloadReader(payload));
      return new Frame(request.seq(), type.code | Frame.ACK_BIT, ack);
    } catch (Nack n) {
      nacks++;
      byte[] p = new PayloadWriter().u8(request.type()).u8(n.error.code).u16(n.detail).toBytes();
      return new Frame(request.seq(), Frame.NACK_TYPE, p);
    }
  }

  /** Validation step (1) of §Messages: the payload length, WRITE_STAGE's count with it. */
  private void checkLength(MessageType type, byte[] payload) throws Nack {
    int expected;
    if (type == MessageType.WRITE_STAGE) {
      if (payload.length < 3) {
        throw new Nack(NackError.BAD_LENGTH, 3);
      }
      int count = payload[2] & 0xFF;
      if (count < 1 || count > MAX_STAGE_COUNT) {
        throw new Nack(NackError.BAD_ARG, 2);
      }
      expected = 3 + 4 * count;
    } else if (type == MessageType.INFER) {
      expected = 2 * nInputs;
    } else {
      expected = type.requestLength;
    }
    if (payload.length != expected) {
      throw new Nack(NackError.BAD_LENGTH, expected);
    }
  }

  private int synapseCount() {
    return nNeurons * (nInputs + 1);
  }

  private byte[] dispatch(MessageType type, PayloadReader in) throws Nack {
    PayloadWriter out = new PayloadWriter();
    switch (type) {
      case IDENTIFY -> out.u8(Frame.VERSION).u8(FW_MAJOR).u8(FW_MINOR).u8(FW_PATCH)
          .u16(boardId()).u8(MAX_NEURONS).u8(MAX_INPUTS).u16(MAX_SYNAPSES).u8(MAX_AMPLITUDES)
          .u8(memristor != null ? 1 : 0).u8(Frame.MAX_PAYLOAD).u8(nNeurons).u8(nInputs).u8(activation).u8(fracBits)
          .u16(weightScale).ascii(FIRMWARE_NAME);
      case CONFIGURE -> configure(in, out);
      case LOAD_DEVICE_PARAMS -> loadDeviceParams(in);
      case READ_DEVICE_PARAMS -> readDeviceParams(in, out);
      case WRITE_STAGE -> writeStage(in, out);
      case COMMIT -> commit(in, out);
      case ABORT_STAGE -> Arrays.fill(staged, false);
      case READ_WEIGHTS -> readWeights(in, out);
      case APPLY_PULSES -> applyPulses(in, out);
      case READ_SYNAPSE -> readSynapse(in, out);
      case INFER -> infer(in, out);
      case SAVE_EEPROM -> {
        int slot = stateRecord.write(snapshot());
        eepromSaves++;
        out.u32(stateRecord.generation[slot]).u8(slot);
      }
      case LOAD_EEPROM -> {
        int slot = stateRecord.newest();
        if (slot < 0) {
          throw new Nack(NackError.EEPROM_EMPTY, 0);
        }
        restore(stateRecord.read(slot));
        Arrays.fill(staged, false);
        out.u32(stateRecord.generation[slot]).u8(slot);
      }
      case COUNTERS -> {
        int clear = in.u8();
        if (clear > 1) {
          throw new Nack(NackError.BAD_ARG, 0);
        }
        out.u32(framesGood).u32(framesBad).u32(duplicates).u32(nacks).u32(pulses).u32(physPulses)
            .u32(eepromSaves);
        if (clear == 1) {
          framesGood = framesBad = duplicates = nacks = pulses = physPulses = eepromSaves = 0;
        }
      }
      case RESET -> {
        // Done by handle() after the ACK is queued.
      }
      case SET_BOARD_ID -> {
        int id = in.u16();
        boardIdRecord.write(id);
        eepromSaves++;
        out.u16(id);
      }
      case PHYS_CONFIG -> {
        float r = in.f32();
        if (!Float.isFinite(r) || !(r > 0)) {
          throw new Nack(NackError.BAD_ARG, 0);
        }
        seriesResistorOhm = r;
        out.f32(r);
      }
      case PHYS_PULSE -> {
        int pin = in.u8();
        long widthUs = in.u32();
        int count = in.u16();
        long gapUs = in.u32();
        if (pin > 1) {
          throw new Nack(NackError.BAD_ARG, 0);
        }
        if (widthUs < 1 || widthUs > 60_000_000L) {
          throw new Nack(NackError.BAD_ARG, 1);
        }
        if (count < 1 || count > MAX_PULSE_COUNT) {
          throw new Nack(NackError.BAD_ARG, 5);
        }
        if (gapUs > 60_000_000L || count * (widthUs + gapUs) > 120_000_000L) {
          throw new Nack(NackError.BAD_ARG, 7);
        }
        if (memristor == null) {
          throw new Nack(NackError.PHYS_UNAVAILABLE, 0);
        }
        // Every width here is at least 1 µs, the shortest high the emulated memristor counts.
        memristor.pulse(pin == 0 ? Polarity.SET : Polarity.RESET, count);
        physPulses += count;
        out.u16(count);
      }
      case PHYS_READ -> {
        int samples = in.u8();
        if (samples < 1 || samples > 64) {
          throw new Nack(NackError.BAD_ARG, 0);
        }
        if (memristor == null) {
          throw new Nack(NackError.PHYS_UNAVAILABLE, 0);
        }
        int sum = memristor.adcCode() * samples;
        out.u16(sum).u8(samples).f32(dividerResistanceOhm(sum, samples, seriesResistorOhm));
      }
    }
    return out.toBytes();
  }

  /** PHYS_READ's resistance in f32 as the firmware computes it: m = sum/samples, R = R_s·m/(1023 − m). */
  static float dividerResistanceOhm(int adcSum, int samples, float seriesResistorOhm) {
    float m = (float) adcSum / samples;
    if (m <= 0f) {
      return 0f;
    }
    if (m >= 1023f) {
      return Float.POSITIVE_INFINITY;
    }
    return seriesResistorOhm * m / (1023f - m);
  }

  /** The memristor on the physical channel, or null for a board without pins. */
  public EmulatedMemristor memristor() {
    return memristor;
  }

  private void configure(PayloadReader in, PayloadWriter out) throws Nack {
    int neurons = in.u8();
    int inputs = in.u8();
    int act = in.u8();
    int f = in.u8();
    int k = in.u16();
    if (neurons < 1 || neurons > MAX_NEURONS) {
      throw new Nack(NackError.BAD_ARG, 0);
    }
    if (inputs > MAX_INPUTS || neurons * (inputs + 1) > MAX_SYNAPSES) {
      throw new Nack(NackError.BAD_ARG, 1);
    }
    if (!BoardArithmetic.isActivation(act)) {
      throw new Nack(NackError.BAD_ARG, 2);
    }
    if (f > 14) {
      throw new Nack(NackError.BAD_ARG, 3);
    }
    if (k > 32767) {
      throw new Nack(NackError.BAD_ARG, 4);
    }
    Arrays.fill(staged, false);
    if (neurons != nNeurons || inputs != nInputs) {
      Arrays.fill(plus, 0);
      Arrays.fill(minus, 0);
    }
    nNeurons = neurons;
    nInputs = inputs;
    activation = act;
    fracBits = f;
    weightScale = k;
    recomputeWeights();
    out.u16(synapseCount());
  }

  private void loadDeviceParams(PayloadReader in) throws Nack {
    int polarity = in.u8();
    int amp = in.u8();
    float r0 = in.f32();
    float r1 = in.f32();
    float a = in.f32();
    float g = in.f32();
    float readV = in.f32();
    float width = in.f32();
    checkEntry(polarity, amp);
    if (!Float.isFinite(r0) || !(r0 > 0)) {
      throw new Nack(NackError.BAD_ARG, 2);
    }
    if (!Float.isFinite(r1) || !(r1 > 0)) {
      throw new Nack(NackError.BAD_ARG, 6);
    }
    if (!Float.isFinite(a) || (polarity == 0 ? !(a < 0) : !(a > 0))) {
      throw new Nack(NackError.BAD_ARG, 10);
    }
    if (!Float.isFinite(g) || !(g > 0)) {
      throw new Nack(NackError.BAD_ARG, 14);
    }
    if (!Float.isFinite(readV)) {
      throw new Nack(NackError.BAD_ARG, 18);
    }
    if (!Float.isFinite(width) || !(width > 0)) {
      throw new Nack(NackError.BAD_ARG, 22);
    }
    devices.loaded[polarity][amp] = true;
    devices.r0Ohm[polarity][amp] = r0;
    devices.r1Ohm[polarity][amp] = r1;
    devices.exponent[polarity][amp] = a;
    devices.conductanceLsbS = g;
    devices.readVoltageV = readV;
    devices.pulseWidthS = width;
  }

  private static void checkEntry(int polarity, int amp) throws Nack {
    if (polarity > 1) {
      throw new Nack(NackError.BAD_ARG, 0);
    }
    if (amp >= MAX_AMPLITUDES) {
      throw new Nack(NackError.BAD_ARG, 1);
    }
  }

  private void readDeviceParams(PayloadReader in, PayloadWriter out) throws Nack {
    int polarity = in.u8();
    int amp = in.u8();
    checkEntry(polarity, amp);
    boolean loaded = devices.loaded[polarity][amp];
    out.u8(loaded ? 1 : 0).u8(polarity).u8(amp);
    out.f32(loaded ? devices.r0Ohm[polarity][amp] : 0f);
    out.f32(loaded ? devices.r1Ohm[polarity][amp] : 0f);
    out.f32(loaded ? devices.exponent[polarity][amp] : 0f);
    out.f32(devices.conductanceLsbS).f32(devices.readVoltageV).f32(devices.pulseWidthS);
  }

  private void writeStage(PayloadReader in, PayloadWriter out) throws Nack {
    int offset = in.u16();
    int count = in.u8();
    if (offset >= synapseCount()) {
      throw new Nack(NackError.BAD_ARG, 0);
    }
    if (offset + count > synapseCount()) {
      throw new Nack(NackError.BAD_ARG, 2);
    }
    for (int j = 0; j < count; j++) {
      stagedPlus[offset + j] = in.u16();
      stagedMinus[offset + j] = in.u16();
      staged[offset + j] = true;
    }
    out.u16(offset).u8(count);
  }

  private void commit(PayloadReader in, PayloadWriter out) throws Nack {
    int count = in.u16();
    int crc = in.u16();
    int n = synapseCount();
    if (count != n) {
      throw new Nack(NackError.STAGE_COUNT, n);
    }
    for (int s = 0; s < n; s++) {
      if (!staged[s]) {
        throw new Nack(NackError.STAGE_INCOMPLETE, s);
      }
    }
    int computed = stagingCrc(stagedPlus, stagedMinus, n);
    if (computed != crc) {
      throw new Nack(NackError.STAGE_CRC, computed);
    }
    System.arraycopy(stagedPlus, 0, plus, 0, n);
    System.arraycopy(stagedMinus, 0, minus, 0, n);
    Arrays.fill(staged, false);
    recomputeWeights();
    out.u16(n);
  }

  /** CRC-16/CCITT-FALSE over c_plus LE, c_minus LE of synapses 0 .. n−1. */
  public static int stagingCrc(int[] plusCodes, int[] minusCodes, int n) {
    byte[] bytes = new byte[4 * n];
    for (int s = 0; s < n; s++) {
      bytes[4 * s] = (byte) plusCodes[s];
      bytes[4 * s + 1] = (byte) (plusCodes[s] >>> 8);
      bytes[4 * s + 2] = (byte) minusCodes[s];
      bytes[4 * s + 3] = (byte) (minusCodes[s] >>> 8);
    }
    return Crc16.of(bytes);
  }

  private void readWeights(PayloadReader in, PayloadWriter out) throws Nack {
    int offset = in.u16();
    int count = in.u8();
    if (offset >= synapseCount()) {
      throw new Nack(NackError.BAD_ARG, 0);
    }
    if (count < 1 || count > MAX_READ_COUNT || offset + count > synapseCount()) {
      throw new Nack(NackError.BAD_ARG, 2);
    }
    out.u16(offset).u8(count);
    for (int s = offset; s < offset + count; s++) {
      out.u16(plus[s]).u16(minus[s]).i16(weights[s]);
    }
  }

  private void applyPulses(PayloadReader in, PayloadWriter out) throws Nack {
    int synapse = in.u16();
    int device = in.u8();
    int polarity = in.u8();
    int amp = in.u8();
    int count = in.u16();
    if (synapse >= synapseCount()) {
      throw new Nack(NackError.BAD_ARG, 0);
    }
    if (device > 1) {
      throw new Nack(NackError.BAD_ARG, 2);
    }
    if (polarity > 1) {
      throw new Nack(NackError.BAD_ARG, 3);
    }
    if (amp >= MAX_AMPLITUDES) {
      throw new Nack(NackError.BAD_ARG, 4);
    }
    if (count < 1 || count > MAX_PULSE_COUNT) {
      throw new Nack(NackError.BAD_ARG, 5);
    }
    if (!devices.loaded[polarity][amp]) {
      throw new Nack(NackError.NO_PARAMS, polarity * 256 + amp);
    }
    int[] codes = device == 0 ? plus : minus;
    int c = codes[synapse];
    for (int i = 0; i < count; i++) {
      c = DeviceEmulation.pulse(
          c, devices.r0Ohm[polarity][amp], devices.r1Ohm[polarity][amp],
          devices.exponent[polarity][amp], devices.conductanceLsbS);
    }
    codes[synapse] = c;
    pulses += count;
    weights[synapse] = BoardArithmetic.weight(plus[synapse], minus[synapse], weightScale);
    out.u16(plus[synapse]).u16(minus[synapse]).i16(weights[synapse]);
  }

  private void readSynapse(PayloadReader in, PayloadWriter out) throws Nack {
    int synapse = in.u16();
    if (synapse >= synapseCount()) {
      throw new Nack(NackError.BAD_ARG, 0);
    }
    out.u16(plus[synapse]).u16(minus[synapse]).i16(weights[synapse]);
    out.f32(DeviceEmulation.resistanceOhm(plus[synapse], devices.conductanceLsbS));
    out.f32(DeviceEmulation.resistanceOhm(minus[synapse], devices.conductanceLsbS));
  }

  private void infer(PayloadReader in, PayloadWriter out) {
    long start = System.nanoTime();
    short[] x = new short[nInputs];
    for (int i = 0; i < nInputs; i++) {
      x[i] = in.i16();
    }
    short[] y = new short[nNeurons];
    for (int j = 0; j < nNeurons; j++) {
      y[j] = BoardArithmetic.neuron(weights, j * (nInputs + 1), x, nInputs, fracBits, activation);
    }
    for (short v : y) {
      out.i16(v);
    }
    long elapsedUs = reportElapsed ? (System.nanoTime() - start) / 1000 : 0;
    out.u32(elapsedUs & 0xFFFFFFFFL);
  }

  private void recomputeWeights() {
    for (int s = 0; s < MAX_SYNAPSES; s++) {
      weights[s] = BoardArithmetic.weight(plus[s], minus[s], weightScale);
    }
  }

  private Snapshot snapshot() {
    return new Snapshot(
        nNeurons, nInputs, activation, fracBits, weightScale, plus.clone(), minus.clone(),
        devices.copy(), seriesResistorOhm);
  }

  private void restore(Snapshot s) {
    nNeurons = s.nNeurons();
    nInputs = s.nInputs();
    activation = s.activation();
    fracBits = s.fracBits();
    weightScale = s.k();
    System.arraycopy(s.plus(), 0, plus, 0, MAX_SYNAPSES);
    System.arraycopy(s.minus(), 0, minus, 0, MAX_SYNAPSES);
    devices = s.devices().copy();
    seriesResistorOhm = s.seriesResistorOhm();
    recomputeWeights();
  }
}
