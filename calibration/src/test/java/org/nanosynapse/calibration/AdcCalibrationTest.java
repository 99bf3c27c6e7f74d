package org.nanosynapse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdcCalibrationTest {
  static final AdcFrontEnd FE = new AdcFrontEnd(1e5, 5, 5, 10);

  static List<AdcReading> synthetic(double gain, double offset, double nl, double noiseLsb, Random rng) {
    List<AdcReading> out = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      double r = Math.pow(10, 3.3 + 3.4 * i / 14.0);
      double u = FE.idealCode(r);
      double c = offset + gain * u + nl * AdcCalibration.bow(u, 1023) + noiseLsb * rng.nextGaussian();
      out.add(new AdcReading("b", FE, (int) Math.max(0, Math.min(1023, Math.round(c))), r, i + 1));
    }
    return out;
  }

  @Test
  void recoversGainOffsetAndNonlinearityOverSeeds() {
    int within = 0;
    for (long seed = 1; seed <= 20; seed++) {
      AdcCalibration c = AdcCalibration.fit("b", synthetic(0.98, 4, -3, 0.4, new Random(seed)));
      boolean ok = Math.abs(c.gain() - 0.98) < 3 * c.gainSe() + 1e-3
          && Math.abs(c.offsetLsb() - 4) < 3 * c.offsetLsbSe() + 0.3
          && Math.abs(c.nonlinearityLsb() + 3) < 3 * c.nonlinearityLsbSe() + 0.3;
      within += ok ? 1 : 0;
      assertTrue(c.rmsResidualLsb() < 0.8);
    }
    System.out.printf("ADC parameter recovery: %d/20 seeds within 3 SE%n", within);
    assertTrue(within >= 19, within + "/20");
  }

  @Test
  void applyInvertsTheForwardModel() {
    AdcCalibration c = AdcCalibration.fit("b", synthetic(1.01, -2, 2.5, 0, new Random(3)));
    for (double r : new double[] {5e3, 3e4, 1e5, 4e5, 1.5e6}) {
      double code = c.expectedCode(r);
      assertEquals(FE.idealCode(r), c.correctedCode(code), 1e-6);
    }
    assertTrue(Double.isNaN(c.resistanceOhm(1023)));
    assertTrue(Double.isNaN(c.resistanceOhm(0)));
  }

  @Test
  void fixtureBoardsAreCalibratedAndLaterReadsImprove() {
    AdcReadingsReader.Readings refs = AdcReadingsReader.read(Fixtures.file("adc-references.csv"));
    AdcReadingsReader.Readings later = AdcReadingsReader.read(Fixtures.file("adc-later.csv"));
    AdcCalibrationFile store = new AdcCalibrationFile();
    for (Map.Entry<String, List<AdcReading>> e : refs.byBoard().entrySet()) {
      store.put(new AdcCalibrationFile.Entry(AdcCalibration.fit(e.getKey(), e.getValue()), "adc-references.csv", refs.sha256()));
    }
    AdcCalibrationFile back = AdcCalibrationFile.parse(store.toJson(), "store.json");
    assertEquals(store.toJson(), back.toJson());
    double worstCal = 0;
    double worstRaw = 0;
    for (AdcReading r : later.readings()) {
      AdcCalibration c = back.board(r.boardId(), "store.json");
      double cal = c.resistanceOhm(r.code());
      double raw = AdcCalibration.uncalibratedResistanceOhm(r.frontEnd(), r.code());
      worstCal = Math.max(worstCal, Math.abs(cal / r.referenceOhm() - 1));
      worstRaw = Math.max(worstRaw, Math.abs(raw / r.referenceOhm() - 1));
    }
    System.out.printf("ADC fixture: worst error of later reads, nominal %.2f %%, calibrated %.2f %%%n", 100 * worstRaw, 100 * worstCal);
    assertTrue(worstCal < 0.04, "calibrated worst error " + worstCal);
    assertTrue(worstCal < worstRaw / 2, "calibration should at least halve the worst error: " + worstCal + " vs " + worstRaw);
    assertThrows(IllegalArgumentException.class, () -> back.board("nano-Z", "store.json"));
  }

  @Test
  void malformedReadingsNameFileLineAndColumn() {
    String head = "board_id,series_resistor [kOhm],read_voltage [V],adc_reference [V],adc_code,reference [Ohm]\n";
    Path f = Path.of("adc.csv");
    DataFormatException code = assertThrows(DataFormatException.class,
        () -> AdcReadingsReader.parse(f, (head + "b,100,5,5,1024,1e3\n").getBytes(StandardCharsets.UTF_8)));
    assertEquals("adc.csv, line 2, column 5 (adc_code): ADC code must be 0..1023, got 1024", code.getMessage());
    DataFormatException unit = assertThrows(DataFormatException.class,
        () -> AdcReadingsReader.parse(f, head.replace("[kOhm]", "[kiloquid]").getBytes(StandardCharsets.UTF_8)));
    assertTrue(unit.getMessage().startsWith("adc.csv, line 1, column 2"), unit.getMessage());
    DataFormatException fe = assertThrows(DataFormatException.class,
        () -> AdcReadingsReader.parse(f, (head + "b,100,5,5,10,1e3\nb,220,5,5,20,2e3\n").getBytes(StandardCharsets.UTF_8)));
    assertTrue(fe.getMessage().contains("line 3: front-end values of board b differ from line 2"), fe.getMessage());
  }
}
