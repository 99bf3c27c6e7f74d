package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.BoardDeviceParameters;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.BoardIdentity;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;

/**
 * The boards of a topology, opened and identified: each board must answer with the id its slot
 * names and have room for its slice. Keeps what was last committed to each board, so a board that
 * comes back after a reset or a reconnect gets its weights again ({@link #recover}).
 */
public final class BoardNetwork implements AutoCloseable {
  /** What a board holds after a successful deployment. */
  public record Committed(BoardConfig config, BoardDeviceParameters parameters, List<SynapseCodes> codes) {}

  /** Something that happened to a board during a session (reconnects, re-sends). */
  public record Event(long timeMillis, BoardSlot slot, String what) {}

  private final Topology topology;
  private final BoardOpener opener;
  private final Map<BoardSlot, Board> boards = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<BoardSlot, BoardIdentity> identities = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<BoardSlot, Committed> committed = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<Event> events = new ArrayList<>();
  private java.util.function.Consumer<Event> eventListener = e -> {};

  private BoardNetwork(Topology topology, BoardOpener opener) {
    this.topology = topology;
    this.opener = opener;
  }

  /** Opens and identifies every board of the topology; closes what it opened if one fails. */
  public static BoardNetwork open(Topology topology, BoardOpener opener) {
    BoardNetwork net = new BoardNetwork(topology, opener);
    try {
      for (BoardSlot slot : topology.boards()) {
        Board b = opener.open(slot);
        net.boards.put(slot, b);
        net.identities.put(slot, net.checkIdentity(slot, b));
      }
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  private BoardIdentity checkIdentity(BoardSlot slot, Board b) {
    BoardIdentity id = b.identify();
    if (id.boardId() != slot.boardId()) {
      throw new BoardException(
          "board at " + slot.port() + ": IDENTIFY answered board id " + id.boardId() + ", the topology expects "
              + slot.boardId() + (id.boardId() == 0
                  ? " (a blank board: ./nanosynapse boards --port " + slot.port() + " --set-id " + slot.boardId() + ")"
                  : ""));
    }
    LayerSpec layer = topology.layers().get(slot.layer());
    if (slot.neurons() > id.maxNeurons() || layer.inputs() > id.maxInputsPerNeuron()
        || slot.neurons() * (layer.inputs() + 1) > id.maxSynapses()) {
      throw new BoardException(
          slot.label() + ": holds at most " + id.maxNeurons() + " neurons × " + id.maxInputsPerNeuron()
              + " inputs (" + id.maxSynapses() + " synapses), the topology puts " + slot.neurons() + " × "
              + layer.inputs() + " on it");
    }
    return id;
  }

  public Topology topology() {
    return topology;
  }

  public Board board(BoardSlot slot) {
    return boards.get(slot);
  }

  public BoardIdentity identity(BoardSlot slot) {
    return identities.get(slot);
  }

  public Map<BoardSlot, BoardIdentity> identities() {
    return Map.copyOf(identities);
  }

  public Committed committed(BoardSlot slot) {
    return committed.get(slot);
  }

  void commit(BoardSlot slot, Committed c) {
    committed.put(slot, c);
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  public void onEvent(java.util.function.Consumer<Event> listener) {
    this.eventListener = listener;
  }

  synchronized void event(BoardSlot slot, String what) {
    Event e = new Event(System.currentTimeMillis(), slot, what);
    events.add(e);
    eventListener.accept(e);
  }

  /**
   * Brings a board back after a failed exchange: re-identifies it (re-opening the port if the
   * board object gave up), and if its weights differ from the last committed ones (a reset or
   * power cycle loses them) configures it and sends them again, verified by read-back. Tries until
   * {@code timeoutMillis} has passed, then throws naming the board.
   */
  public void recover(BoardSlot slot, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    BoardException last = null;
    int attempt = 0;
    while (System.currentTimeMillis() < deadline) {
      attempt++;
      try {
        Board b = boards.get(slot);
        if (attempt > 1) {
          try {
            b.close();
          } catch (RuntimeException ignored) {
            // The old connection is gone either way.
          }
          b = opener.open(slot);
          boards.put(slot, b);
        }
        identities.put(slot, checkIdentity(slot, b));
        Committed c = committed.get(slot);
        if (c != null && !holds(b, c)) {
          b.configure(c.config());
          b.loadDeviceParameters(c.parameters());
          b.writeSynapses(c.codes());
          if (!holds(b, c)) {
            throw new BoardException(slot.label() + ": weights read back after re-sending differ from those sent");
          }
          event(slot, "reconnected; weights re-sent and verified");
        } else {
          event(slot, "reconnected; weights intact");
        }
        return;
      } catch (BoardException e) {
        last = e;
        sleep(300);
      } catch (RuntimeException e) {
        last = new BoardException(slot.label() + ": " + e.getMessage(), e);
        sleep(300);
      }
    }
    throw new BoardException(
        slot.label() + ": did not come back within " + timeoutMillis / 1000.0 + " s"
            + (last == null ? "" : "; last error: " + last.getMessage()),
        last);
  }

  private static boolean holds(Board b, Committed c) {
    List<SynapseState> states;
    try {
      states = b.readSynapses();
    } catch (BoardException | IllegalStateException e) {
      return false; // not configured as expected
    }
    if (states.size() != c.codes().size()) {
      return false;
    }
    for (int i = 0; i < states.size(); i++) {
      if (!states.get(i).codes().equals(c.codes().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BoardException("interrupted while waiting for a board", e);
    }
  }

  @Override
  public void close() {
    for (Board b : boards.values()) {
      try {
        b.close();
      } catch (RuntimeException ignored) {
        // Closing is best effort; every board gets its turn.
      }
    }
  }
}
