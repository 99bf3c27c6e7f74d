package org.nanosynapse.board;

import java.io.IOException;
import java.nio.file.Path;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.RelocatingTransport;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.SerialPortTransport;
import org.nanosynapse.link.Transport;
import org.nanosynapse.records.ReplayScript;
import org.nanosynapse.records.ReplayTransport;

/**
 * The board addresses a user can type, and how each is reached:
 *
 * <pre>
 *   virtual:7            an in-process virtual board with board id 7
 *   replay:FILE          a recorded transcript played back as a fake board
 *   /dev/ttyUSB0, COM3   a serial port (a real Nano: wait for its auto-reset, then IDENTIFY)
 *   /dev/pts/5, a link   a pseudo-terminal (an emulated board: no auto-reset to wait for)
 * </pre>
 */
public final class BoardAddresses {
  private BoardAddresses() {}

  public static final String REPLAY_PREFIX = "replay:";

  /** A transport and the link settings that suit it. */
  public record Endpoint(Transport transport, LinkOptions options) {}

  public static Endpoint open(String address) {
    if (address.startsWith(VirtualNetwork.ADDRESS_PREFIX)) {
      String id = address.substring(VirtualNetwork.ADDRESS_PREFIX.length());
      int boardId;
      try {
        boardId = Integer.parseInt(id);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("board address '" + address + "': expected virtual:<board id 0..65535>");
      }
      if (boardId < 0 || boardId > 0xFFFF) {
        throw new IllegalArgumentException("board address '" + address + "': board id must be 0..65535");
      }
      return new Endpoint(new VirtualBoardTransport(VirtualBoard.withBoardId(boardId), address),
          LinkOptions.inProcess());
    }
    if (address.startsWith(REPLAY_PREFIX)) {
      Path file = Path.of(address.substring(REPLAY_PREFIX.length()));
      return new Endpoint(new ReplayTransport(ReplayScript.read(file)), LinkOptions.inProcess());
    }
    if (isPseudoTerminal(address)) {
      return new Endpoint(SerialPortTransport.open(address, SerialPortTransport.DEFAULT_BAUD), LinkOptions.emulated());
    }
    // A real Nano may come back under another device name after a replug: follow it by its board id.
    return new Endpoint(RelocatingTransport.serialPort(address), LinkOptions.realBoard());
  }

  /** Opens and connects (handshake, version check). */
  public static SerialBoard connect(String address) {
    Endpoint e = open(address);
    return SerialBoard.connect(e.transport(), e.options());
  }

  /** True for a pty (or a link to one): an emulated board, which does not reset when opened. */
  public static boolean isPseudoTerminal(String path) {
    try {
      Path real = Path.of(path).toRealPath();
      return real.startsWith("/dev/pts/") || real.getFileName().toString().startsWith("pty");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
