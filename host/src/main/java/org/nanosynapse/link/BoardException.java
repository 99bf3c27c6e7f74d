package org.nanosynapse.link;

/** A board did not do what was asked. The message names the board, the command and what was expected. */
public class BoardException extends RuntimeException {
  public BoardException(String message) {
    super(message);
  }

  public BoardException(String message, Throwable cause) {
    super(message, cause);
  }
}
