package org.nanosynapse.link;

/**
 * A byte pipe to one board: a serial port, a pseudo-terminal, or an in-process virtual board. The
 * protocol layers above it never know which. Failures are {@link TransportException}s.
 */
public interface Transport extends AutoCloseable {

  /** The port path or a descriptive name, for messages and transcripts. */
  String name();

  /** Writes all bytes (blocking until handed to the OS or the peer). */
  void write(byte[] bytes, int offset, int length);

  default void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  /**
   * Reads what is available into {@code buffer}, waiting up to {@code timeoutMillis} for the first
   * byte. Returns the number of bytes read, 0 if none arrived in time.
   */
  int read(byte[] buffer, int offset, int length, long timeoutMillis);

  /** Discards bytes received but not yet read. */
  void discardInput();

  /**
   * Closes and opens the connection again (a board came back after a reset or a replug). Opening a
   * real Nano's port resets it; callers wait for the handshake.
   */
  void reopen();

  /**
   * Ports the board may have moved to when its own path does not come back (a USB re-enumeration,
   * {@code /dev/ttyUSB0} becoming {@code /dev/ttyUSB1}). Empty for transports that cannot move.
   */
  default java.util.List<String> relocationCandidates() {
    return java.util.List.of();
  }

  /** Closes this connection and opens {@code path} instead; {@link #name()} then names the new path. */
  default void moveTo(String path) {
    throw new TransportException(name() + ": cannot move to another port (" + path + ")");
  }

  @Override
  void close();
}
