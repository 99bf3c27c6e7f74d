package org.nanosynapse.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanosynapse.nn.Mlp;

class TrainerTest {
  @Test
  void sameSeedSameRunInEveryMode() {
    for (TrainingMode mode : TrainingMode.values()) {
      TrainingConfig c = TrainingConfig.defaults().toBuilder().mode(mode).epochs(3).seed(42).build();
      TrainingResult a = Trainer.train(c);
      TrainingResult b = Trainer.train(c);
      assertEquals(a.testAccuracy(), b.testAccuracy(), mode.label());
      assertEquals(a.pulses(), b.pulses());
      for (int l = 0; l < a.model().layerCount(); l++) {
        for (int j = 0; j < a.model().weights()[l].length; j++) {
          assertArrayEquals(a.model().weights()[l][j], b.model().weights()[l][j]);
        }
      }
    }
  }

  @Test
  void pulseLogReplaysOnFreshDevicesToTheSameStates() throws Exception {
    // Pulse noise on, read noise off: each device's random stream is consumed only by its own pulses, so
    // replaying the log pulse run by pulse run on a fresh population from the same seed gives the same states.
    TrainingConfig c = TrainingConfig.defaults().toBuilder().epochs(2).seed(7)
        .synapses(SynapseSettings.defaults().withNoise(0.05, 0)).build();
    java.util.List<PulseRecord> log = new java.util.ArrayList<>();
    TrainingResult r = Trainer.train(c, new TrainingListener() {
      @Override
      public void pulses(PulseRecord record) {
        log.add(record);
      }
    });
    assertEquals(r.pulses(), log.stream().mapToLong(PulseRecord::count).sum());
    assertTrue(log.stream().anyMatch(p -> p.phase().equals("init")));
    // through the CSV form too: what a run folder's pulses.csv holds
    java.nio.file.Path csv = java.nio.file.Files.createTempFile("pulses", ".csv");
    StringBuilder sb = new StringBuilder(PulseRecord.CSV_HEADER).append('\n');
    log.forEach(p -> sb.append(p.csvRow()).append('\n'));
    java.nio.file.Files.writeString(csv, sb.toString());
    List<PulseRecord> read = PulseLogCsv.read(csv);
    assertEquals(log, read);
    java.nio.file.Files.writeString(csv, PulseRecord.CSV_HEADER + "\n0,init,0,0,0,x,0,SET,0.1,0.1,3\n");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> PulseLogCsv.read(csv));
    assertTrue(bad.getMessage().endsWith(":2: side: bad value 'x'"), bad.getMessage());
    java.nio.file.Files.delete(csv);
    long seed = Trainer.deviceSeed(c.seed());
    DevicePairArray fresh = DevicePairArray.create(Mlp.initialised(c.layerSizes(), c.activations(), 1),
        c.synapses(), seed, TrainingListener.NONE);
    for (PulseRecord p : read) {
      fresh.replay(p);
    }
    for (int d = 0; d < fresh.population().size(); d++) {
      assertEquals(r.devices().population().resistanceOhm(d), fresh.population().resistanceOhm(d), 0, "device " + d);
    }
  }

  @Test
  void earlyStoppingStopsAndKFoldReportsEveryFold() {
    TrainingConfig c = TrainingConfig.defaults().toBuilder().mode(TrainingMode.IDEAL).epochs(200).validationSize(500)
        .patience(3).seed(3).build();
    TrainingResult r = Trainer.train(c);
    assertTrue(r.epochs() < 200, "stopped after " + r.epochs());
    assertTrue(r.testAccuracy() > 0.88);
    CrossValidation.Result cv = CrossValidation.run(
        TrainingConfig.defaults().toBuilder().mode(TrainingMode.IDEAL).trainSize(1000).epochs(10).build(), 5);
    assertEquals(5, cv.foldAccuracies().length);
    assertTrue(cv.mean() > 0.85, "k-fold mean " + cv.mean());
  }

  @Test
  void dropoutWeightDecayAndOptimisersAllTrain() {
    for (var opt : org.nanosynapse.nn.Optimizer.Kind.values()) {
      TrainingConfig c = TrainingConfig.defaults().toBuilder().mode(TrainingMode.IDEAL).optimizer(opt)
          .learningRate(opt == org.nanosynapse.nn.Optimizer.Kind.SGD ? 0.1 : 0.01).momentum(
              opt == org.nanosynapse.nn.Optimizer.Kind.SGD ? 0.5 : 0)
          .dropout(0.1).weightDecay(1e-4).hidden(8).seed(5).build();
      assertTrue(Trainer.train(c).testAccuracy() > 0.85, opt.label());
    }
  }

  @Test
  void badConfigurationNamesTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingConfig.defaults().toBuilder().hidden(0).build());
    assertTrue(e.getMessage().startsWith("hidden size"));
    e = assertThrows(IllegalArgumentException.class,
        () -> TrainingConfig.defaults().toBuilder().outputActivation(org.nanosynapse.nn.Activation.TANH).build());
    assertTrue(e.getMessage().startsWith("loss"));
    e = assertThrows(IllegalArgumentException.class,
        () -> TrainingConfig.defaults().toBuilder().patience(2).build());
    assertTrue(e.getMessage().startsWith("patience"));
  }

  @Test
  void writeVerifyProgramsWithinToleranceAndCountsEnergy() {
    TrainingConfig c = TrainingConfig.defaults().toBuilder().mode(TrainingMode.WRITE_VERIFY).epochs(5).seed(9).build();
    TrainingResult r = Trainer.train(c);
    assertTrue(r.pulses() > 0);
    assertTrue(r.energyJ() > 0);
    assertTrue(r.writeTimeS() > 0);
    assertTrue(Math.abs(r.testAccuracy() - r.idealTestAccuracy()) < 0.03,
        "programmed " + r.testAccuracy() + " vs ideal " + r.idealTestAccuracy());
  }
}
