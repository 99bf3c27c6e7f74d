package org.nanosynapse.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.link.EmulatedBoards;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;

/**
 * N emulated Nanos (the real firmware in simavr, throttled to real time) ready to be a topology's
 * boards: started through {@link EmulatedBoards}, each given its harness id as board id (stored in its
 * EEPROM, so it survives the resets and power cycles of fault tests), addressed by its pty link.
 */
public final class EmulatedNetwork implements AutoCloseable {
  private final EmulatedBoards boards;

  private EmulatedNetwork(EmulatedBoards boards) {
    this.boards = boards;
  }

  /** Starts {@code count} boards from the firmware and harness built under {@code root}. */
  public static EmulatedNetwork start(Path root, int count) {
    EmulatedBoards b = EmulatedBoards.start(root, count, EmulatedBoards.Options.realTime());
    try {
      for (int id : b.ids()) {
        try (SerialBoard board = b.connect(id, LinkOptions.emulated())) {
          board.identify();
        }
      }
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
    return new EmulatedNetwork(b);
  }

  /** The boards' addresses (pty links), in board-id order 1..N. */
  public List<String> ports() {
    List<String> p = new ArrayList<>();
    for (Path link : boards.links()) {
      p.add(link.toString());
    }
    return p;
  }

  /** The harness: reset, stop (power off) and start (power on) single boards. */
  public EmulatedBoards boards() {
    return boards;
  }

  @Override
  public void close() {
    boards.close();
  }
}
