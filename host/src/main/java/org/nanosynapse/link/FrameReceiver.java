package org.nanosynapse.link;

import java.util.function.Consumer;

/**
 * Splits a byte stream into frames at each 00 and decodes them. Bytes that run on past the largest
 * legal frame without a 00 are reported once as OVERSIZED and dropped up to the next 00. Empty
 * frames (two 00 in a row) are ignored, as the protocol says.
 */
public final class FrameReceiver {
  /** Receives each decoded frame or decode error, in stream order. */
  public interface Listener {
    void frame(FrameCodec.Decoded decoded, byte[] wireWithoutDelimiter);
  }

  /** Encoded bytes of the largest legal body (165 + 1 code byte); anything longer is oversized. */
  static final int MAX_ENCODED = Frame.MAX_BODY + 1;

  private final byte[] buffer = new byte[MAX_ENCODED];
  private int length;
  private boolean overflowing;
  private final Listener listener;

  public FrameReceiver(Listener listener) {
    this.listener = listener;
  }

  public static FrameReceiver of(Consumer<FrameCodec.Decoded> consumer) {
    return new FrameReceiver((d, w) -> consumer.accept(d));
  }

  public void accept(byte[] bytes, int offset, int count) {
    for (int i = 0; i < count; i++) {
      accept(bytes[offset + i]);
    }
  }

  public void accept(byte b) {
    if (b == 0) {
      if (overflowing) {
        overflowing = false;
      } else if (length > 0) {
        byte[] wire = java.util.Arrays.copyOf(buffer, length);
        listener.frame(FrameCodec.decode(buffer, 0, length), wire);
      }
      length = 0;
      return;
    }
    if (overflowing) {
      return;
    }
    if (length == MAX_ENCODED) {
      overflowing = true;
      length = 0;
      listener.frame(new FrameCodec.Decoded(null, FrameCodec.DecodeError.OVERSIZED), new byte[0]);
      return;
    }
    buffer[length++] = b;
  }

  /** Forgets a partial frame (after a reconnect). */
  public void reset() {
    length = 0;
    overflowing = false;
  }
}
