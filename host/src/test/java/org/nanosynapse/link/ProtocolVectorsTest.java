package org.nanosynapse.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nanosynapse.board.EmulatedMemristor;
import org.nanosynapse.board.VirtualBoard;

/**
 * The Java codec and the virtual board against every line of the shared vector file, the same file
 * the firmware's native tests run.
 */
class ProtocolVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private final List<ProtocolVectors.Vector> vectors = ProtocolVectors.read();

  @Test
  void crcCheckValue() {
    assertEquals(0x29B1, Crc16.of("123456789".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void cobsExamplesOfTheSpec() {
    assertArrayEquals(HEX.parseHex("02110222"), Cobs.encode(HEX.parseHex("110022"), 0, 3));
    assertArrayEquals(HEX.parseHex("0101"), Cobs.encode(HEX.parseHex("00"), 0, 1));
    byte[] long254 = new byte[600];
    java.util.Arrays.fill(long254, (byte) 7);
    long254[300] = 0;
    byte[] enc = Cobs.encode(long254, 0, long254.length);
    assertArrayEquals(long254, Cobs.decode(enc, 0, enc.length));
  }

  @Test
  void everyVectorDecodesAndEncodesExactly() {
    assertTrue(vectors.size() > 40, "vector file has only " + vectors.size() + " lines");
    for (ProtocolVectors.Vector v : vectors) {
      String where = "vector " + v.name() + " (line " + v.line() + ")";
      FrameCodec.Decoded d = FrameCodec.decodeWire(v.wire());
      if (v.decode().startsWith("ERR ")) {
        assertFalse(d.ok(), where + ": decoded but should fail");
        assertEquals(v.decode().substring(4), d.error().name(), where);
        continue;
      }
      assertTrue(d.ok(), where + ": " + d.error());
      assertEquals(v.decode(), "OK " + d.frame(), where);
      assertArrayEquals(v.wire(), FrameCodec.encode(d.frame()), where + ": encoding");

      Map<String, String> expected = v.fields();
      boolean fromBoard = !v.hostToBoard();
      Map<String, String> got;
      try {
        got = MessageFields.decode(d.frame().type(), fromBoard, d.frame().payload());
      } catch (IllegalArgumentException e) {
        got = null;
      }
      if (expected == null) {
        assertTrue(got == null || got.isEmpty(), where + ": fields '-' but decoded " + got);
        continue;
      }
      assertEquals(expected.keySet().stream().toList(), got.keySet().stream().toList(), where);
      for (var e : expected.entrySet()) {
        assertSameValue(where + " field " + e.getKey(), e.getValue(), got.get(e.getKey()));
      }
      assertArrayEquals(d.frame().payload(), MessageFields.encode(d.frame().type(), fromBoard, expected),
          where + ": fields encode back to the payload");
    }
  }

  private static void assertSameValue(String where, String expected, String got) {
    if (expected.equals(got)) {
      return;
    }
    // Floats: any decimal that parses to the same f32.
    try {
      float a = MessageFields.parseFloat(expected);
      float b = MessageFields.parseFloat(got);
      assertEquals(Float.floatToIntBits(a), Float.floatToIntBits(b), where + ": " + expected + " vs " + got);
    } catch (NumberFormatException e) {
      fail(where + ": expected " + expected + ", got " + got);
    }
  }

  @Test
  void aStreamOfAllBoardFramesSplitsAndDecodesLikeTheFramesOneByOne() {
    java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
    List<String> expected = new java.util.ArrayList<>();
    for (ProtocolVectors.Vector v : vectors) {
      stream.writeBytes(v.wire());
      expected.add(v.decode().startsWith("ERR ") ? v.decode() : "OK " + FrameCodec.decodeWire(v.wire()).frame());
    }
    List<String> got = new java.util.ArrayList<>();
    FrameReceiver receiver = FrameReceiver.of(d -> got.add(d.ok() ? "OK " + d.frame() : "ERR " + d.error()));
    for (byte b : stream.toByteArray()) {
      receiver.accept(b);
    }
    assertEquals(expected, got);
  }

  @Test
  void virtualBoardAnswersEveryRequestAsTheVectorsSay() {
    assertEquals(0, replay(new VirtualBoard(false)), "PHYS ACKs on a board without the channel");
  }

  @Test
  void virtualBoardWithAnEmulatedMemristorAnswersEveryRequestAsTheVectorsSay() {
    int physAcks = replay(new VirtualBoard(false, EmulatedMemristor.newDevice(7)));
    assertTrue(physAcks >= 4, "only " + physAcks + " PHYS_PULSE/PHYS_READ vectors answered with an ACK");
  }

  /**
   * PROTOCOL.md §Test vectors: a board without the physical channel answers the PHYS_PULSE and PHYS_READ
   * lines listed with an ACK with NACK PHYS_UNAVAILABLE detail=0.
   */
  private static String replyForThisBoard(VirtualBoard board, Frame request, String reply) {
    boolean phys = request.type() == MessageType.PHYS_PULSE.code || request.type() == MessageType.PHYS_READ.code;
    return phys && board.memristor() == null && reply.startsWith("ACK") ? "NACK PHYS_UNAVAILABLE detail=0" : reply;
  }

  /** Sends every request line to one fresh board and checks its answers; returns the PHYS ACKs seen. */
  private int replay(VirtualBoard board) {
    int physAcks = 0;
    for (ProtocolVectors.Vector v : vectors) {
      if (!v.hostToBoard()) {
        continue;
      }
      String where = "vector " + v.name() + " (line " + v.line() + ")";
      byte[] out = board.receive(v.wire());
      if (v.reply().equals("none")) {
        assertEquals(0, out.length, where + ": board answered " + HEX.formatHex(out));
        continue;
      }
      assertTrue(out.length > 0 && out[out.length - 1] == 0, where + ": no complete answer");
      FrameCodec.Decoded d = FrameCodec.decodeWire(out);
      assertTrue(d.ok(), where + ": answer does not decode: " + d.error());
      Frame request = FrameCodec.decodeWire(v.wire()).frame();
      Frame response = d.frame();
      assertEquals(request.seq(), response.seq(), where + ": seq");
      assertEquals(1, response.version(), where + ": version");
      String[] reply = replyForThisBoard(board, request, v.reply()).split(" ");
      if (reply[0].equals("ACK")) {
        assertTrue(response.isAckOf(request.type()), where + ": expected ACK, got " + response);
        assertPayloadMatches(where, reply[1], response.payload());
        if (request.type() == MessageType.PHYS_PULSE.code || request.type() == MessageType.PHYS_READ.code) {
          physAcks++;
        }
      } else {
        assertEquals("NACK", reply[0], where);
        assertTrue(response.isNack(), where + ": expected NACK, got " + response);
        Map<String, String> f = MessageFields.decode(response.type(), true, response.payload());
        assertEquals(String.valueOf(request.type()), f.get("req_type"), where);
        assertEquals(reply[1], f.get("error"), where);
        assertEquals(reply[2], "detail=" + f.get("detail"), where);
      }
    }
    return physAcks;
  }

  private static void assertPayloadMatches(String where, String pattern, byte[] payload) {
    if (pattern.equals("-")) {
      assertEquals(0, payload.length, where + ": payload " + HEX.formatHex(payload));
      return;
    }
    assertEquals(pattern.length() / 2, payload.length, where + ": payload " + HEX.formatHex(payload));
    for (int i = 0; i < payload.length; i++) {
      String p = pattern.substring(2 * i, 2 * i + 2);
      if (!p.equals("??")) {
        assertEquals(p, HEX.formatHex(payload, i, i + 1),
            where + ": byte " + i + " of payload " + HEX.formatHex(payload) + " vs " + pattern);
      }
    }
  }
}
