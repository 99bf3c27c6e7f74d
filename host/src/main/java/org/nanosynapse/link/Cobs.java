package org.nanosynapse.link;

import java.io.ByteArrayOutputStream;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, IEEE/ACM Trans. Networking 7(2), 1999):
 * removes every 00 byte from a body so 00 can delimit frames. Canonical encoding as PROTOCOL.md
 * §Framing describes; the decoder also accepts 254-byte groups (code FF, no implied 00).
 */
public final class Cobs {
  private Cobs() {}

  /** COBS(body), without the trailing 00 delimiter. */
  public static byte[] encode(byte[] body, int offset, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + length / 254 + 2);
    int groupStart = offset;
    int end = offset + length;
    int i = offset;
    while (true) {
      if (i == end || body[i] == 0 || i - groupStart == 254) {
        int k = i - groupStart;
        out.write(k + 1);
        out.write(body, groupStart, k);
        if (i == end) {
          break;
        }
        if (k == 254) {
          // A full group of non-zero bytes: code FF, no implied zero consumed.
          groupStart = i;
          continue;
        }
        groupStart = i + 1;
      }
      i++;
    }
    return out.toByteArray();
  }

  /**
   * Decodes the bytes of one frame (between two 00 delimiters). Returns null when the frame is not
   * well-formed COBS (a 00 inside, or a code running past the end).
   */
  public static byte[] decode(byte[] frame, int offset, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int code = frame[i] & 0xFF;
      if (code == 0 || i + code > end) {
        return null;
      }
      for (int j = 1; j < code; j++) {
        if (frame[i + j] == 0) {
          return null;
        }
      }
      out.write(frame, i + 1, code - 1);
      i += code;
      if (code < 0xFF && i < end) {
        out.write(0);
      }
    }
    return out.toByteArray();
  }
}
