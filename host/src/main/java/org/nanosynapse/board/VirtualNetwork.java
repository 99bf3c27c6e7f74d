package org.nanosynapse.board;

import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;

/**
 * In-process virtual boards, the embedded default that needs nothing installed: each is a
 * {@link VirtualBoard} behind the real codec, reached through a {@link SerialBoard}.
 */
public final class VirtualNetwork {
  private VirtualNetwork() {}

  /** Address form of a virtual board, accepted wherever a port path is: {@code virtual:<id>}. */
  public static final String ADDRESS_PREFIX = "virtual:";

  /** One virtual board with {@code boardId} in its EEPROM, connected. */
  public static SerialBoard open(int boardId) {
    VirtualBoard board = VirtualBoard.withBoardId(boardId);
    return SerialBoard.connect(new VirtualBoardTransport(board, ADDRESS_PREFIX + boardId), LinkOptions.inProcess());
  }

  /** {@code count} virtual boards with ids 1..count. */
  public static List<Board> open(int count, int firstBoardId) {
    List<Board> boards = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boards.add(open(firstBoardId + i));
    }
    return boards;
  }
}
