package org.nanosynapse.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParameterSetTest {

  @Test
  void groningenIsThePublishedSet() {
    ParameterSet p = ParameterSet.builtIn("groningen-2021");
    PowerLawParameters set = p.law(Polarity.SET, 0.1);
    assertEquals(200, set.r0Ohm());
    assertEquals(2.3e8, set.r1Ohm());
    assertEquals(-0.146, set.exponent());
    assertEquals(1e8, p.initialResistanceOhm());
    assertEquals(-1.0, p.readVoltageV());
    assertEquals(200, p.minResistanceOhm());
    assertEquals(2.3e8, p.maxResistanceOhm());
    assertTrue(p.source().contains("10.3389/fnins.2020.627276"));
    PowerLawParameters reset = p.law(Polarity.RESET, -4.0);
    assertEquals(Polarity.RESET, reset.polarity());
    assertEquals(0.2055, reset.exponent(), 1e-12);
  }

  @Test
  void everyBuiltInRoundTripsThroughJson() {
    for (String name : ParameterSet.BUILT_IN) {
      ParameterSet p = ParameterSet.builtIn(name);
      ParameterSet again = ParameterSet.fromJson(p.toJson(), "roundtrip");
      assertEquals(p, again, name);
      assertEquals(name, again.name());
      assertFalse(again.source().isBlank());
      assertTrue(p.toJson().contains("\"r0_ohm\""));
      assertTrue(p.toJson().contains("\"amplitude_v\""));
      assertTrue(p.toJson().contains("\"pulse_width_s\""));
    }
  }

  @Test
  void interpolatesBetweenAmplitudes() {
    ParameterSet p = ParameterSet.builtIn("old-device-amplitudes");
    // Table rows: +0.4 V (R1 1.88e8, a -0.204) and +0.5 V (R1 1.86e8, a -0.252); at +0.45 V:
    // a = -0.228 (linear), R1 = sqrt(1.88e8 * 1.86e8) = 1.869973e8 (geometric), R0 = 200.
    PowerLawParameters mid = p.law(Polarity.SET, 0.45);
    assertEquals(-0.228, mid.exponent(), 1e-12);
    assertEquals(Math.sqrt(1.88e8 * 1.86e8), mid.r1Ohm(), 1e-3);
    assertEquals(200, mid.r0Ohm(), 1e-12);
    // At a table row exactly: that row.
    assertEquals(-0.492, p.law(Polarity.SET, 1.0).exponent(), 1e-15);
    // Larger SET amplitude gives a bigger drop after 10 pulses from R1 (physics-and-sources.md §4 fact 6).
    double r01 = PowerLaw.resistanceAt(p.law(Polarity.SET, 0.1), 10);
    double r10 = PowerLaw.resistanceAt(p.law(Polarity.SET, 1.0), 10);
    assertTrue(r10 < r01);
  }

  @Test
  void refusesAmplitudesOutsideTheTableOrOfTheWrongSign() {
    ParameterSet p = ParameterSet.builtIn("old-device-amplitudes");
    var e = assertThrows(IllegalArgumentException.class, () -> p.law(Polarity.SET, 1.5));
    assertTrue(e.getMessage().startsWith("amplitude_v: +1.5 V is outside the SET table"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.law(Polarity.SET, -0.5));
    assertTrue(e.getMessage().startsWith("amplitude_v: a SET pulse needs a positive amplitude"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.law(Polarity.RESET, -3));
    assertTrue(e.getMessage().contains("outside the RESET table"), e.getMessage());
  }

  @Test
  void unknownBuiltInNamesTheField() {
    var e = assertThrows(IllegalArgumentException.class, () -> ParameterSet.builtIn("nope"));
    assertTrue(e.getMessage().startsWith("param-set: unknown parameter set 'nope'"), e.getMessage());
  }

  private static String json(String setRow, String extra) {
    return "{\n"
        + "  \"name\": \"t\",\n"
        + "  \"source\": \"test\",\n"
        + "  \"read_voltage_v\": -1,\n"
        + "  \"pulse_width_s\": 0.1,\n"
        + "  \"min_resistance_ohm\": 100,\n"
        + "  \"max_resistance_ohm\": 1e6,\n"
        + "  \"initial_resistance_ohm\": 1e5,\n" + extra
        + "  \"set\": [" + setRow + "]\n"
        + "}\n";
  }

  @Test
  void badFilesGiveOneLineErrorsNamingTheField() {
    String ok = "{\"amplitude_v\": 1, \"r0_ohm\": 100, \"r1_ohm\": 1e5, \"exponent\": -0.3}";
    ParameterSet p = ParameterSet.fromJson(json(ok, ""), "f.json");
    assertEquals(-0.3, p.setLaw().exponent());

    String positiveA = "{\"amplitude_v\": 1, \"r0_ohm\": 100, \"r1_ohm\": 1e5, \"exponent\": 0.3}";
    var e = assertThrows(IllegalArgumentException.class, () -> ParameterSet.fromJson(json(positiveA, ""), "f.json"));
    assertEquals("f.json: set[0].exponent: exponent must be < 0 for SET, got 0.3", e.getMessage());

    String negR = "{\"amplitude_v\": 1, \"r0_ohm\": -5, \"r1_ohm\": 1e5, \"exponent\": -0.3}";
    e = assertThrows(IllegalArgumentException.class, () -> ParameterSet.fromJson(json(negR, ""), "f.json"));
    assertTrue(e.getMessage().startsWith("f.json: set[0].r0_ohm: must be"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSet.fromJson(json(ok, "  \"pulse_width\": 1,\n"), "f.json"));
    assertTrue(e.getMessage().startsWith("f.json line 9: unknown field 'pulse_width'"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSet.fromJson(json(ok, "").replace("\"source\": \"test\",", ""), "f.json"));
    assertEquals("f.json: source: missing", e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSet.fromJson(json(ok, "").replace("\"min_resistance_ohm\": 100", "\"min_resistance_ohm\": -100"),
            "f.json"));
    assertTrue(e.getMessage().startsWith("f.json: min_resistance_ohm:"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> ParameterSet.fromJson("{\n\"name\": ", "f.json"));
    assertTrue(e.getMessage().startsWith("f.json line 2: malformed JSON"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));

    String noA = "{\"amplitude_v\": 1, \"r0_ohm\": 100, \"r1_ohm\": 1e5}";
    e = assertThrows(IllegalArgumentException.class, () -> ParameterSet.fromJson(json(noA, ""), "f.json"));
    assertEquals("f.json: set[0].exponent: missing", e.getMessage());
  }
}
