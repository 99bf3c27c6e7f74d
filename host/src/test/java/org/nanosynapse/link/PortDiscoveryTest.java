package org.nanosynapse.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void listingPortsWorksWithoutHardware() {
    // Whatever the machine has, listing must not fail and must put likely Nanos first.
    var ports = PortDiscovery.list();
    boolean seenOther = false;
    for (var p : ports) {
      assertFalse(seenOther && p.likelyNano(), "likely Nanos must come first: " + ports);
      seenOther |= !p.likelyNano();
    }
  }
}
