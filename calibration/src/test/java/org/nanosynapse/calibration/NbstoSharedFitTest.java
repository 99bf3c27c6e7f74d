package org.nanosynapse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fits of the real Nb:SrTiO3 measurements in ../shared/data/nbsto-pulses (issue 4, "What it must show"). */
class NbstoSharedFitTest {

  @Test
  void eachNewDeviceSeriesMeetsTheFitThresholds() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(SharedData.pulses().resolve("new-device"))) {
      files = s.sorted().toList();
    }
    assertEquals(8, files.size());
    for (Path f : files) {
      PulseData d = PulseDataReader.read(f);
      assertEquals(2, d.series().size(), f.toString());
      for (PulseSeries s : d.series()) {
        assertEquals(100, s.size(), s.name());
        PowerLawFit fit = PowerLawFitter.fit(s, FitOptions.freeR0());
        System.out.printf("%-40s %-5s R0=%.4g R1=%.4g a=%+.4f R2=%.5f rmse=%.4f %s%n", s.name(), s.branch().label(),
            fit.r0Ohm(), fit.r1Ohm(), fit.a(), fit.r2(), fit.rmseLog10(), fit.r0Handling());
        if (s.branch() == Branch.SET) {
          assertTrue(fit.a() < 0, s.name());
          assertTrue(fit.r2() >= 0.99, s.name() + " R2 " + fit.r2());
          assertTrue(fit.rmseLog10() <= 0.02, s.name() + " rmse " + fit.rmseLog10());
        } else {
          assertTrue(fit.a() > 0, s.name());
          assertTrue(fit.r2() >= 0.95, s.name() + " R2 " + fit.r2());
          assertTrue(fit.rmseLog10() <= 0.06, s.name() + " rmse " + fit.rmseLog10());
        }
      }
    }
  }

  @Test
  void oldDeviceSetSeriesWithR0Fixed() {
    PulseData d = PulseDataReader.read(
        SharedData.pulses().resolve("old-device/reset-m4V_set-p0.1-1.0V_read-m1V_resistance.tsv"));
    List<PulseSeries> set = d.series().stream()
        .filter(s -> s.branch() == Branch.SET)
        .sorted(Comparator.comparingDouble(PulseSeries::amplitudeV))
        .toList();
    assertEquals(10, set.size());
    // physics-and-sources.md §4 table A: log-log fits with R0 fixed at 200 Ohm, n = 1 at the first SET read.
    double[] notesA = {-0.122, -0.134, -0.188, -0.204, -0.252, -0.291, -0.330, -0.411, -0.415, -0.492};
    double previousMagnitude = 0;
    for (int i = 0; i < set.size(); i++) {
      PulseSeries s = set.get(i);
      assertEquals(10, s.size());
      PowerLawFit fit = PowerLawFitter.fit(s, FitOptions.fixedR0(200));
      System.out.printf("%-50s V=%+.1f R1=%.4g a=%+.4f rmse=%.4f%n", s.name(), s.amplitudeV(), fit.r1Ohm(), fit.a(), fit.rmseLog10());
      assertEquals(0.1 * (i + 1), s.amplitudeV(), 1e-9);
      assertTrue(fit.rmseLog10() <= 0.03, s.name() + " rmse " + fit.rmseLog10());
      assertEquals(notesA[i], fit.a(), 0.006, s.name() + ": a differs from the notes' own fit");
      assertTrue(Math.abs(fit.a()) > previousMagnitude, s.name() + ": |a| does not grow with amplitude");
      previousMagnitude = Math.abs(fit.a());
      assertEquals(R0Handling.FIXED, fit.r0Handling());
    }
  }
}
