package org.nanosynapse.cli;

/**
 * Input the user can fix: a bad option value, a malformed file, a corrupt model. The message is one
 * line that names the field and, where there is one, the file and line or the frame. Exit code 2.
 */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
