package org.nanosynapse.link;

/** Request types of PROTOCOL.md §Messages with their fixed request payload lengths (-1: variable). */
public enum MessageType {
  IDENTIFY(0x01, 0),
  CONFIGURE(0x02, 6),
  LOAD_DEVICE_PARAMS(0x03, 26),
  READ_DEVICE_PARAMS(0x04, 2),
  WRITE_STAGE(0x05, -1),
  COMMIT(0x06, 4),
  ABORT_STAGE(0x07, 0),
  READ_WEIGHTS(0x08, 3),
  APPLY_PULSES(0x09, 7),
  READ_SYNAPSE(0x0A, 2),
  INFER(0x0B, -1),
  SAVE_EEPROM(0x0C, 0),
  LOAD_EEPROM(0x0D, 0),
  COUNTERS(0x0E, 1),
  RESET(0x0F, 0),
  SET_BOARD_ID(0x10, 2),
  PHYS_CONFIG(0x11, 4),
  PHYS_PULSE(0x12, 11),
  PHYS_READ(0x13, 1);

  public final int code;
  public final int requestLength;

  MessageType(int code, int requestLength) {
    this.code = code;
    this.requestLength = requestLength;
  }

  private static final MessageType[] BY_CODE = new MessageType[256];

  static {
    for (MessageType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  /** The request type with this code, or null. */
  public static MessageType of(int code) {
    return code >= 0 && code < 256 ? BY_CODE[code] : null;
  }

  /** A name for any type byte: request names, "X_ACK" for responses, NACK, or hex. */
  public static String nameOf(int code) {
    if (code == Frame.NACK_TYPE) {
      return "NACK";
    }
    MessageType t = of(code & 0x7F);
    if (t != null && (code & Frame.ACK_BIT) != 0) {
      return t.name() + "_ACK";
    }
    return t != null ? t.name() : String.format("0x%02X", code);
  }
}
