package org.nanosynapse.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.Frame;
import org.nanosynapse.link.FrameCodec;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.MessageType;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.link.Transport;

/**
 * The host sizes its WRITE_STAGE frames from the board's IDENTIFY {@code max_payload}
 * (PROTOCOL.md §Framing): 39 synapses a frame for firmware 1.1.0 (160 bytes), 15 for a board that
 * reports 64 bytes as firmware 1.0.0 did. The virtual board behind a transport that records every
 * WRITE_STAGE the host sends and, for the old board, rewrites IDENTIFY's answer.
 */
class StageChunkTest {

  /** Between host and virtual board: records WRITE_STAGE counts, optionally reports max_payload 64. */
  private static final class RecordingTransport implements Transport {
    private final VirtualBoardTransport inner = new VirtualBoardTransport(VirtualBoard.withBoardId(3), "virtual:3");
    private final boolean firmware100;
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final byte[] pending = new byte[4096];
    private int pendingLength;
    final List<Integer> stageCounts = new ArrayList<>();

    RecordingTransport(boolean firmware100) {
      this.firmware100 = firmware100;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] != 0) {
          sent.write(bytes[i]);
          continue;
        }
        Frame f = decode(sent.toByteArray());
        sent.reset();
        if (f != null && f.type() == MessageType.WRITE_STAGE.code) {
          stageCounts.add(f.payload()[2] & 0xFF);
        }
      }
      inner.write(bytes, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutMillis) {
      byte[] chunk = new byte[256];
      int got = inner.read(chunk, 0, chunk.length, timeoutMillis);
      for (int i = 0; i < got; i++) {
        if (chunk[i] != 0) {
          received.write(chunk[i]);
          continue;
        }
        byte[] wire = received.toByteArray();
        received.reset();
        Frame f = decode(wire);
        if (firmware100 && f != null && f.type() == (MessageType.IDENTIFY.code | Frame.ACK_BIT)) {
          byte[] p = f.payload();
          p[2] = 0;    // fw_minor: 1.0.0
          p[12] = 64;  // max_payload
          wire = FrameCodec.encode(new Frame(f.seq(), f.type(), p));
          wire = Arrays.copyOf(wire, wire.length - 1);   // without its 00: added below
        }
        System.arraycopy(wire, 0, pending, pendingLength, wire.length);
        pendingLength += wire.length;
        pending[pendingLength++] = 0;
      }
      int n = Math.min(length, pendingLength);
      System.arraycopy(pending, 0, buffer, offset, n);
      System.arraycopy(pending, n, pending, 0, pendingLength - n);
      pendingLength -= n;
      return n;
    }

    private static Frame decode(byte[] wire) {
      return wire.length == 0 ? null : FrameCodec.decode(wire, 0, wire.length).frame();
    }

    @Override
    public void discardInput() {
      inner.discardInput();
      pendingLength = 0;
      received.reset();
    }

    @Override
    public void reopen() {
      inner.reopen();
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  private static List<Integer> uploadLargest(boolean firmware100) {
    RecordingTransport t = new RecordingTransport(firmware100);
    try (SerialBoard board = SerialBoard.connect(t, LinkOptions.inProcess())) {
      BoardConfig config = new BoardConfig(4, 16, 0, 8, 256);
      board.configure(config);
      List<SynapseCodes> codes = VirtualBoardRoundTripTest.randomCodes(config.synapseCount(), new Random(5));
      board.writeSynapses(codes);
      assertEquals(codes, board.readSynapses().stream().map(SynapseState::codes).toList());
    }
    return t.stageCounts;
  }

  @Test
  void firmware110TakesTheLargestConfigurationInTwoFrames() {
    assertEquals(List.of(39, 29), uploadLargest(false));
  }

  @Test
  void aBoardReporting64BytePayloadsGetsFramesOf15Synapses() {
    assertEquals(List.of(15, 15, 15, 15, 8), uploadLargest(true));
  }
}
