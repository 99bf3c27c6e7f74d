package org.nanosynapse.link;

/**
 * Frames of PROTOCOL.md §Framing: {@code COBS(ver seq type payload crc16le) 00}. Decoding applies
 * the receive checks in the specified order and names the first that fails.
 */
public final class FrameCodec {
  private FrameCodec() {}

  /** Why a received frame was rejected before its content could be trusted. */
  public enum DecodeError {
    BAD_COBS,
    OVERSIZED,
    TOO_SHORT,
    BAD_CRC
  }

  /** A decoded frame, or the decode error that rejected it. Exactly one is non-null. */
  public record Decoded(Frame frame, DecodeError error) {
    public boolean ok() {
      return frame != null;
    }
  }

  /** The body (ver, seq, type, payload, CRC low byte first) before COBS. */
  public static byte[] body(Frame frame) {
    byte[] payload = frame.payload();
    if (payload.length > Frame.MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "payload of " + payload.length + " bytes exceeds the maximum of " + Frame.MAX_PAYLOAD);
    }
    byte[] body = new byte[payload.length + Frame.OVERHEAD];
    body[0] = (byte) frame.version();
    body[1] = (byte) frame.seq();
    body[2] = (byte) frame.type();
    System.arraycopy(payload, 0, body, 3, payload.length);
    int crc = Crc16.of(body, 0, 3 + payload.length);
    body[3 + payload.length] = (byte) crc;
    body[4 + payload.length] = (byte) (crc >>> 8);
    return body;
  }

  /** The exact bytes on the wire, including the final 00. */
  public static byte[] encode(Frame frame) {
    byte[] cobs = Cobs.encode(body(frame), 0, frame.payloadLength() + Frame.OVERHEAD);
    byte[] wire = new byte[cobs.length + 1];
    System.arraycopy(cobs, 0, wire, 0, cobs.length);
    return wire;
  }

  /**
   * Decodes the bytes of one frame without its 00 delimiter (non-empty). Checks in the order of
   * §Framing: size on the wire, COBS, decoded size, CRC. Version and type are left to the receiver (they earn a NACK).
   */
  public static Decoded decode(byte[] bytes, int offset, int length) {
    // A receiver stops buffering once a frame runs past the largest legal encoding, before it can
    // judge the COBS: such a frame is oversized whatever its content.
    if (length > Frame.MAX_BODY + 1) {
      return new Decoded(null, DecodeError.OVERSIZED);
    }
    byte[] body = Cobs.decode(bytes, offset, length);
    if (body == null) {
      return new Decoded(null, DecodeError.BAD_COBS);
    }
    if (body.length > Frame.MAX_BODY) {
      return new Decoded(null, DecodeError.OVERSIZED);
    }
    if (body.length < Frame.OVERHEAD) {
      return new Decoded(null, DecodeError.TOO_SHORT);
    }
    int n = body.length - 2;
    int crc = (body[n] & 0xFF) | (body[n + 1] & 0xFF) << 8;
    if (Crc16.of(body, 0, n) != crc) {
      return new Decoded(null, DecodeError.BAD_CRC);
    }
    byte[] payload = new byte[n - 3];
    System.arraycopy(body, 3, payload, 0, payload.length);
    return new Decoded(new Frame(body[0] & 0xFF, body[1] & 0xFF, body[2] & 0xFF, payload), null);
  }

  /** Decodes a whole wire frame given with or without its final 00. */
  public static Decoded decodeWire(byte[] wire) {
    int length = wire.length > 0 && wire[wire.length - 1] == 0 ? wire.length - 1 : wire.length;
    return decode(wire, 0, length);
  }
}
