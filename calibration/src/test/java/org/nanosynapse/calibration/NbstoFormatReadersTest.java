package org.nanosynapse.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The importers of the two shared formats, on small synthetic files in those formats. */
class NbstoFormatReadersTest {

  static String newDevice(int resetPulses, int setPulses) {
    StringBuilder sb = new StringBuilder("-0.5\t0\t-1.0E-4\t1.0E-4\n");
    for (int i = 1; i <= resetPulses; i++) {
      double r = 1e5 * Math.pow(i, 0.8);
      sb.append("-0.5\t").append(i).append('\t').append(-0.5 / r).append('\t').append(0.5 / r).append('\n');
    }
    for (int i = 1; i <= setPulses; i++) {
      double r = 2e4 + 1e6 * Math.pow(i, -0.9);
      sb.append("-0.5\t").append(100 + i).append('\t').append(-0.5 / r).append('\t').append(0.5 / r).append('\n');
    }
    return sb.toString();
  }

  @Test
  void newDeviceIndicesMapToNPerBranchAndAmplitudesComeFromTheName() {
    Path f = Path.of("Sp2V_RSm3V_Rm500mV_processed.txt");
    PulseData d = PulseDataReader.parse(f, newDevice(100, 100).getBytes(StandardCharsets.UTF_8));
    assertEquals(NbstoNewDeviceReader.FORMAT, d.format());
    assertEquals(2, d.series().size());
    PulseSeries reset = d.series().get(0);
    PulseSeries set = d.series().get(1);
    assertEquals("Sp2V_RSm3V_Rm500mV/reset", reset.name());
    assertEquals(-3.0, reset.amplitudeV());
    assertEquals(2.0, set.amplitudeV());
    assertEquals(-0.5, set.readVoltageV());
    assertEquals(1, set.pulseNumber()[0]);
    assertEquals(100, set.pulseNumber()[99]);
    assertEquals(1e5, reset.resistanceOhm()[0], 1e-3);
    PowerLawFit fit = PowerLawFitter.fit(set, FitOptions.freeR0());
    assertEquals(-0.9, fit.a(), 1e-6);
    assertEquals(2e4, fit.r0Ohm(), 1e-2);
  }

  @Test
  void newDeviceMalformedLines() {
    Path f = Path.of("Sp1V_RSm2V_R300mV_processed.txt");
    String text = newDevice(3, 3).replace("\t2\t", "\tx2\t");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> PulseDataReader.parse(f, text.getBytes(StandardCharsets.UTF_8)));
    assertEquals("Sp1V_RSm2V_R300mV_processed.txt, line 3, column 2 (pulse_index): not a number: 'x2'", e.getMessage());
    String zero = newDevice(3, 3).replaceFirst("\n-0.5\t2\t[^\n]*", "\n-0.5\t2\t0\t0");
    assertTrue(assertThrows(DataFormatException.class,
        () -> PulseDataReader.parse(f, zero.getBytes(StandardCharsets.UTF_8))).getMessage()
        .contains("line 3, column 4 (abs_current): |current| must be > 0"));
  }

  static final String OLD = "--\t1 V\t0.5 V\n"
      + "pulse number\tResistance (Ohm)\tResistance (Ohm)\n"
      + "1\t1.0E8\t1.1E8\n2\t1.2E8\t1.3E8\n3\t1.3E8\t1.4E8\n"
      + "4\t9.0E7\t1.2E8\n5\t8.0E7\t1.15E8\n6\t7.5E7\t1.1E8\n";

  @Test
  void oldDeviceColumnsBecomeSeriesWithSetNCountedAfterTheResetPulses() {
    Path f = Path.of("reset-m4V_set-p0.5-1.0V_read-m1V_resistance.tsv");
    String text = OLD.replace("\n4\t", "\n11\t").replace("\n5\t", "\n12\t").replace("\n6\t", "\n13\t");
    PulseData d = PulseDataReader.parse(f, text.getBytes(StandardCharsets.UTF_8));
    assertEquals(NbstoOldDeviceReader.FORMAT, d.format());
    assertEquals(4, d.series().size());
    PulseSeries set1 = d.series().get(1);
    assertEquals(Branch.SET, set1.branch());
    assertEquals(1.0, set1.amplitudeV());
    assertEquals(-1.0, set1.readVoltageV());
    assertArrayEquals(new double[] {1, 2, 3}, set1.pulseNumber());
    assertArrayEquals(new double[] {9e7, 8e7, 7.5e7}, set1.resistanceOhm());
    assertEquals(-4.0, d.series().get(0).amplitudeV());
    assertArrayEquals(new double[] {1, 2, 3}, d.series().get(0).pulseNumber());
  }

  @Test
  void oldDeviceUnknownUnitAndNegativeResistance() {
    Path f = Path.of("old.tsv");
    DataFormatException unit = assertThrows(DataFormatException.class, () -> PulseDataReader.parse(f,
        OLD.replaceFirst("Resistance \\(Ohm\\)", "Resistance (furlong)").getBytes(StandardCharsets.UTF_8)));
    assertEquals("old.tsv, line 2, column 2 (Resistance (furlong)): unknown unit, expected 'Resistance (Ohm)'", unit.getMessage());
    DataFormatException neg = assertThrows(DataFormatException.class, () -> PulseDataReader.parse(f,
        OLD.replace("1.3E8\t1.4E8", "1.3E8\t-1.4E8").getBytes(StandardCharsets.UTF_8)));
    assertEquals("old.tsv, line 5, column 3 (0.5 V): resistance must be > 0, got -1.4E8", neg.getMessage());
  }
}
