package org.nanosynapse.link;

/**
 * CRC-16/CCITT-FALSE (width 16, polynomial 0x1021, init 0xFFFF, no reflection, xorout 0): the
 * frame and staging checksum of PROTOCOL.md. Check value: CRC("123456789") = 0x29B1.
 */
public final class Crc16 {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      TABLE[i] = crc & 0xFFFF;
    }
  }

  private Crc16() {}

  public static final int INIT = 0xFFFF;

  public static int of(byte[] bytes, int offset, int length) {
    return update(INIT, bytes, offset, length);
  }

  public static int of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  /** Continues a CRC over more bytes (start with {@link #INIT}). */
  public static int update(int crc, byte[] bytes, int offset, int length) {
    for (int i = 0; i < length; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[offset + i]) & 0xFF]) & 0xFFFF;
    }
    return crc;
  }
}
