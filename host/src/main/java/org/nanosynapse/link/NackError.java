package org.nanosynapse.link;

/** Error codes of a NACK (PROTOCOL.md §Errors), with what their detail field carries. */
public enum NackError {
  BAD_VERSION(0x01, "the supported version"),
  UNKNOWN_TYPE(0x02, "0"),
  BAD_LENGTH(0x03, "expected payload length"),
  BAD_ARG(0x04, "payload offset of the first bad field"),
  STAGE_COUNT(0x05, "n_synapses"),
  STAGE_INCOMPLETE(0x06, "first missing synapse"),
  STAGE_CRC(0x07, "CRC computed by the board"),
  NO_PARAMS(0x08, "polarity*256 + amp_index"),
  EEPROM_EMPTY(0x09, "0"),
  EEPROM_FAIL(0x0A, "0"),
  PHYS_UNAVAILABLE(0x0B, "0");

  public final int code;
  public final String detailMeaning;

  NackError(int code, String detailMeaning) {
    this.code = code;
    this.detailMeaning = detailMeaning;
  }

  public static NackError of(int code) {
    for (NackError e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    return null;
  }

  public static NackError parse(String name) {
    for (NackError e : values()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
