package org.nanosynapse.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.PortDiscovery;
import org.nanosynapse.link.RelocatingTransport;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.link.Transport;
import org.nanosynapse.link.TransportException;

/**
 * A Nano unplugged and replugged comes back under another device name (Linux re-enumeration):
 * virtual boards behind "USB ports" that a test plugs and unplugs, an injected port lister and opener.
 */
class RelocatingLinkTest {
  private static final String PATH_A = "/dev/ttyUSB0";
  private static final String PATH_B = "/dev/ttyUSB1";
  private static final String MODEM = "/dev/ttyACM0";
  private static final LinkOptions OPTIONS =
      LinkOptions.inProcess().withResponseTimeoutMs(10).withReconnectTimeoutMs(150);

  /** The machine's USB ports: what is plugged where, what the OS lists, which paths were opened. */
  private static final class FakeUsb {
    final Map<String, VirtualBoardTransport> plugged = new HashMap<>();
    final List<String> opened = new ArrayList<>();

    void plug(String path, VirtualBoard board) {
      plugged.put(path, new VirtualBoardTransport(board, path));
    }

    void unplug(String path) {
      plugged.remove(path).crash();
    }

    Transport open(String path) {
      opened.add(path);
      VirtualBoardTransport t = plugged.get(path);
      if (t == null) {
        throw new TransportException("port " + path + ": no such device");
      }
      t.reopen(); // opening a Nano's port resets it: it boots from its EEPROM, weights lost
      return t;
    }

    List<PortDiscovery.PortInfo> list() {
      List<PortDiscovery.PortDescription> ports = new ArrayList<>();
      ports.add(new PortDiscovery.PortDescription(MODEM, "Modem", 0x1234, 0x5678, null));
      for (String path : plugged.keySet()) {
        if (!path.equals(MODEM)) {
          ports.add(new PortDiscovery.PortDescription(path, "USB Serial", 0x1a86, 0x7523, null));
        }
      }
      return PortDiscovery.classify(ports);
    }
  }

  @Test
  void aBoardReEnumeratedUnderAnotherPathIsFollowedWithItsWeights() {
    FakeUsb usb = new FakeUsb();
    VirtualBoard nano = VirtualBoard.withBoardId(4);
    usb.plug(PATH_A, nano);
    usb.plug(MODEM, VirtualBoard.withBoardId(4)); // not a Nano bridge: must never be opened
    RelocatingTransport transport = new RelocatingTransport(PATH_A, usb::open, usb::list, false);
    try (SerialBoard board = SerialBoard.connect(transport, OPTIONS)) {
      List<String> logged = new ArrayList<>();
      board.onEvent(logged::add);
      BoardConfig config = new BoardConfig(2, 9, 3, 8, 256);
      board.configure(config);
      List<SynapseCodes> codes = VirtualBoardRoundTripTest.randomCodes(config.synapseCount(), new Random(5));
      board.writeSynapses(codes);
      short[] x = {256, 0, 256, 0, 256, 0, 256, 0, 256};
      short[] before = board.infer(x).outputsRaw();

      usb.unplug(PATH_A);
      usb.plug(PATH_B, nano); // the same Nano, back under the next free name
      short[] after = board.infer(x).outputsRaw();

      assertArrayEquals(before, after);
      assertEquals(codes, board.readSynapses().stream().map(SynapseState::codes).toList());
      assertEquals(PATH_B, board.address());
      assertEquals(1, board.reconnects());
      assertEquals(1, logged.size(), "one move event: " + logged);
      assertTrue(logged.get(0).contains("moved from " + PATH_A + " to " + PATH_B), logged.get(0));
      assertEquals(board.events().size(), 1);
      assertFalse(usb.opened.contains(MODEM), "a port that is not a likely Nano was opened: " + usb.opened);
    }
  }

  @Test
  void aDifferentBoardAtTheNewPathIsNotTaken() {
    FakeUsb usb = new FakeUsb();
    usb.plug(PATH_A, VirtualBoard.withBoardId(4));
    RelocatingTransport transport = new RelocatingTransport(PATH_A, usb::open, usb::list, false);
    try (SerialBoard board = SerialBoard.connect(transport, OPTIONS)) {
      board.configure(new BoardConfig(2, 9, 3, 8, 256));

      usb.unplug(PATH_A);
      usb.plug(PATH_B, VirtualBoard.withBoardId(5)); // another Nano, not ours
      BoardException e = assertThrows(BoardException.class, () -> board.infer(new short[9]));

      String m = e.getMessage();
      assertTrue(m.startsWith("board " + PATH_A + " (id 4): INFER: lost the board"), m);
      assertTrue(m.contains(PATH_B + ": ") && m.contains("expected the same board id 4, a board with id 5 answered"), m);
      assertFalse(m.contains("\n"), "one-line error: " + m);
      assertEquals(PATH_A, board.address(), "must not stay on the other board's port");
      assertTrue(board.events().isEmpty());
      // Nothing talks to board 5 afterwards: the next call fails again instead of using it.
      assertThrows(BoardException.class, () -> board.infer(new short[9]));
      assertEquals(PATH_A, board.address());
    }
  }

  @Test
  void portsThatDoNotLookLikeNanosAreTriedOnlyWhenAllowed() {
    List<PortDiscovery.PortInfo> ports = PortDiscovery.classify(List.of(
        new PortDiscovery.PortDescription(MODEM, "Modem", 0x1234, 0x5678, null),
        new PortDiscovery.PortDescription(PATH_A, "USB Serial", 0x1a86, 0x7523, null),
        new PortDiscovery.PortDescription(PATH_B, "FT232R", 0x0403, 0x6001, null)));
    assertEquals(List.of(PATH_B), PortDiscovery.relocationCandidates(ports, PATH_A, false));
    assertEquals(List.of(PATH_B, MODEM), PortDiscovery.relocationCandidates(ports, PATH_A, true));
  }
}
