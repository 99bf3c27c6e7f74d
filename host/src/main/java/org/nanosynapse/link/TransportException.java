package org.nanosynapse.link;

/** A transport could not move bytes: a port vanished, could not be opened, or was closed. */
public class TransportException extends RuntimeException {
  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
