package org.nanosynapse.link;

/** A board stayed silent through every retransmit, or its transport failed. */
public class LinkDeadException extends BoardException {
  public LinkDeadException(String message, Throwable cause) {
    super(message, cause);
  }
}
