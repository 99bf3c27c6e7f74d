package org.nanosynapse.link;

import java.util.Random;

/**
 * Wraps a transport and damages the bytes crossing it, in both directions: each byte is dropped
 * with probability {@code dropFraction} or else has random bits flipped with probability
 * {@code corruptFraction} (both dimensionless, 0..1), drawn from a seeded generator so a failing
 * run can be repeated. For fault tests of the protocol's integrity checks and retransmits.
 */
public final class FaultInjectingTransport implements Transport {
  private final Transport inner;
  private volatile double dropFraction;
  private final double corruptFraction;
  private final Random random;
  private long bytesDropped;
  private long bytesCorrupted;
  private long bytesSeen;

  public FaultInjectingTransport(
      Transport inner, double dropFraction, double corruptFraction, long seed) {
    if (!(dropFraction >= 0 && dropFraction < 1)) {
      throw new IllegalArgumentException("dropFraction must be in [0, 1): " + dropFraction);
    }
    if (!(corruptFraction >= 0 && corruptFraction < 1)) {
      throw new IllegalArgumentException("corruptFraction must be in [0, 1): " + corruptFraction);
    }
    this.inner = inner;
    this.dropFraction = dropFraction;
    this.corruptFraction = corruptFraction;
    this.random = new Random(seed);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    byte[] damaged = new byte[length];
    int n = damage(bytes, offset, length, damaged);
    inner.write(damaged, 0, n);
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    byte[] raw = new byte[length];
    int got = inner.read(raw, 0, length, timeoutMillis);
    return damage(raw, 0, got, buffer, offset);
  }

  private int damage(byte[] src, int offset, int length, byte[] dst) {
    return damage(src, offset, length, dst, 0);
  }

  private synchronized int damage(byte[] src, int offset, int length, byte[] dst, int dstOffset) {
    int n = 0;
    for (int i = 0; i < length; i++) {
      bytesSeen++;
      double u = random.nextDouble();
      if (u < dropFraction) {
        bytesDropped++;
        continue;
      }
      byte b = src[offset + i];
      if (u < dropFraction + corruptFraction) {
        bytesCorrupted++;
        b ^= (byte) (1 + random.nextInt(255));
      }
      dst[dstOffset + n++] = b;
    }
    return n;
  }

  /** Changes the drop probability from now on (e.g. to cut the link in a test). */
  public void setDropFraction(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("dropFraction must be in [0, 1): " + fraction);
    }
    this.dropFraction = fraction;
  }

  public synchronized long bytesDropped() {
    return bytesDropped;
  }

  public synchronized long bytesCorrupted() {
    return bytesCorrupted;
  }

  public synchronized long bytesSeen() {
    return bytesSeen;
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
