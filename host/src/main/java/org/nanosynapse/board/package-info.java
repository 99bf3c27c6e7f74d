/**
 * The in-process virtual board: the firmware of {@code firmware/PROTOCOL.md} in Java ({@link
 * org.nanosynapse.board.VirtualBoard}), bytes in and bytes out through the same codec as the host,
 * reached through {@link org.nanosynapse.board.VirtualBoardTransport}; and the board addresses users
 * type ({@link org.nanosynapse.board.BoardAddresses}).
 */
package org.nanosynapse.board;
