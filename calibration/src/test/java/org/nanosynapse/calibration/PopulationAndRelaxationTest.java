package org.nanosynapse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PopulationAndRelaxationTest {

  @Test
  void populationFixtureGivesMeansAndSpreads() {
    PulseData d = PulseDataReader.read(Fixtures.file("population.csv"));
    assertEquals(2 * SyntheticFixtures.DEVICES, d.series().size());
    Calibrator.Result r = Calibrator.run(d, List.of(Branch.SET, Branch.RESET), FitOptions.freeR0(), "pop", Double.NaN, Double.NaN);
    List<PopulationFit> pop = r.file().population();
    assertEquals(2, pop.size());
    for (PopulationFit p : pop) {
      assertEquals(SyntheticFixtures.DEVICES, p.devices());
      double trueA = p.branch() == Branch.SET ? SyntheticFixtures.SET_A : SyntheticFixtures.RESET_A;
      // Six devices with 10 % spread: the mean of a is within ~3 sigma/sqrt(6) ~ 12 % of the truth.
      assertEquals(trueA, p.aMean(), Math.abs(trueA) * 0.15, p.branch() + " mean a");
      assertTrue(p.exponentSpreadRel() > 0.02 && p.exponentSpreadRel() < 0.25, p.branch() + " spread a " + p.exponentSpreadRel());
      assertTrue(p.r1SpreadRel() > 0.02 && p.r1SpreadRel() < 0.3, p.branch() + " spread R1 " + p.r1SpreadRel());
      assertEquals(p.exponentSpreadRel(), p.deviceSpread().exponentSpreadRel());
      assertEquals(p.r1SpreadRel(), p.deviceSpread().r1SpreadRel());
    }
  }

  /** Spread recovery over many seeds: 40 devices, 10 % true spread of a and R1, R0 fixed at its known mean. */
  @Test
  void populationSpreadIsRecoveredOverSeeds() {
    int good = 0;
    int seeds = 10;
    for (long seed = 1; seed <= seeds; seed++) {
      Random rng = new Random(seed);
      List<SeriesFit> fits = new ArrayList<>();
      for (int dev = 0; dev < 40; dev++) {
        double r1 = 1e6 * (1 + 0.1 * rng.nextGaussian());
        double a = -0.5 * (1 + 0.1 * rng.nextGaussian());
        PulseSeries s = SyntheticSeries.generate("d" + dev, Branch.SET, 1e3, r1, a, 60, 0.01, rng);
        s = new PulseSeries(s.name(), "dev" + dev, Branch.SET, 1.0, 0.1, -1, s.pulseNumber(), s.resistanceOhm(), "synthetic");
        fits.add(new SeriesFit(s, PowerLawFitter.fit(s, FitOptions.fixedR0(1e3))));
      }
      PopulationFit p = PopulationFit.of(fits).get(0);
      if (Math.abs(p.exponentSpreadRel() - 0.1) < 0.03 && Math.abs(p.r1SpreadRel() - 0.1) < 0.03
          && Math.abs(p.aMean() / -0.5 - 1) < 0.05) {
        good++;
      }
    }
    assertTrue(good >= 9, good + "/" + seeds + " seeds recovered the 10 % spread within 3 points");
  }

  @Test
  void singleDeviceGivesNoPopulation() {
    PulseSeries s = SyntheticSeries.generate("x", Branch.SET, 1e3, 1e6, -0.5, 30, 0.01, new Random(1));
    assertTrue(PopulationFit.of(List.of(new SeriesFit(s, PowerLawFitter.fit(s, FitOptions.freeR0())))).isEmpty());
  }

  @Test
  void relaxationFixtureIsFittedAsAPowerLawInTime() {
    PulseData d = PulseDataReader.read(Fixtures.file("relaxation.csv"));
    assertEquals(1, d.relaxations().size());
    assertEquals(1, d.series().size());
    assertEquals(10, d.series().get(0).size());
    Calibrator.Result r = Calibrator.run(d, List.of(Branch.SET), FitOptions.freeR0(), "relax", Double.NaN, Double.NaN);
    assertEquals(1, r.file().relaxation().size());
    FitRow f = r.file().relaxation().get(0);
    assertEquals(25, f.nPoints());
    assertEquals(SyntheticFixtures.RELAX_B, f.a(), 3 * f.aSe() + 0.01);
    assertEquals(SyntheticFixtures.RELAX_R1_OHM, f.r1Ohm(), 0.25 * SyntheticFixtures.RELAX_R1_OHM);
    assertTrue(f.rmseLog10() < 0.01);
  }
}
