package org.nanosynapse.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.compare.Comparison;
import org.nanosynapse.compare.Thresholds;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.dataset.LineDatasetGenerator;
import org.nanosynapse.dataset.LineTask;
import org.nanosynapse.nn.Activation;
import org.nanosynapse.nn.Loss;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.nn.Optimizer;
import org.nanosynapse.records.RunRecorder;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingData;

/** Training with the weights on three virtual boards: pulses out, read-back codes in. */
class HardwareTrainingTest {
  @Test
  void pulsesOnTheBoardsTrainTheNetworkAndTheScheduleIsLogged(@TempDir Path runs) throws Exception {
    LineTask task = LineTask.square(3, 0.1);
    Dataset train = LineDatasetGenerator.generate(task, 1000, 11);
    Dataset test = LineDatasetGenerator.generate(task, 1000, 12);
    Mlp initial = Mlp.initialised(new int[] {9, 4, 2}, new Activation[] {Activation.TANH, Activation.SOFTMAX}, 3);
    // The trainer's own configuration (its in-place loop and pulse decisions run on the boards).
    TrainingConfig config = TrainingConfig.defaults().toBuilder().task(task).hidden(4).epochs(4).batchSize(10)
        .optimizer(Optimizer.Kind.ADAM).learningRate(0.02).loss(Loss.CROSS_ENTROPY).seed(5).build();
    Topology topo = TopologyPlanner.plan(
        WeightEncoder.layersOf(initial), TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(3));
    List<String> log = new ArrayList<>();
    Comparison c;
    Path folder;
    try (RunRecorder rec = RunRecorder.create(runs, "train-on-hardware");
        NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, log::add)) {
      folder = rec.folder();
      s.trainOnHardware(config, new TrainingData(train, null, test), DeployerTest.GRONINGEN, 8);
      s.run(test, new NetworkRunner());
      c = s.compare(Thresholds.defaults());
    }
    System.out.println(String.join("\n", log.subList(Math.max(0, log.size() - 3), log.size())));
    System.out.println(c.report().summaryText());
    assertTrue(c.report().boardAccuracy() >= 0.85, "trained on the boards: " + c.report().boardAccuracy());
    assertEquals(1.0, c.report().exactOutputs());
    assertTrue(c.report().pulses() > 1000);
    assertTrue(c.report().trajectories() > 0);
    assertTrue(c.report().passed(), c.report().failures().toString());
    List<String> schedule = Files.readAllLines(folder.resolve("pulses.csv"));
    assertEquals(c.report().pulseCommands() + 1, schedule.size(), "one line per pulse command, logged as sent");
    assertEquals(5, Files.readAllLines(folder.resolve("epochs.csv")).size());
    assertTrue(Files.exists(folder.resolve("comparison/trajectories.png")));
  }

  @Test
  void theLoggedScheduleIsTheTrainersDecisionsAndReplaysOnFreshBoardsToTheSameCodes(@TempDir Path runs) {
    // A low refresh factor, so pairs are also refreshed on the boards (RESET pulses, then SET back).
    org.nanosynapse.training.SynapseSettings d = org.nanosynapse.training.SynapseSettings.defaults();
    org.nanosynapse.training.SynapseSettings refreshing = new org.nanosynapse.training.SynapseSettings(d.rule(),
        d.parameterSet(), d.variation(), d.pulseNoise(), d.readNoise(), d.gain(), d.stepAtStart(),
        d.startResistanceOhm(), d.initialWeightSpread(), d.deadZone(), d.maxPulsesPerStep(), 1.05, d.verifyTolerance(),
        d.verifyMaxPulses());
    TrainingConfig config = TrainingConfig.defaults().toBuilder().epochs(1).trainSize(500).testSize(100).seed(7)
        .synapses(refreshing).build();
    TrainingData data = TrainingData.generate(config);
    Topology topo = TopologyPlanner.plan(
        WeightEncoder.layersOf(Mlp.initialised(config.layerSizes(), config.activations(), 0)),
        TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(3));
    List<java.util.List<org.nanosynapse.link.SynapseState>> trained = new ArrayList<>();
    List<org.nanosynapse.training.PulseRecord> schedule;
    org.nanosynapse.training.TrainingResult r;
    try (RunRecorder rec = RunRecorder.create(runs, "train-on-hardware");
        NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, m -> {})) {
      r = s.trainOnHardware(config, data, DeployerTest.GRONINGEN, 8);
      for (BoardSlot slot : topo.boards()) {
        trained.add(s.network().board(slot).readSynapses());
      }
      schedule = org.nanosynapse.training.PulseLogCsv.read(rec.folder().resolve("pulse-schedule.csv"));
    }
    // Every pulse the trainer decided is in the log, and went out as commands (init and train phases).
    assertEquals(r.pulses(), schedule.stream().mapToLong(org.nanosynapse.training.PulseRecord::count).sum());
    assertTrue(schedule.stream().anyMatch(p -> p.phase().equals("init")));
    assertTrue(schedule.stream().anyMatch(p -> p.phase().equals("train")));
    assertTrue(schedule.stream().anyMatch(p -> p.phase().equals("refresh") && p.polarity().equals("RESET")));
    System.out.printf("on 3 virtual boards: %d pulses (%d in refreshes), %d devices refreshed%n", r.pulses(),
        schedule.stream().filter(p -> p.phase().equals("refresh")).mapToLong(p -> p.count()).sum(),
        r.devices().refreshes());
    try (RunRecorder rec = RunRecorder.create(runs, "replay");
        NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, m -> {})) {
      DeploymentResult replayed = s.replaySchedule(config, DeployerTest.GRONINGEN, 8, schedule);
      assertEquals(r.pulses(), replayed.pulseCount());
      for (int b = 0; b < topo.boards().size(); b++) {
        assertEquals(trained.get(b), s.network().board(topo.boards().get(b)).readSynapses(), "board " + (b + 1));
      }
    }
  }
}
