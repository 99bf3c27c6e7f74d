package org.nanosynapse.link;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One decoded frame body of PROTOCOL.md: protocol version, sequence number, message type and
 * payload (0..160 bytes). The CRC is checked and stripped by {@link FrameCodec}.
 */
public record Frame(int version, int seq, int type, byte[] payload) {
  public static final int VERSION = 1;
  /** Largest payload (PROTOCOL.md §Framing; firmware 1.0.0 took 64, 1.1.0 takes 160, IDENTIFY says which). */
  public static final int MAX_PAYLOAD = 160;
  /** ver + seq + type + crc. */
  public static final int OVERHEAD = 5;
  public static final int MAX_BODY = MAX_PAYLOAD + OVERHEAD;
  /** Largest frame on the wire: body, one COBS code byte, the 00 delimiter. */
  public static final int MAX_WIRE = MAX_BODY + 2;
  /** Response type of a NACK. */
  public static final int NACK_TYPE = 0xFF;
  /** Response type of an ACK is the request type with this bit set. */
  public static final int ACK_BIT = 0x80;

  public Frame {
    if (version < 0 || version > 255 || seq < 0 || seq > 255 || type < 0 || type > 255) {
      throw new IllegalArgumentException(
          "frame header out of range: ver=" + version + " seq=" + seq + " type=" + type);
    }
    payload = payload.clone();
  }

  public Frame(int seq, int type, byte[] payload) {
    this(VERSION, seq, type, payload);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  public int payloadLength() {
    return payload.length;
  }

  public boolean isNack() {
    return type == NACK_TYPE;
  }

  public boolean isAckOf(int requestType) {
    return type == (requestType | ACK_BIT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f
        && f.version == version
        && f.seq == seq
        && f.type == type
        && Arrays.equals(f.payload, payload);
  }

  @Override
  public int hashCode() {
    return (version * 31 + seq) * 31 + type + 961 * Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "ver=" + version + " seq=" + seq + " type=" + type + " payload="
        + (payload.length == 0 ? "-" : HexFormat.of().formatHex(payload));
  }
}
