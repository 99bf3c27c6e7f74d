package org.nanosynapse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLawParameters;

class CalibrationFileTest {

  /** Synthetic SET series at 5 amplitudes with a(V) steeper for stronger pulses, plus one RESET series. */
  static PulseData amplitudeData() {
    Random rng = new Random(11);
    List<PulseSeries> series = new ArrayList<>();
    for (int k = 1; k <= 5; k++) {
      double v = 0.2 * k;
      PulseSeries s = SyntheticSeries.generate("s", Branch.SET, 200, 2e8 / (1 + 0.1 * k), -0.1 * k, 20, 0.01, rng);
      series.add(new PulseSeries("dev/set@" + v, "dev", Branch.SET, v, 0.1, -1, s.pulseNumber(), s.resistanceOhm(), "synthetic"));
    }
    PulseSeries r = SyntheticSeries.generate("r", Branch.RESET, 200, 1.4e8, 0.2, 20, 0.01, rng);
    series.add(new PulseSeries("dev/reset@-4", "dev", Branch.RESET, -4, 0.1, -1, r.pulseNumber(), r.resistanceOhm(), "synthetic"));
    return new PulseData(java.nio.file.Path.of("synthetic.csv"), "test", "0".repeat(64), series, List.of());
  }

  @Test
  void amplitudeTableBecomesALoadableParameterSet() {
    Calibrator.Result res = Calibrator.run(amplitudeData(), List.of(Branch.SET, Branch.RESET), FitOptions.fixedR0(200),
        "synthetic-amplitudes", Double.NaN, Double.NaN);
    ParameterSet ps = res.file().parameterSet();
    assertNotNull(ps);
    assertEquals(5, ps.table(Polarity.SET).size());
    assertEquals(1, ps.table(Polarity.RESET).size());
    assertEquals(-1.0, ps.readVoltageV());
    for (SeriesFit sf : res.fits()) {
      Polarity pol = sf.series().branch() == Branch.SET ? Polarity.SET : Polarity.RESET;
      PowerLawParameters law = ps.law(pol, sf.series().amplitudeV());
      assertEquals(sf.fit().a(), law.exponent(), 1e-12);
      assertEquals(sf.fit().r1Ohm(), law.r1Ohm(), 1e-6 * law.r1Ohm());
    }
    // a(V) interpolated between 0.4 V and 0.6 V lies between the two fitted exponents
    double a = ps.law(Polarity.SET, 0.5).exponent();
    assertTrue(a < ps.law(Polarity.SET, 0.4).exponent() && a > ps.law(Polarity.SET, 0.6).exponent());
    assertTrue(ps.source().contains("synthetic.csv"));
    assertTrue(ps.minResistanceOhm() <= 200 && ps.maxResistanceOhm() >= ps.initialResistanceOhm());
  }

  @Test
  void writtenFileReadsBackEqual() {
    Calibrator.Result res = Calibrator.run(amplitudeData(), List.of(Branch.SET, Branch.RESET), FitOptions.freeR0(),
        "rt", Double.NaN, Double.NaN);
    String json = res.file().toJson();
    CalibrationFile back = CalibrationJson.parse(json, "cal.json");
    assertEquals(json, back.toJson());
    assertEquals(res.file().series(), back.series());
    assertEquals(res.file().parameterSet(), back.parameterSet());
    assertEquals(CalibrationFile.FORMAT, json.lines().filter(l -> l.contains("\"format\"")).findFirst().orElseThrow()
        .replaceAll(".*: \"(.*)\",?", "$1"));
  }

  @Test
  void seriesTooShortToFitAreSkippedAndListed() {
    PulseData d = PulseCsvReaderTest.parse("""
        device_id,pulse_index,polarity,amplitude [V],width [s],read_voltage [V],resistance [Ohm]
        d,1,reset,-2,0.1,-1,2e6
        d,2,set,1,0.1,-1,1.5e6
        d,3,set,1,0.1,-1,1.2e6
        d,4,set,1,0.1,-1,1.1e6
        d,5,set,1,0.1,-1,1.05e6
        d,6,set,1,0.1,-1,1.02e6
        """);
    Calibrator.Result res = Calibrator.run(d, List.of(Branch.SET, Branch.RESET), FitOptions.freeR0(), "s", Double.NaN, Double.NaN);
    assertEquals(1, res.file().series().size());
    assertEquals(List.of(new CalibrationFile.Skipped("d/reset@-2V", "1 reads, a fit needs at least 4")), res.file().skipped());
    assertEquals(res.file().skipped(), CalibrationJson.parse(res.file().toJson(), "x").skipped());
    assertThrows(IllegalArgumentException.class,
        () -> Calibrator.run(d, List.of(Branch.RESET), FitOptions.freeR0(), "s", Double.NaN, Double.NaN));
  }

  @Test
  void resetOnlyHasNoParameterSet() {
    Calibrator.Result res = Calibrator.run(amplitudeData(), List.of(Branch.RESET), FitOptions.freeR0(), "r", Double.NaN, Double.NaN);
    assertNull(res.file().parameterSet());
    assertNull(CalibrationJson.parse(res.file().toJson(), "x").parameterSet());
  }

  @Test
  void badFilesAreRejectedNamingTheField() {
    String json = Calibrator.run(amplitudeData(), List.of(Branch.SET), FitOptions.freeR0(), "x", Double.NaN, Double.NaN)
        .file().toJson();
    assertEquals("cal.json: format: expected 'nanosynapse-calibration/1', got 'nanosynapse-calibration/9'",
        assertThrows(IllegalArgumentException.class,
            () -> CalibrationJson.parse(json.replace("nanosynapse-calibration/1", "nanosynapse-calibration/9"), "cal.json")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CalibrationJson.parse(json.replace("\"r2\" :", "\"r2x\" :"), "cal.json")).getMessage().contains("r2: missing"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CalibrationJson.parse("{\n \"format\": ", "cal.json")).getMessage().startsWith("cal.json, line"));
  }
}
