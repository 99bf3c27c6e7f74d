package org.nanosynapse.network;

import java.util.HashMap;
import java.util.Map;
import org.nanosynapse.board.BoardAddresses;
import org.nanosynapse.board.VirtualBoard;
import org.nanosynapse.board.VirtualBoardTransport;
import org.nanosynapse.board.VirtualNetwork;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.Transport;
import org.nanosynapse.records.RecordingTransport;
import org.nanosynapse.records.RunRecorder;
import org.nanosynapse.records.TranscriptWriter;

/**
 * The {@link BoardOpener} of the CLI and the demo: {@code virtual:N} ports get an in-process {@link
 * VirtualBoard} holding the slot's board id (the same board again when re-opened, as a port reaches
 * the same Nano); any other address goes through {@link BoardAddresses} (serial port of a real Nano,
 * pty of an emulated one, {@code replay:FILE}), which picks the link timing. With a recorder,
 * every byte each board sends or receives goes to {@code transcripts/board-<id>.txt} of the run.
 */
public final class Boards implements BoardOpener {
  private final RunRecorder recorder;
  private final Map<Integer, VirtualBoardTransport> virtual = new HashMap<>();
  private final Map<Integer, TranscriptWriter> transcripts = new HashMap<>();

  /** @param recorder run folder for transcripts, or null */
  public Boards(RunRecorder recorder) {
    this.recorder = recorder;
  }

  public static boolean isVirtual(String port) {
    return port.startsWith(VirtualNetwork.ADDRESS_PREFIX);
  }

  @Override
  public synchronized Board open(BoardSlot slot) {
    Transport t;
    LinkOptions options;
    if (isVirtual(slot.port())) {
      VirtualBoardTransport vt = virtual.get(slot.boardId());
      if (vt == null) {
        vt = new VirtualBoardTransport(VirtualBoard.withBoardId(slot.boardId()), slot.port());
        virtual.put(slot.boardId(), vt);
      } else {
        vt.reopen();
      }
      t = vt;
      options = LinkOptions.inProcess();
    } else {
      BoardAddresses.Endpoint e = BoardAddresses.open(slot.port());
      t = e.transport();
      options = e.options();
    }
    if (recorder != null) {
      TranscriptWriter w = transcripts.get(slot.boardId());
      if (w == null) {
        w = recorder.transcript("board-" + slot.boardId(), slot.port());
        transcripts.put(slot.boardId(), w);
      } else {
        w.note("port opened again");
      }
      t = new RecordingTransport(t, w);
    }
    return SerialBoard.connect(t, options);
  }

  /** The in-process transport of a virtual board (tests cut its power with {@code crash()}). */
  public synchronized VirtualBoardTransport virtualTransport(int boardId) {
    return virtual.get(boardId);
  }
}
