package org.nanosynapse.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortDiscoveryTest {
  @Test
  void nanoBridgesAreFlaggedByTheirUsbIds() {
    PortDiscovery.PortInfo ch340 = PortDiscovery.describe("/dev/ttyUSB0", "USB Serial", 0x1a86, 0x7523, "Unknown");
    assertTrue(ch340.likelyNano());
    assertEquals("1a86:7523", ch340.usbIds());
    assertTrue(ch340.bridge().startsWith("CH340"));
    assertNull(ch340.serialNumber());
    assertTrue(PortDiscovery.describe("/dev/ttyUSB1", "FT232R", 0x0403, 0x6001, "A9XYZ").likelyNano());
    assertTrue(PortDiscovery.describe("/dev/ttyACM0", "Arduino Uno", 0x2341, 0x0043, "123").likelyNano());
    assertTrue(PortDiscovery.describe("/dev/ttyACM1", "Arduino", 0x2341, 0x0001, null).likelyNano());

    PortDiscovery.PortInfo other = PortDiscovery.describe("/dev/ttyACM2", "Modem", 0x1234, 0x5678, null);
    assertFalse(other.likelyNano());
    PortDiscovery.PortInfo builtin = PortDiscovery.describe("/dev/ttyS0", "Physical Port S0", -1, -1, null);
    assertEquals("-", builtin.usbIds());
    assertFalse(builtin.likelyNano());
  }

  @Test
  void likelyNanosAreFlaggedAndListedFirstInTheOsOrder() {
    List<PortDiscovery.PortInfo> ports = PortDiscovery.classify(List.of(
        new PortDiscovery.PortDescription("/dev/ttyS0", "Physical Port S0", -1, -1, null),
        new PortDiscovery.PortDescription("/dev/ttyUSB0", "USB Serial", 0x1a86, 0x7523, "Unknown"),
        new PortDiscovery.PortDescription("/dev/ttyACM0", "Modem", 0x1234, 0x5678, null),
        new PortDiscovery.PortDescription("/dev/ttyUSB1", "FT232R USB UART", 0x0403, 0x6001, "A9XYZ"),
        new PortDiscovery.PortDescription("/dev/ttyACM1", "Arduino Uno", 0x2341, 0x0043, "7553"),
        new PortDiscovery.PortDescription("/dev/ttyUSB2", "CP2102 USB to UART", 0x10c4, 0xea60, null)));

    assertEquals(List.of("/dev/ttyUSB0", "/dev/ttyUSB1", "/dev/ttyACM1", "/dev/ttyUSB2", "/dev/ttyS0", "/dev/ttyACM0"),
        ports.stream().map(PortDiscovery.PortInfo::path).toList());
    assertEquals(List.of(true, true, true, true, false, false),
        ports.stream().map(PortDiscovery.PortInfo::likelyNano).toList());
    assertEquals(List.of("1a86:7523", "0403:6001", "2341:0043", "10c4:ea60", "-", "1234:5678"),
        ports.stream().map(PortDiscovery.PortInfo::usbIds).toList());
    assertTrue(ports.get(0).bridge().startsWith("CH340"));
    assertTrue(ports.get(1).bridge().startsWith("FTDI"));
    assertTrue(ports.get(2).bridge().startsWith("ATmega16U2"));
    assertTrue(ports.get(3).bridge().startsWith("CP2102"));
    assertNull(ports.get(5).bridge());
    assertNull(ports.get(0).serialNumber(), "\"Unknown\" is no serial number");
    assertEquals("A9XYZ", ports.get(1).serialNumber());
  }
}
