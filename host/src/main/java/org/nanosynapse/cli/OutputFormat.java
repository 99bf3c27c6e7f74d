package org.nanosynapse.cli;

/** The {@code --format text|json} choice shared by the commands that print a report. */
final class OutputFormat {
  private OutputFormat() {}

  /** @throws BadInputException naming the field when {@code format} is neither text nor json */
  static void requireTextOrJson(String format) {
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("format: expected text or json, got '" + format + "'");
    }
  }
}
