package org.nanosynapse.link;

import com.fazecast.jSerialComm.SerialPort;
import java.util.concurrent.locks.LockSupport;

/**
 * A serial port or pseudo-terminal opened through jSerialComm at 8N1. ptys are not listed by the OS
 * but open by path (or by a symlink to one), which is how emulated boards are reached.
 */
public final class SerialPortTransport implements Transport {
  public static final int DEFAULT_BAUD = 115_200;

  private final String path;
  private final int baud;
  private SerialPort port;

  private SerialPortTransport(String path, int baud) {
    this.path = path;
    this.baud = baud;
  }

  /** Opens {@code path} (e.g. {@code /dev/ttyUSB0}, {@code /dev/pts/3}, or a symlink). */
  public static SerialPortTransport open(String path, int baud) {
    SerialPortTransport t = new SerialPortTransport(path, baud);
    t.openPort();
    return t;
  }

  private void openPort() {
    if (path.startsWith("/") && !java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
      throw new TransportException("port " + path + ": no such device (unplugged? for an emulated board give its pty link)");
    }
    SerialPort p;
    try {
      p = SerialPort.getCommPort(path);
    } catch (RuntimeException e) {
      throw new TransportException("port " + path + ": cannot be opened: " + e.getMessage(), e);
    }
    p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    if (!p.openPort()) {
      throw new TransportException(
          "port " + path + ": cannot be opened (missing, busy, or no permission; error code "
              + p.getLastErrorCode() + ")");
    }
    port = p;
  }

  @Override
  public String name() {
    return path;
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    SerialPort p = requireOpen();
    int done = 0;
    while (done < length) {
      int n = p.writeBytes(bytes, length - done, offset + done);
      if (n < 0) {
        throw new TransportException("port " + path + ": write failed (port closed or unplugged)");
      }
      done += n;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    SerialPort p = requireOpen();
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (true) {
      int available = p.bytesAvailable();
      if (available < 0) {
        throw new TransportException("port " + path + ": read failed (port closed or unplugged)");
      }
      if (available > 0) {
        int n = p.readBytes(buffer, Math.min(available, length), offset);
        if (n < 0) {
          throw new TransportException("port " + path + ": read failed (port closed or unplugged)");
        }
        return n;
      }
      long leftNanos = deadline - System.nanoTime();
      if (leftNanos <= 0) {
        return 0;
      }
      // Short parks keep the latency near a byte time at 115200 baud without spinning a core.
      LockSupport.parkNanos(Math.min(leftNanos, 150_000));
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new TransportException("port " + path + ": interrupted while reading");
      }
    }
  }

  @Override
  public void discardInput() {
    SerialPort p = port;
    if (p != null) {
      byte[] sink = new byte[256];
      while (p.bytesAvailable() > 0 && p.readBytes(sink, sink.length) > 0) {
        // dropped on purpose
      }
    }
  }

  @Override
  public synchronized void reopen() {
    close();
    openPort();
  }

  @Override
  public synchronized void close() {
    if (port != null) {
      port.closePort();
      port = null;
    }
  }

  private SerialPort requireOpen() {
    SerialPort p = port;
    if (p == null) {
      throw new TransportException("port " + path + ": not open");
    }
    return p;
  }
}
