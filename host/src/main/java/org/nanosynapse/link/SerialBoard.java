package org.nanosynapse.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nanosynapse.device.Polarity;

/**
 * A {@link Board} reached through PROTOCOL.md over any {@link Transport}: a Nano on USB, an emulated
 * board on a pty, or the in-process virtual board. Below each call: timeouts and bounded
 * retransmits ({@link FrameLink}); the handshake after the auto-reset of a real Nano (IDENTIFY
 * retried until the bootloader is done); a check after idle time that the board did not reset; and
 * reconnect: when the link dies the port is re-opened, the board re-identified (same board id,
 * firmware and protocol version), the last committed configuration, device parameters and weights
 * re-sent, and the interrupted call done again. When the port's path does not come back within the
 * reconnect window, the board is looked for by its board id among the ports its transport offers
 * ({@link Transport#relocationCandidates()}: listed likely Nanos) and followed there, logged as an
 * event. Errors name the board, the command and what was expected.
 */
public final class SerialBoard implements Board {
  public static final int PROTOCOL_VERSION = 1;
  public static final String FIRMWARE_NAME = "nanosynapse";
  /** Synapses per WRITE_STAGE at most: (max_payload - 3) / 4 of PROTOCOL.md, 39 with 160-byte payloads. */
  static final int STAGE_CHUNK = (Frame.MAX_PAYLOAD - 3) / 4;
  static final int READ_CHUNK = 10;
  static final int MAX_PULSES_PER_REQUEST = 1000;

  private final Transport transport;
  private final LinkOptions options;
  private final FrameLink link;
  private Map<String, String> lastIdentify;
  private BoardIdentity identity;
  private BoardConfig config;
  private BoardDeviceParameters deviceParameters;
  /** The last acknowledged PHYS_CONFIG series resistor, Ω (NaN: never configured). */
  private double seriesResistorOhm = Double.NaN;
  private int[] plusCodes;
  private int[] minusCodes;
  private boolean restoring;
  private long reconnects;
  private long lastCallNanos = System.nanoTime();
  private long framesGoodSeen = -1;
  private long requestsAtFramesGoodSeen;
  private boolean restartDetected;
  private final List<String> events = new ArrayList<>();
  /** Rare and worth seeing live (a board moved to another port): stderr unless the caller takes them. */
  private Consumer<String> eventListener = System.err::println;

  private SerialBoard(Transport transport, LinkOptions options, int initialSeq) {
    this.transport = transport;
    this.options = options;
    this.link = initialSeq < 0 ? new FrameLink(transport, options) : new FrameLink(transport, options, initialSeq);
  }

  /**
   * Connects to a board on an open transport: waits for it to settle after the port opened, retries
   * IDENTIFY until it answers, and checks its protocol version.
   */
  public static SerialBoard connect(Transport transport, LinkOptions options) {
    return connect(transport, options, -1);
  }

