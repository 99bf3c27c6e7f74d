package org.nanosynapse.link;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces the bytes crossing a transport to a UART line rate (8N1: 10 bit times per byte) in each
 * direction, so an in-process board behaves like one behind a 115200-baud cable. Used by the link
 * benchmark and by tests that need real-time behaviour without the emulator.
 */
public final class ThrottledTransport implements Transport {
  private final Transport inner;
  private final double byteTimeNanos;
  private long txWireFreeAtNanos;
  private long rxWireFreeAtNanos;

  public ThrottledTransport(Transport inner, int baud) {
    if (baud <= 0) {
      throw new IllegalArgumentException("baud must be positive: " + baud);
    }
    this.inner = inner;
    this.byteTimeNanos = 10.0e9 / baud;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    long now = System.nanoTime();
    long start = Math.max(now, txWireFreeAtNanos);
    txWireFreeAtNanos = start + (long) (length * byteTimeNanos);
    // The bytes reach the far end once they have crossed the wire.
    sleepUntil(txWireFreeAtNanos);
    inner.write(bytes, offset, length);
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    int n = inner.read(buffer, offset, length, timeoutMillis);
    if (n > 0) {
      long start = Math.max(System.nanoTime(), rxWireFreeAtNanos);
      rxWireFreeAtNanos = start + (long) (n * byteTimeNanos);
      sleepUntil(rxWireFreeAtNanos);
    }
    return n;
  }

  private static void sleepUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public void discardInput() {
    inner.discardInput();
  }

  @Override
  public void reopen() {
    inner.reopen();
  }

  @Override
  public void close() {
    inner.close();
  }
}
