package org.nanosynapse.link;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A board's connection that can follow the board to another port path: Linux may re-enumerate a
 * replugged Nano under another name. Every (re-)open goes through the opener; the port lister names
 * the candidates, and only ports that look like Nanos are offered unless the user allowed any port.
 * Both are injectable so that tests can re-enumerate in-process boards.
 */
public final class RelocatingTransport implements Transport {
  private final Function<String, Transport> opener;
  private final Supplier<List<PortDiscovery.PortInfo>> lister;
  private final boolean anyPort;
  private String path;
  private Transport inner;

  /** Opens {@code path} through {@code opener}. */
  public RelocatingTransport(String path, Function<String, Transport> opener,
      Supplier<List<PortDiscovery.PortInfo>> lister, boolean anyPort) {
    this.opener = opener;
    this.lister = lister;
    this.anyPort = anyPort;
    this.path = path;
    this.inner = opener.apply(path);
  }

  /** A serial port found again among the OS's listed likely Nanos (jSerialComm, 115200 baud). */
  public static RelocatingTransport serialPort(String path) {
    return new RelocatingTransport(path, p -> SerialPortTransport.open(p, SerialPortTransport.DEFAULT_BAUD),
        PortDiscovery::list, false);
  }

  @Override
  public String name() {
    return path;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    requireOpen().write(bytes, offset, length);
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    return requireOpen().read(buffer, offset, length, timeoutMillis);
  }

  @Override
  public void discardInput() {
    Transport t = inner;
    if (t != null) {
      t.discardInput();
    }
  }

  @Override
  public synchronized void reopen() {
    close();
    inner = opener.apply(path);
  }

  @Override
  public List<String> relocationCandidates() {
    return PortDiscovery.relocationCandidates(lister.get(), path, anyPort);
  }

  @Override
  public synchronized void moveTo(String newPath) {
    close();
    path = newPath;
    inner = opener.apply(newPath);
  }

  @Override
  public synchronized void close() {
    Transport t = inner;
    inner = null;
    if (t != null) {
      t.close();
    }
  }

  private Transport requireOpen() {
    Transport t = inner;
    if (t == null) {
      throw new TransportException("port " + path + ": not open");
    }
    return t;
  }
}
