package org.nanosynapse.link;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes an in-process board (one that answers inside {@code write}) behave like one behind a UART
 * cable: each direction is a full-duplex wire carrying one byte per 10 bit times (8N1). Bytes the
 * host writes are queued on the outgoing wire and reach the board when they have crossed it; the
 * board's answer starts on the return wire once the request has arrived, and the host can read each
 * byte only after it has crossed. Used by the link benchmark and by tests that need line-rate timing
 * without the emulator.
 */
public final class ThrottledTransport implements Transport {
  private final Transport inner;
  private final long byteTimeNanos;
  private long txWireFreeAtNanos;
  private long rxWireFreeAtNanos;
  /** Bytes on the return wire: value and the time each has fully arrived. */
  private final ArrayDeque<long[]> returning = new ArrayDeque<>();
  private final byte[] drain = new byte[512];

  public ThrottledTransport(Transport inner, int baud) {
    if (baud <= 0) {
      throw new IllegalArgumentException("baud must be positive: " + baud);
    }
    this.inner = inner;
    this.byteTimeNanos = Math.round(10.0e9 / baud);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    long start = Math.max(System.nanoTime(), txWireFreeAtNanos);
    txWireFreeAtNanos = start + length * byteTimeNanos;
    // The OS buffers the bytes and the write returns; the board's answer is timed as if it had
    // started once the request crossed the wire, and the host cannot read it any earlier.
    inner.write(bytes, offset, length);
    long answerStart = Math.max(txWireFreeAtNanos, rxWireFreeAtNanos);
    int n;
    while ((n = inner.read(drain, 0, drain.length, 0)) > 0) {
      for (int i = 0; i < n; i++) {
        answerStart += byteTimeNanos;
        returning.add(new long[] {drain[i], answerStart});
      }
    }
    rxWireFreeAtNanos = Math.max(rxWireFreeAtNanos, answerStart);
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    if (returning.isEmpty()) {
      sleepUntil(deadline);
      return 0;
    }
    // The host can act only on whole frames, so bytes are handed over up to the next 00 delimiter
    // when that delimiter has arrived (one wake-up per frame instead of one per byte).
    long ready = 0;
    int count = 0;
    for (long[] b : returning) {
      ready = b[1];
      count++;
      if (b[0] == 0 || count == length) {
        break;
      }
    }
    if (ready > deadline) {
      sleepUntil(deadline);
      return 0;
    }
    sleepUntil(ready);
    for (int i = 0; i < count; i++) {
      buffer[offset + i] = (byte) returning.poll()[0];
    }
    return count;
  }

  private static void sleepUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public synchronized void discardInput() {
    returning.clear();
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
