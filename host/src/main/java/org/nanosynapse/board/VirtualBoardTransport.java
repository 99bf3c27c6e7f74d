package org.nanosynapse.board;

import java.util.ArrayDeque;
import org.nanosynapse.link.Transport;
import org.nanosynapse.link.TransportException;

/**
 * The byte pipe to an in-process {@link VirtualBoard}: what the host writes is handed to the board at
 * once and its answer is queued for the host to read, so the host's codec, retransmits and
 * reconnect run exactly as over a cable. {@link #crash()} makes the board lose power (silent, RAM
 * lost) until the host re-opens the port, which boots it again, as opening a Nano's port does.
 */
public final class VirtualBoardTransport implements Transport {
  private final VirtualBoard board;
  private final String name;
  private final ArrayDeque<Byte> toHost = new ArrayDeque<>();
  private boolean open = true;
  private boolean crashed;

  public VirtualBoardTransport(VirtualBoard board, String name) {
    this.board = board;
    this.name = name;
  }

  public VirtualBoard board() {
    return board;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    requireOpen();
    if (crashed) {
      return;
    }
    for (byte b : board.receive(bytes, offset, length)) {
      toHost.add(b);
    }
    notifyAll();
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    requireOpen();
    if (toHost.isEmpty() && timeoutMillis > 0) {
      try {
        wait(timeoutMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException("virtual board " + name + ": interrupted while reading");
      }
    }
    int n = 0;
    while (n < length && !toHost.isEmpty()) {
      buffer[offset + n++] = toHost.poll();
    }
    return n;
  }

  @Override
  public synchronized void discardInput() {
    toHost.clear();
  }

  /** The board loses power: it goes silent and forgets its RAM; re-opening the port boots it. */
  public synchronized void crash() {
    crashed = true;
    toHost.clear();
  }

  @Override
  public synchronized void reopen() {
    open = true;
    toHost.clear();
    if (crashed) {
      crashed = false;
    }
    // Opening the port of a Nano resets it (DTR): the board boots from its EEPROM.
    board.powerOn();
  }

  @Override
  public synchronized void close() {
    open = false;
  }

  private void requireOpen() {
    if (!open) {
      throw new TransportException("virtual board " + name + ": port closed");
    }
  }
}