  /** As {@link #connect(Transport, LinkOptions)} with a fixed first sequence number (for replays). */
  public static SerialBoard connect(Transport transport, LinkOptions options, int initialSeq) {
    SerialBoard b = new SerialBoard(transport, options, initialSeq);
    try {
      b.handshake(options.handshakeTimeoutMs());
      // Until configured, the board works with what it booted with (its EEPROM or the defaults).
      b.config = b.reportedConfig();
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
    return b;
  }

  @Override
  public String address() {
    return transport.name();
  }

  /** "board /dev/ttyUSB0 (id 3)", the prefix of every error message. */
  public String label() {
    return "board " + address() + (identity != null ? " (id " + identity.boardId() + ")" : "");
  }

  // ---------------------------------------------------------------- handshake and reconnect

  private void handshake(long timeoutMs) {
    sleep(options.settleAfterOpenMs());
    transport.discardInput();
    link.resync();
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    Map<String, String> reply;
    while (true) {
      try {
        reply = ackFields(MessageType.IDENTIFY, link.exchange(new FrameLink.Request(MessageType.IDENTIFY, new byte[0])));
        break;
      } catch (LinkDeadException e) {
        if (System.nanoTime() > deadline) {
          throw new LinkDeadException(label() + ": IDENTIFY: expected an answer after opening the port, got none in "
              + timeoutMs + " ms (is it a NanoSynapse board running at 115200 baud?)", e);
        }
        link.resync();
      }
    }
    BoardIdentity id = toIdentity(reply);
    if (id.protocolVersion() != PROTOCOL_VERSION) {
      throw new BoardException(label() + ": IDENTIFY: expected protocol version " + PROTOCOL_VERSION
          + ", board speaks version " + id.protocolVersion() + " (firmware " + id.firmwareName() + " "
          + id.firmwareVersion() + "); flash the firmware of this release");
    }
    if (!FIRMWARE_NAME.equals(id.firmwareName())) {
      throw new BoardException(label() + ": IDENTIFY: expected firmware '" + FIRMWARE_NAME + "', board runs '"
          + id.firmwareName() + "'");
    }
    if (identity != null) {
      if (identity.boardId() != id.boardId()) {
        throw new BoardException(label() + ": IDENTIFY after reconnect: expected the same board id "
            + identity.boardId() + ", a board with id " + id.boardId() + " answered");
      }
      if (!identity.firmwareVersion().equals(id.firmwareVersion())) {
        throw new BoardException(label() + ": IDENTIFY after reconnect: expected firmware "
            + identity.firmwareVersion() + ", board now runs " + id.firmwareVersion());
      }
    }
    identity = id;
    lastIdentify = reply;
    observeCounters();
  }

  private static BoardIdentity toIdentity(Map<String, String> f) {
    return new BoardIdentity(
        f.get("name"),
        f.get("fw_major") + "." + f.get("fw_minor") + "." + f.get("fw_patch"),
        Integer.parseInt(f.get("protocol_version")),
        Integer.parseInt(f.get("board_id")),
        Integer.parseInt(f.get("max_neurons")),
        Integer.parseInt(f.get("max_inputs")),
        Integer.parseInt(f.get("phys_channels")),
        Integer.parseInt(f.get("max_synapses")),
        Integer.parseInt(f.get("max_amplitudes")));
  }

  /** Re-opens the port, re-identifies the board and re-sends the last committed state. */
  private void reconnect(String command, RuntimeException cause) {
    long deadline = System.nanoTime() + options.reconnectTimeoutMs() * 1_000_000L;
    RuntimeException last = cause;
    while (System.nanoTime() < deadline) {
      try {
        transport.reopen();
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
        handshake(Math.min(left, options.handshakeTimeoutMs()));
        restoreState();
        reconnects++;
        return;
      } catch (TransportException | LinkDeadException e) {
        last = e;
        sleep(Math.min(200, options.responseTimeoutMs()));
      }
    }
    // The same path did not come back: a replugged Nano may have been re-enumerated under another name.
    String lostPath = transport.name();
    List<String> tried = new ArrayList<>();
    if (relocate(lostPath, tried)) {
      return;
    }
    String elsewhere = tried.isEmpty() ? "" : "; not found on another likely Nano port either: " + String.join("; ", tried);
    throw new BoardException(label() + ": " + command + ": lost the board (" + oneLine(cause.getMessage())
        + ") and could not reconnect within " + options.reconnectTimeoutMs() + " ms: " + oneLine(last.getMessage())
        + elsewhere, last);
  }

  /**
   * Looks for this board (same board id and firmware, checked by the handshake) on the other ports the
   * transport offers and continues there. On failure the transport is left on the lost path, so no
   * later call talks to another board. Notes each port tried and why it was not taken.
   */
  private boolean relocate(String lostPath, List<String> tried) {
    List<String> candidates;
    try {
      candidates = transport.relocationCandidates();
    } catch (RuntimeException e) {
      tried.add("listing the serial ports failed: " + oneLine(e.getMessage()));
      return false;
    }
    for (String candidate : candidates) {
      try {
        transport.moveTo(candidate);
        handshake(options.handshakeTimeoutMs());
        restoreState();
        reconnects++;
        event("board id " + identity.boardId() + " moved from " + lostPath + " to " + candidate
            + " (the port was re-enumerated); continuing on " + candidate);
        return true;
      } catch (TransportException | BoardException e) {
        tried.add(candidate + ": " + oneLine(e.getMessage()));
      }
    }
    if (!candidates.isEmpty()) {
      try {
        transport.moveTo(lostPath);
      } catch (TransportException stillGone) {
        // Expected: the lost path is still missing; the transport stays closed on it.
      }
    }
    return false;
  }

  private void event(String text) {
    events.add(text);
    eventListener.accept(label() + ": " + text);
  }

  /** Link events so far (a board followed to another port), oldest first. */
  public List<String> events() {
    return List.copyOf(events);
  }

  /** Receives each link event as it happens, prefixed with the board's label (instead of stderr). */
  public void onEvent(Consumer<String> listener) {
    this.eventListener = listener == null ? e -> {} : listener;
  }

  private void restoreState() {
    restoring = true;
    try {
      if (config != null) {
        doConfigure(config);
      }
      if (deviceParameters != null) {
        doLoadDeviceParameters(deviceParameters);
      }
      if (!Double.isNaN(seriesResistorOhm)) {
        doConfigurePhysicalChannel(seriesResistorOhm);
      }
      if (config != null && plusCodes != null) {
        List<SynapseCodes> codes = new ArrayList<>(plusCodes.length);
        for (int s = 0; s < plusCodes.length; s++) {
          codes.add(new SynapseCodes(plusCodes[s], minusCodes[s]));
        }
        doWriteSynapses(codes);
      }
    } finally {
      restoring = false;
    }
  }

  /**
   * Runs one board call: first, after a quiet spell, checks the board did not reset under us; on a
   * dead link reconnects (restoring the committed state) and runs the call once more.
   */
  private <T> T call(String command, Supplier<T> op) {
    if (restoring) {
      return op.get();
    }
    try {
      if (options.idleCheckMs() > 0 && (System.nanoTime() - lastCallNanos) / 1_000_000L > options.idleCheckMs()) {
        restoreIfRestarted();
      }
      long retransmitsBefore = link.retransmits();
      T result;
      try {
        result = op.get();
      } catch (NackException e) {
        // A board that restarted while we retransmitted answers from its power-on state.
        if (link.retransmits() > retransmitsBefore && restoreIfRestarted()) {
          return op.get();
        }
        throw e;
      }
      if ((restartDetected || link.retransmits() > retransmitsBefore) && restoreIfRestarted()) {
        return op.get();
      }
      return result;
    } catch (LinkDeadException | TransportException e) {
      reconnect(command, e);
      try {
        return op.get();
      } catch (LinkDeadException | TransportException again) {
        throw new BoardException(label() + ": " + command + ": " + oneLine(again.getMessage())
            + " (also after a reconnect)", again);
      }
    } finally {
      lastCallNanos = System.nanoTime();
    }
  }

  /** Checks the board's counters; if it restarted under us, re-sends the committed state. */
  private boolean restoreIfRestarted() {
    if (!restartDetected) {
      readCounters();
    }
    if (!restartDetected) {
      return false;
    }
    restartDetected = false;
    restoreState();
    reconnects++;
    return true;
  }

  private void call(String command, Runnable op) {
    call(command, () -> {
      op.run();
      return null;
    });
  }

  private void observeCounters() {
    readCounters();
    restartDetected = false;
  }

  /**
   * COUNTERS; notes a restart when frames_good is below what the board counted when we last looked
   * plus the requests sent since (each reached it intact at least once).
   */
  private BoardCounters readCounters() {
    Map<String, String> f = request(MessageType.COUNTERS, new PayloadWriter().u8(0).toBytes(), 0);
    BoardCounters c = new BoardCounters(
        Long.parseLong(f.get("frames_good")), Long.parseLong(f.get("frames_bad")),
        Long.parseLong(f.get("duplicates")), Long.parseLong(f.get("nacks")), Long.parseLong(f.get("pulses")));
    long sent = link.requestsSent();
    if (framesGoodSeen >= 0 && c.framesGood() < framesGoodSeen + (sent - requestsAtFramesGoodSeen)) {
      restartDetected = true;
    }
    framesGoodSeen = c.framesGood();
    requestsAtFramesGoodSeen = sent;
    return c;
  }

  // ---------------------------------------------------------------- requests

  /** One request; returns the ACK's fields or throws naming the board and command. */
  private Map<String, String> request(MessageType type, byte[] payload, long extraTimeoutMs) {
    Frame answer;
    try {
      answer = link.exchange(new FrameLink.Request(type, payload, extraTimeoutMs));
    } catch (LinkDeadException e) {
      throw new LinkDeadException(label() + ": " + e.getMessage(), e);
    }
    return ackFields(type, answer);
  }

  private Map<String, String> ackFields(MessageType type, Frame answer) {
    if (answer.isNack()) {
      throw nack(type, answer);
    }
    try {
      return MessageFields.decode(answer.type(), true, answer.payload());
    } catch (IllegalArgumentException e) {
      throw new BoardException(label() + ": " + type + ": expected a well-formed ACK, got " + answer + " ("
          + e.getMessage() + ")");
    }
  }

  private NackException nack(MessageType type, Frame answer) {
    PayloadReader r = new PayloadReader(answer.payload());
    int code = answer.payloadLength() >= 2 ? answer.payload()[1] & 0xFF : -1;
    int detail = answer.payloadLength() >= 4 ? (answer.payload()[2] & 0xFF) | (answer.payload()[3] & 0xFF) << 8 : 0;
    NackError e = NackError.of(code);
    String what = e == null ? "error code " + code : e.name() + " (detail " + detail + " = " + e.detailMeaning + ")";
    return new NackException(label() + ": " + type + ": expected ACK, got NACK " + what, e, detail);
  }

  private static int polarityCode(Polarity p) {
    return p == Polarity.SET ? 0 : 1;
  }

  // ---------------------------------------------------------------- Board

  @Override
  public BoardIdentity identify() {
    return call("IDENTIFY", () -> {
      Map<String, String> f = request(MessageType.IDENTIFY, new byte[0], 0);
      lastIdentify = f;
      identity = toIdentity(f);
      return identity;
    });
  }

  /** The configuration the board reported in its last IDENTIFY answer. */
  public BoardConfig reportedConfig() {
    Map<String, String> f = lastIdentify;
    return new BoardConfig(Integer.parseInt(f.get("n_neurons")), Integer.parseInt(f.get("n_inputs")),
        Integer.parseInt(f.get("activation")), Integer.parseInt(f.get("frac_bits")), Integer.parseInt(f.get("k")));
  }

  @Override
  public void configure(BoardConfig c) {
    call("CONFIGURE", () -> doConfigure(c));
  }

  private void doConfigure(BoardConfig c) {
    byte[] p = new PayloadWriter().u8(c.neurons()).u8(c.inputs()).u8(c.activationCode()).u8(c.fractionalBits())
        .u16(c.weightScale()).toBytes();
    Map<String, String> f = request(MessageType.CONFIGURE, p, 0);
    int n = Integer.parseInt(f.get("n_synapses"));
    if (n != c.synapseCount()) {
      throw new BoardException(label() + ": CONFIGURE: expected " + c.synapseCount() + " synapses, board reports " + n);
    }
    boolean sameShape = config != null && config.neurons() == c.neurons() && config.inputs() == c.inputs();
    if (!sameShape && !restoring) {
      plusCodes = new int[n];
      minusCodes = new int[n];
    }
    config = c;
  }

  @Override
  public void loadDeviceParameters(BoardDeviceParameters parameters) {
    call("LOAD_DEVICE_PARAMS", () -> doLoadDeviceParameters(parameters));
  }

  private void doLoadDeviceParameters(BoardDeviceParameters p) {
    int max = identity.maxAmplitudes();
    if (p.setBranches().isEmpty() || p.setBranches().size() > max || p.resetBranches().size() > max) {
      throw new IllegalArgumentException(label() + ": LOAD_DEVICE_PARAMS: expected 1.." + max
          + " SET and 0.." + max + " RESET branches, got " + p.setBranches().size() + " and "
          + p.resetBranches().size());
    }
    for (Polarity polarity : Polarity.values()) {
      List<BoardDeviceParameters.Branch> branches =
          polarity == Polarity.SET ? p.setBranches() : p.resetBranches();
      for (int i = 0; i < branches.size(); i++) {
        BoardDeviceParameters.Branch b = branches.get(i);
        byte[] payload = new PayloadWriter().u8(polarityCode(polarity)).u8(i).f32((float) b.r0Ohm())
            .f32((float) b.r1Ohm()).f32((float) b.exponent()).f32((float) p.conductanceLsbS())
            .f32((float) p.readVoltageV()).f32((float) p.pulseWidthS()).toBytes();
        request(MessageType.LOAD_DEVICE_PARAMS, payload, 0);
      }
    }
    deviceParameters = p;
  }

  @Override
  public void writeSynapses(List<SynapseCodes> synapses) {
    call("WRITE_STAGE/COMMIT", () -> doWriteSynapses(synapses));
  }

  private void doWriteSynapses(List<SynapseCodes> synapses) {
    BoardConfig c = requireConfig("WRITE_STAGE");
    int n = c.synapseCount();
    if (synapses.size() != n) {
      throw new IllegalArgumentException(label() + ": WRITE_STAGE: expected codes for " + n
          + " synapses (the configured " + c.neurons() + " x (" + c.inputs() + " + 1)), got " + synapses.size());
    }
    int[] plus = new int[n];
    int[] minus = new int[n];
    byte[] staged = new byte[4 * n];
    for (int s = 0; s < n; s++) {
      plus[s] = synapses.get(s).plusCode();
      minus[s] = synapses.get(s).minusCode();
      staged[4 * s] = (byte) plus[s];
      staged[4 * s + 1] = (byte) (plus[s] >>> 8);
      staged[4 * s + 2] = (byte) minus[s];
      staged[4 * s + 3] = (byte) (minus[s] >>> 8);
    }
    List<FrameLink.Request> requests = new ArrayList<>();
    int chunk = stageChunk();
    for (int offset = 0; offset < n; offset += chunk) {
      int count = Math.min(chunk, n - offset);
      PayloadWriter w = new PayloadWriter().u16(offset).u8(count);
      for (int j = 0; j < count; j++) {
        w.u16(plus[offset + j]).u16(minus[offset + j]);
      }
      requests.add(new FrameLink.Request(MessageType.WRITE_STAGE, w.toBytes()));
    }
    requests.add(new FrameLink.Request(MessageType.COMMIT,
        new PayloadWriter().u16(n).u16(Crc16.of(staged)).toBytes()));
    // Staging is idempotent and COMMIT checks completeness and CRC, so the chunks and the COMMIT may
    // be in flight together; a NACKed COMMIT leaves the old weights whole and is simply redone.
    NackException lastNack = null;
    for (int round = 0; round < 3; round++) {
      List<Frame> answers;
      try {
        answers = link.exchange(requests, options.stageWindow());
      } catch (LinkDeadException e) {
        throw new LinkDeadException(label() + ": " + e.getMessage(), e);
      }
      for (int i = 0; i < answers.size() - 1; i++) {
        ackFields(MessageType.WRITE_STAGE, answers.get(i));
      }
      Frame commit = answers.get(answers.size() - 1);
      if (commit.isNack()) {
        lastNack = nack(MessageType.COMMIT, commit);
        if (lastNack.error() == NackError.STAGE_INCOMPLETE || lastNack.error() == NackError.STAGE_CRC) {
          continue;
        }
        throw lastNack;
      }
      int committed = Integer.parseInt(ackFields(MessageType.COMMIT, commit).get("count"));
      if (committed != n) {
        throw new BoardException(label() + ": COMMIT: expected " + n + " synapses committed, board reports " + committed);
      }
      plusCodes = plus;
      minusCodes = minus;
      return;
    }
    throw new BoardException(label() + ": COMMIT: expected ACK after re-staging 3 times; last answer: "
        + lastNack.getMessage(), lastNack);
  }

  /**
   * Synapses per WRITE_STAGE for this board: as many as its IDENTIFY's {@code max_payload} allows
   * (15 on firmware 1.0.0 with 64-byte payloads), at most {@link #STAGE_CHUNK}.
   */
  int stageChunk() {
    String maxPayload = lastIdentify == null ? null : lastIdentify.get("max_payload");
    int fromBoard = maxPayload == null ? STAGE_CHUNK : (Integer.parseInt(maxPayload) - 3) / 4;
    return Math.max(1, Math.min(STAGE_CHUNK, fromBoard));
  }

  private BoardConfig requireConfig(String command) {
    if (config == null) {
      throw new IllegalStateException(label() + ": " + command + ": configure the board first");
    }
    return config;
  }

  @Override
  public List<SynapseState> readSynapses() {
    return call("READ_WEIGHTS", () -> {
      int n = requireConfig("READ_WEIGHTS").synapseCount();
      List<FrameLink.Request> requests = new ArrayList<>();
      for (int offset = 0; offset < n; offset += READ_CHUNK) {
        int count = Math.min(READ_CHUNK, n - offset);
        requests.add(new FrameLink.Request(MessageType.READ_WEIGHTS, new PayloadWriter().u16(offset).u8(count).toBytes()));
      }
      List<Frame> answers;
      try {
        answers = link.exchange(requests, options.stageWindow());
      } catch (LinkDeadException e) {
        throw new LinkDeadException(label() + ": " + e.getMessage(), e);
      }
      List<SynapseState> out = new ArrayList<>(n);
      for (int i = 0; i < answers.size(); i++) {
        Map<String, String> f = ackFields(MessageType.READ_WEIGHTS, answers.get(i));
        int offset = Integer.parseInt(f.get("offset"));
        int count = Integer.parseInt(f.get("count"));
        if (offset != i * READ_CHUNK || count != Math.min(READ_CHUNK, n - offset)) {
          throw new BoardException(label() + ": READ_WEIGHTS: expected synapses from " + (i * READ_CHUNK)
              + ", board answered offset " + offset + " count " + count);
        }
        for (int j = 0; j < count; j++) {
          out.add(new SynapseState(offset + j,
              new SynapseCodes(Integer.parseInt(f.get("c_plus." + j)), Integer.parseInt(f.get("c_minus." + j))),
              Short.parseShort(f.get("w." + j))));
        }
      }
      return out;
    });
  }

  @Override
  public SynapseState readSynapse(int synapseIndex) {
    return call("READ_SYNAPSE", () -> {
      Map<String, String> f = request(MessageType.READ_SYNAPSE, new PayloadWriter().u16(synapseIndex).toBytes(), 0);
      return new SynapseState(synapseIndex,
          new SynapseCodes(Integer.parseInt(f.get("c_plus")), Integer.parseInt(f.get("c_minus"))),
          Short.parseShort(f.get("w")));
    });
  }

  @Override
  public SynapseState applyPulses(PulseCommand command) {
    if (command.count() < 1) {
      throw new IllegalArgumentException(label() + ": APPLY_PULSES: count must be at least 1, got " + command.count());
    }
    return call("APPLY_PULSES", () -> {
      SynapseState state = null;
      int left = command.count();
      while (left > 0) {
        int count = Math.min(left, MAX_PULSES_PER_REQUEST);
        byte[] p = new PayloadWriter().u16(command.synapseIndex())
            .u8(command.device() == PulseCommand.PairDevice.PLUS ? 0 : 1).u8(polarityCode(command.polarity()))
            .u8(command.amplitudeIndex()).u16(count).toBytes();
        Map<String, String> f = request(MessageType.APPLY_PULSES, p, 3L * count);
        state = new SynapseState(command.synapseIndex(),
            new SynapseCodes(Integer.parseInt(f.get("c_plus")), Integer.parseInt(f.get("c_minus"))),
            Short.parseShort(f.get("w")));
        // The pulses changed the board's committed state: a reconnect must restore this, not the old codes.
        if (plusCodes != null && command.synapseIndex() < plusCodes.length) {
          plusCodes[command.synapseIndex()] = state.codes().plusCode();
          minusCodes[command.synapseIndex()] = state.codes().minusCode();
        }
        left -= count;
      }
      return state;
    });
  }

  @Override
  public InferenceResult infer(short[] inputsRaw) {
    return call("INFER", () -> {
      BoardConfig c = requireConfig("INFER");
      if (inputsRaw.length != c.inputs()) {
        throw new IllegalArgumentException(label() + ": INFER: expected " + c.inputs() + " inputs, got " + inputsRaw.length);
      }
      PayloadWriter w = new PayloadWriter();
      for (short x : inputsRaw) {
        w.i16(x);
      }
      Map<String, String> f = request(MessageType.INFER, w.toBytes(), 20);
      short[] y = new short[c.neurons()];
      for (int j = 0; j < y.length; j++) {
        String v = f.get("y." + j);
        if (v == null) {
          throw new BoardException(label() + ": INFER: expected " + c.neurons() + " outputs, board sent fewer");
        }
        y[j] = Short.parseShort(v);
      }
      return new InferenceResult(y, Long.parseLong(f.get("elapsed_us")));
    });
  }

  @Override
  public void saveToEeprom() {
    call("SAVE_EEPROM", () -> {
      request(MessageType.SAVE_EEPROM, new byte[0], 1_600);
    });
  }

  @Override
  public void loadFromEeprom() {
    call("LOAD_EEPROM", () -> {
      request(MessageType.LOAD_EEPROM, new byte[0], 0);
      adoptBoardState();
    });
  }

  /** Takes the board's present configuration and codes as the state to restore after a reconnect. */
  private void adoptBoardState() {
    Map<String, String> f = request(MessageType.IDENTIFY, new byte[0], 0);
    lastIdentify = f;
    config = reportedConfig();
    deviceParameters = null;
    plusCodes = null;
    List<SynapseState> states = readSynapses();
    int[] plus = new int[states.size()];
    int[] minus = new int[states.size()];
    for (SynapseState s : states) {
      plus[s.synapseIndex()] = s.codes().plusCode();
      minus[s.synapseIndex()] = s.codes().minusCode();
    }
    plusCodes = plus;
    minusCodes = minus;
  }

  @Override
  public BoardCounters counters() {
    return call("COUNTERS", this::readCounters);
  }

  @Override
  public void reset() {
    call("RESET", () -> {
      request(MessageType.RESET, new byte[0], 0);
      handshake(options.handshakeTimeoutMs());
      restoring = true;
      try {
        adoptBoardState();
      } finally {
        restoring = false;
      }
    });
  }

  /** Stores a board id in the board's EEPROM (SET_BOARD_ID). */
  public void setBoardId(int boardId) {
    if (boardId < 0 || boardId > 0xFFFF) {
      throw new IllegalArgumentException("board id must be 0..65535: " + boardId);
    }
    call("SET_BOARD_ID", () -> {
      request(MessageType.SET_BOARD_ID, new PayloadWriter().u16(boardId).toBytes(), 100);
      identify();
    });
  }

  // ---------------------------------------------------------------- physical channel

  @Override
  public double configurePhysicalChannel(double seriesResistorOhm) {
    if (!(seriesResistorOhm > 0) || Double.isInfinite(seriesResistorOhm)) {
      throw new IllegalArgumentException(label() + ": PHYS_CONFIG: series_resistor_ohm must be finite and > 0, got "
          + seriesResistorOhm);
    }
    return call("PHYS_CONFIG", () -> doConfigurePhysicalChannel(seriesResistorOhm));
  }

  private double doConfigurePhysicalChannel(double ohm) {
    Map<String, String> f = request(MessageType.PHYS_CONFIG, new PayloadWriter().f32((float) ohm).toBytes(), 0);
    double acknowledged = MessageFields.parseFloat(f.get("series_resistor_ohm"));
    if (acknowledged != (float) ohm) {
      throw new BoardException(label() + ": PHYS_CONFIG: expected the board to echo " + (float) ohm
          + " Ohm, it answered " + acknowledged);
    }
    seriesResistorOhm = ohm;
    return acknowledged;
  }

  /**
   * {@inheritDoc} Not repeated after a reconnect: whether a train that was under way when the link
   * died reached the device is unknown, and a physical device cannot be rolled back, so this throws.
   */
  @Override
  public void physicalPulses(PhysicalPulse pulse) {
    byte[] p = new PayloadWriter().u8(pulse.pin()).u32(pulse.widthUs()).u16(pulse.count()).u32(pulse.gapUs())
        .toBytes();
    Map<String, String> f;
    try {
      f = request(MessageType.PHYS_PULSE, p, pulse.durationUs() / 1000 + 1);
    } catch (LinkDeadException | TransportException e) {
      reconnect("PHYS_PULSE", e);
      throw new BoardException(label() + ": PHYS_PULSE: the link died during a train of " + pulse.count()
          + " pulses and was re-established; whether they reached the device is unknown, so they were not repeated",
          e);
    } finally {
      lastCallNanos = System.nanoTime();
    }
    int count = Integer.parseInt(f.get("count"));
    if (count != pulse.count()) {
      throw new BoardException(label() + ": PHYS_PULSE: expected " + pulse.count() + " pulses acknowledged, board reports "
          + count);
    }
  }

  @Override
  public PhysicalReading readPhysical(int samples) {
    if (samples < 1 || samples > PhysicalReading.MAX_SAMPLES) {
      throw new IllegalArgumentException(label() + ": PHYS_READ: samples must be 1.." + PhysicalReading.MAX_SAMPLES
          + ", got " + samples);
    }
    return call("PHYS_READ", () -> {
      // 64 conversions of 104 µs each on the ATmega328P at its 125 kHz ADC clock: under 10 ms.
      Map<String, String> f = request(MessageType.PHYS_READ, new PayloadWriter().u8(samples).toBytes(), 10);
      PhysicalReading r = new PhysicalReading(Integer.parseInt(f.get("adc_sum")), Integer.parseInt(f.get("samples")),
          MessageFields.parseFloat(f.get("resistance_ohm")));
      if (r.samples() != samples) {
        throw new BoardException(label() + ": PHYS_READ: expected " + samples + " samples, board reports " + r.samples());
      }
      return r;
    });
  }

  /** How often this board was reconnected (or restored after a reset it did on its own). */
  public long reconnects() {
    return reconnects;
  }

  /** The frame-level statistics of the link (requests, retransmits, damaged frames received). */
  public FrameLink link() {
    return link;
  }

  @Override
  public void close() {
    transport.close();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
  }

  private static void sleep(long ms) {
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BoardException("interrupted while waiting for a board");
    }
  }
}
