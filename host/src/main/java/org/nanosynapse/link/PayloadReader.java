package org.nanosynapse.link;

import java.nio.charset.StandardCharsets;

/** Reads a little-endian payload field by field; running past the end is an IllegalArgumentException. */
public final class PayloadReader {
  private final byte[] p;
  private int pos;

  public PayloadReader(byte[] payload) {
    this.p = payload;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return p.length - pos;
  }

  private void need(int n) {
    if (pos + n > p.length) {
      throw new IllegalArgumentException(
          "payload too short: needs " + (pos + n) + " bytes, has " + p.length);
    }
  }

  public int u8() {
    need(1);
    return p[pos++] & 0xFF;
  }

  public int u16() {
    need(2);
    int v = (p[pos] & 0xFF) | (p[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  public short i16() {
    return (short) u16();
  }

  public long u32() {
    long lo = u16();
    long hi = u16();
    return lo | hi << 16;
  }

  public float f32() {
    return Float.intBitsToFloat((int) u32());
  }

  /** The rest of the payload as ASCII. */
  public String restAscii() {
    String s = new String(p, pos, p.length - pos, StandardCharsets.US_ASCII);
    pos = p.length;
    return s;
  }
}
