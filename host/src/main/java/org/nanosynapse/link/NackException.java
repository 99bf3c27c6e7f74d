package org.nanosynapse.link;

/** A board answered a request with a NACK. */
public class NackException extends BoardException {
  private final NackError error;
  private final int detail;

  public NackException(String message, NackError error, int detail) {
    super(message);
    this.error = error;
    this.detail = detail;
  }

  /** The error code, or null for a code this host does not know. */
  public NackError error() {
    return error;
  }

  public int detail() {
    return detail;
  }
}
