package org.nanosynapse.link;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the serial ports the OS knows, with their USB vendor and product ids, and flags the ones
 * whose USB–serial bridge is found on Arduino Nanos and their clones. Pseudo-terminals (emulated
 * boards) are not listed by the OS: those are opened by a typed path.
 */
public final class PortDiscovery {
  private PortDiscovery() {}

  /** A USB–serial bridge found on Nano-class boards. */
  public record KnownBridge(int vendorId, int productId, String description) {}

  /** USB bridges seen on Arduino Nanos, Unos and their clones (vendor id, product id). */
  public static final List<KnownBridge> NANO_BRIDGES =
      List.of(
          new KnownBridge(0x1a86, 0x7523, "CH340 (Nano clones)"),
          new KnownBridge(0x1a86, 0x5523, "CH341 (Nano clones)"),
          new KnownBridge(0x0403, 0x6001, "FTDI FT232R (original Nano)"),
          new KnownBridge(0x0403, 0x6015, "FTDI FT231X (Nano clones)"),
          new KnownBridge(0x2341, 0x0043, "ATmega16U2 (Arduino Uno R3)"),
          new KnownBridge(0x2341, 0x0001, "ATmega8U2 (Arduino Uno)"),
          new KnownBridge(0x2341, 0x0243, "ATmega16U2 (Arduino Uno R3, newer id)"),
          new KnownBridge(0x2a03, 0x0043, "ATmega16U2 (arduino.org Uno)"),
          new KnownBridge(0x10c4, 0xea60, "CP2102 (Nano clones)"));

  /** One port as the OS lists it. Ids are -1 when the port is not a USB device. */
  public record PortInfo(
      String path, String description, int vendorId, int productId, String serialNumber, String bridge) {

    public boolean likelyNano() {
      return bridge != null;
    }

    /** "1a86:7523", or "-" for a port without USB ids. */
    public String usbIds() {
      return vendorId < 0 ? "-" : String.format("%04x:%04x", vendorId, productId);
    }
  }

  /** A port as the OS describes it, before flagging: path, description, USB ids (-1: none), serial. */
  public record PortDescription(
      String path, String description, int vendorId, int productId, String serialNumber) {}

  /** Every port the OS lists, likely Nanos first. */
  public static List<PortInfo> list() {
    List<PortDescription> found = new ArrayList<>();
    for (SerialPort p : SerialPort.getCommPorts()) {
      found.add(new PortDescription(p.getSystemPortPath(), p.getPortDescription(), p.getVendorID(),
          p.getProductID(), p.getSerialNumber()));
    }
    return classify(found);
  }

  /**
   * Flags each port whose USB ids are a known Nano bridge and puts those first; within each group the
   * order is the OS's (a stable sort).
   */
  public static List<PortInfo> classify(List<PortDescription> ports) {
    List<PortInfo> out = new ArrayList<>(ports.size());
    for (PortDescription p : ports) {
      out.add(describe(p.path(), p.description(), p.vendorId(), p.productId(), p.serialNumber()));
    }
    out.sort((a, b) -> Boolean.compare(b.likelyNano(), a.likelyNano()));
    return out;
  }

  /**
   * Where to look for a board that vanished from {@code oldPath} (a USB re-enumeration gives it another
   * name): the listed likely Nanos other than {@code oldPath}, or every other listed port when
   * {@code anyPort} (the user allowed opening ports that do not look like Nanos).
   */
  public static List<String> relocationCandidates(List<PortInfo> ports, String oldPath, boolean anyPort) {
    List<String> out = new ArrayList<>();
    for (PortInfo p : ports) {
      if ((anyPort || p.likelyNano()) && !p.path().equals(oldPath)) {
        out.add(p.path());
      }
    }
    return out;
  }

  /** Builds a {@link PortInfo}, naming the bridge when the USB ids are a known Nano bridge. */
  public static PortInfo describe(
      String path, String description, int vendorId, int productId, String serialNumber) {
    String bridge = bridgeOf(vendorId, productId).map(KnownBridge::description).orElse(null);
    String serial = serialNumber == null || serialNumber.isBlank() || "Unknown".equals(serialNumber)
        ? null : serialNumber;
    return new PortInfo(path, description, vendorId, productId, serial, bridge);
  }

  public static Optional<KnownBridge> bridgeOf(int vendorId, int productId) {
    return NANO_BRIDGES.stream()
        .filter(b -> b.vendorId() == vendorId && b.productId() == productId)
        .findFirst();
  }
}
