package org.nanosynapse.network;

import org.nanosynapse.link.Board;

/** Opens the board a topology slot names (a serial port path, a pty link, or {@code virtual:N}). */
@FunctionalInterface
public interface BoardOpener {
  Board open(BoardSlot slot);
}
