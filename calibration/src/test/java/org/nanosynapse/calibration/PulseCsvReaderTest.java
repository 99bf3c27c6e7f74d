package org.nanosynapse.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PulseCsvReaderTest {
  static final Path FILE = Path.of("pulses.csv");

  static PulseData parse(String text) {
    return PulseDataReader.parse(FILE, text.getBytes(StandardCharsets.UTF_8));
  }

  static final String GOOD = """
      # two trains of one device
      device_id,pulse_index,polarity,amplitude [mV],width [ms],read_voltage [V],current [uA]
      d1,1,reset,-2000,100,-0.5,-5
      d1,2,reset,-2000,100,-0.5,-2.5
      d1,3,reset,-2000,100,-0.5,-1
      d1,4,set,1000,100,-0.5,-2
      d1,5,set,1000,100,-0.5,-4
      d1,7,set,1000,100,-0.5,-5
      """;

  @Test
  void readsUnitsAndSplitsSeriesWithNCountedFromTheFirstPulseOfEachRun() {
    PulseData d = parse(GOOD);
    assertEquals(PulseCsvReader.FORMAT, d.format());
    assertEquals(2, d.series().size());
    PulseSeries reset = d.series().get(0);
    assertEquals(Branch.RESET, reset.branch());
    assertEquals(-2.0, reset.amplitudeV(), 1e-12);
    assertEquals(0.1, reset.widthS(), 1e-12);
    assertArrayEquals(new double[] {1, 2, 3}, reset.pulseNumber());
    assertArrayEquals(new double[] {1e5, 2e5, 5e5}, reset.resistanceOhm(), 1e-6);
    PulseSeries set = d.series().get(1);
    assertEquals("d1/set@+1V", set.name());
    assertArrayEquals(new double[] {1, 2, 4}, set.pulseNumber(), "a gap in pulse_index is kept in n");
    assertEquals(64, d.sha256().length());
    assertTrue(d.relaxations().isEmpty());
  }

  @Test
  void resistanceColumnWithPrefixedUnit() {
    PulseData d = parse("device_id,pulse_index,polarity,amplitude [V],width [s],read_voltage [V],resistance [MOhm]\n"
        + "x,1,set,1,0.1,-1,2.5\nx,2,set,1,0.1,-1,2\nx,3,set,1,0.1,-1,1.8\n");
    assertArrayEquals(new double[] {2.5e6, 2e6, 1.8e6}, d.series().get(0).resistanceOhm(), 1e-6);
  }

  private static DataFormatException bad(String text) {
    return assertThrows(DataFormatException.class, () -> parse(text));
  }

  @Test
  void nonNumericCellNamesFileLineAndColumn() {
    DataFormatException e = bad(GOOD.replace("d1,2,reset,-2000,100,-0.5,-2.5", "d1,2,reset,-2000,abc,-0.5,-2.5"));
    assertEquals("pulses.csv, line 4, column 5 (width): not a number: 'abc'", e.getMessage());
    assertEquals(4, e.line());
  }

  @Test
  void negativeAndZeroResistanceAreRejected() {
    String head = "device_id,pulse_index,polarity,amplitude [V],width [s],read_voltage [V],resistance [Ohm]\n";
    DataFormatException neg = bad(head + "x,1,set,1,0.1,-1,1e6\nx,2,set,1,0.1,-1,-5\n");
    assertEquals("pulses.csv, line 3, column 7 (resistance): resistance must be > 0, got -5", neg.getMessage());
    DataFormatException zero = bad(head + "x,1,set,1,0.1,-1,0\n");
    assertTrue(zero.getMessage().startsWith("pulses.csv, line 2, column 7 (resistance): resistance must be > 0"), zero.getMessage());
    DataFormatException sign = bad(GOOD.replace("-0.5,-4", "-0.5,4"));
    assertTrue(sign.getMessage().contains("line 7, column 7 (current)"), sign.getMessage());
    DataFormatException noCurrent = bad(GOOD.replace("-0.5,-4", "-0.5,0"));
    assertTrue(noCurrent.getMessage().contains("resistance would be infinite"), noCurrent.getMessage());
  }

  @Test
  void missingColumnIsNamed() {
    DataFormatException e = bad("device_id,pulse_index,polarity,amplitude [V],read_voltage [V],current [A]\nx,1,set,1,-1,1e-6\n");
    assertEquals("pulses.csv, line 1: missing column 'width'", e.getMessage());
    DataFormatException both = bad("device_id,pulse_index,polarity,amplitude [V],width [s],read_voltage [V]\n");
    assertTrue(both.getMessage().contains("missing column 'current' or 'resistance'"));
  }

  @Test
  void unknownUnitIsNamedWithItsColumn() {
    DataFormatException e = bad(GOOD.replace("width [ms]", "width [fortnights]"));
    assertTrue(e.getMessage().startsWith("pulses.csv, line 2, column 5 (width [fortnights]): unknown unit 'fortnights'"), e.getMessage());
    DataFormatException noUnit = bad(GOOD.replace("amplitude [mV]", "amplitude"));
    assertTrue(noUnit.getMessage().contains("column 4 (amplitude): missing unit"), noUnit.getMessage());
  }

  @Test
  void otherMalformedInput() {
    assertTrue(bad(GOOD.replace("d1,3,reset", "d1,3,sideways")).getMessage().contains("line 5, column 3 (polarity)"));
    assertTrue(bad(GOOD.replace("d1,5,set", "d1,4.5,set")).getMessage().contains("not a whole number"));
    assertTrue(bad(GOOD.replace("d1,7,set,1000,100,-0.5,-5", "d1,7,set,1000,100,-0.5")).getMessage()
        .contains("line 8: 6 cells but the header has 7 columns"));
    assertEquals("pulses.csv, line 8: pulse 4 of device d1 was already read on line 6 (several reads of one pulse need a time column)",
        bad(GOOD.replace("d1,7,set", "d1,4,set")).getMessage());
    assertTrue(bad(GOOD.replace("d1,7,set", "d1,0,set")).getMessage().contains("line 8: pulse_index must increase"));
    assertTrue(bad("hello\n").getMessage().contains("unknown format"));
  }

  @Test
  void timeColumnBuildsRelaxationSeries() {
    String text = "device_id,pulse_index,polarity,amplitude [V],width [s],read_voltage [V],resistance [Ohm],time [min]\n"
        + "x,1,set,1,0.1,-1,1e6,0.01\nx,2,set,1,0.1,-1,9e5,0.01\nx,3,set,1,0.1,-1,8e5,0.01\n"
        + "x,3,set,1,0.1,-1,8.5e5,1\nx,3,set,1,0.1,-1,9e5,10\n";
    PulseData d = parse(text);
    assertEquals(1, d.relaxations().size());
    RelaxationSeries r = d.relaxations().get(0);
    assertArrayEquals(new double[] {0.6, 60, 600}, r.timeS(), 1e-9);
    assertArrayEquals(new double[] {1e6, 9e5, 8e5}, d.series().get(0).resistanceOhm(), 1e-6,
        "the pulse series uses the earliest read of each pulse");
  }
}
