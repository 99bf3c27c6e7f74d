package org.nanosynapse.link;

import java.io.ByteArrayOutputStream;

/** Builds a little-endian payload field by field (u8, u16, i16, u32, f32, ASCII). */
public final class PayloadWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

  public PayloadWriter u8(int v) {
    out.write(v & 0xFF);
    return this;
  }

  public PayloadWriter u16(int v) {
    out.write(v & 0xFF);
    out.write((v >>> 8) & 0xFF);
    return this;
  }

  public PayloadWriter i16(int v) {
    return u16(v);
  }

  public PayloadWriter u32(long v) {
    u16((int) (v & 0xFFFF));
    return u16((int) ((v >>> 16) & 0xFFFF));
  }

  public PayloadWriter f32(float v) {
    return u32(Float.floatToRawIntBits(v) & 0xFFFFFFFFL);
  }

  public PayloadWriter ascii(String s) {
    for (char c : s.toCharArray()) {
      out.write(c & 0x7F);
    }
    return this;
  }

  public PayloadWriter bytes(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  public int size() {
    return out.size();
  }

  public byte[] toBytes() {
    return out.toByteArray();
  }
}
