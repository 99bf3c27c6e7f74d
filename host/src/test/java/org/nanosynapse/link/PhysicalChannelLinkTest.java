package org.nanosynapse.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nanosynapse.board.EmulatedMemristor;
import org.nanosynapse.board.VirtualBoard;
import org.nanosynapse.board.VirtualBoardTransport;
import org.nanosynapse.device.NonIdealities;
import org.nanosynapse.device.Polarity;

/** PHYS_CONFIG, PHYS_PULSE and PHYS_READ through the host codec to a virtual board with and without pins. */
class PhysicalChannelLinkTest {
  private static SerialBoard connect(VirtualBoard b) {
    return SerialBoard.connect(new VirtualBoardTransport(b, "virtual:phys"), LinkOptions.inProcess());
  }

  @Test
  void readsFollowTheDividerAndPulsesMoveTheMemristor() {
    EmulatedMemristor m = EmulatedMemristor.newDevice(3);
    try (SerialBoard board = connect(new VirtualBoard(true, m))) {
      assertEquals(1, board.identify().physicalChannels());
      assertEquals(680_000.0, board.configurePhysicalChannel(680_000));

      m.setResistanceOhm(680_000);
      PhysicalReading equal = board.readPhysical(8);
      // R = R_s: u = 1024/2 = 512 exactly; the firmware's inverse with 1023 gives 680 kΩ · 512/511.
      assertEquals(8 * 512, equal.adcSum());
      assertEquals(8, equal.samples());
      assertEquals(680_000.0 * 512 / 511, equal.resistanceOhm(), 0.1);

      double before = m.resistanceOhm();
      board.physicalPulses(new PhysicalPulse(Polarity.SET, 100_000, 5, 100_000));
      assertTrue(m.resistanceOhm() < before, "SET lowers R");
      PhysicalReading afterSet = board.readPhysical(16);
      assertTrue(afterSet.resistanceOhm() < equal.resistanceOhm());
      // One count of the 10-bit ADC is the read's resolution.
      double oneCount = m.seriesResistorOhm() * 1023 / Math.pow(1023 - afterSet.meanAdcCode(), 2);
      assertEquals(m.resistanceOhm(), afterSet.resistanceOhm(), 1.5 * oneCount);

      double low = m.resistanceOhm();
      board.physicalPulses(new PhysicalPulse(Polarity.RESET, 1, 3, 0));
      assertTrue(m.resistanceOhm() > low, "RESET raises R");

      // PHYS_CONFIG changes what the firmware assumes, not the resistor on the bench.
      board.configurePhysicalChannel(1_000);
      PhysicalReading wrong = board.readPhysical(1);
      assertEquals(1_000.0 * wrong.meanAdcCode() / (1023 - wrong.meanAdcCode()), wrong.resistanceOhm(), 1e-3);
    }
  }

  @Test
  void aFullScaleReadIsInfiniteAndAGroundedOneZero() {
    EmulatedMemristor m = new EmulatedMemristor(EmulatedMemristor.newDeviceParameters(), NonIdealities.NONE, 1_000, 1);
    try (SerialBoard board = connect(new VirtualBoard(true, m))) {
      board.configurePhysicalChannel(1_000);
      m.setResistanceOhm(2e7);
      PhysicalReading open = board.readPhysical(2);
      assertEquals(2 * 1023, open.adcSum());
      assertEquals(Double.POSITIVE_INFINITY, open.resistanceOhm(), "ADC at full scale");
    }
    EmulatedMemristor low = new EmulatedMemristor(EmulatedMemristor.newDeviceParameters(), NonIdealities.NONE, 1e7, 1);
    try (SerialBoard board = connect(new VirtualBoard(true, low))) {
      low.setResistanceOhm(200);
      assertEquals(0.0, board.readPhysical(3).resistanceOhm(), "ADC code 0");
    }
  }

  /** The request payloads on the wire, byte for byte as PROTOCOL.md §0x11..0x13 lay them out. */
  @Test
  void requestsHaveTheSpecsLayout() {
    List<Frame> sent = new ArrayList<>();
    FrameReceiver frames = FrameReceiver.of(d -> {
      if (d.ok()) {
        sent.add(d.frame());
      }
    });
    VirtualBoardTransport inner = new VirtualBoardTransport(new VirtualBoard(true, EmulatedMemristor.newDevice(1)), "v");
    Transport tap = new Transport() {
      public String name() {
        return inner.name();
      }

      public void write(byte[] b, int off, int len) {
        frames.accept(b, off, len);
        inner.write(b, off, len);
      }

      public int read(byte[] b, int off, int len, long timeoutMs) {
        return inner.read(b, off, len, timeoutMs);
      }

      public void discardInput() {
        inner.discardInput();
      }

      public void reopen() {
        inner.reopen();
      }

      public void close() {
        inner.close();
      }
    };
    try (SerialBoard board = SerialBoard.connect(tap, LinkOptions.inProcess())) {
      sent.clear();
      board.configurePhysicalChannel(100_000);
      board.physicalPulses(new PhysicalPulse(Polarity.RESET, 0x01020304, 2, 0x00050607));
      board.readPhysical(64);
    }
    assertEquals(List.of(0x11, 0x12, 0x13), sent.stream().map(Frame::type).toList());
    assertEquals("0050c347", HexFormat.of().formatHex(sent.get(0).payload()), "f32 100000 little-endian");
    assertEquals("01" + "04030201" + "0200" + "07060500", HexFormat.of().formatHex(sent.get(1).payload()));
    assertEquals("40", HexFormat.of().formatHex(sent.get(2).payload()));
    assertEquals(Map.of("pin", "1", "width_us", "16909060", "count", "2", "gap_us", "329223"),
        MessageFields.decode(0x12, false, sent.get(1).payload()));
  }

  @Test
  void theSeriesResistorIsRestoredAfterTheBoardRestarts() {
    EmulatedMemristor m = EmulatedMemristor.newDevice(4);
    VirtualBoardTransport t = new VirtualBoardTransport(new VirtualBoard(true, m), "virtual:phys");
    try (SerialBoard board = SerialBoard.connect(t, LinkOptions.inProcess())) {
      board.configurePhysicalChannel(680_000);
      m.setResistanceOhm(680_000);
      double r = board.readPhysical(4).resistanceOhm();
      t.crash();
      assertEquals(r, board.readPhysical(4).resistanceOhm(), 1e-6, "a reconnect re-sends PHYS_CONFIG");
      assertEquals(1, board.reconnects());
    }
  }

  @Test
  void aBoardWithoutPinsAndBadArgumentsGetClearErrors() {
    try (SerialBoard board = connect(new VirtualBoard())) {
      assertEquals(0, board.identify().physicalChannels());
      NackException e = assertThrows(NackException.class, () -> board.readPhysical(4));
      assertEquals(NackError.PHYS_UNAVAILABLE, e.error());
      assertTrue(e.getMessage().contains("PHYS_READ"), e.getMessage());
      assertThrows(NackException.class, () -> board.physicalPulses(new PhysicalPulse(Polarity.SET, 10, 1, 0)));
    }
    assertThrows(IllegalArgumentException.class, () -> new PhysicalPulse(Polarity.SET, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new PhysicalPulse(Polarity.SET, 60_000_000, 3, 0));
    try (SerialBoard board = connect(VirtualBoard.withBoardId(2))) {
      assertThrows(IllegalArgumentException.class, () -> board.readPhysical(65));
      assertThrows(IllegalArgumentException.class, () -> board.configurePhysicalChannel(-1));
    }
  }
}
