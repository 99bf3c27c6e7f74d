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

/** Training with the weights on three virtual boards: pulses out, read-back codes in. */
class HardwareTrainingTest {
  @Test
  void pulsesOnTheBoardsTrainTheNetworkAndTheScheduleIsLogged(@TempDir Path runs) throws Exception {
    LineTask task = LineTask.square(3, 0.1);
    Dataset train = LineDatasetGenerator.generate(task, 1000, 11);
    Dataset test = LineDatasetGenerator.generate(task, 1000, 12);
    Mlp initial = Mlp.initialised(new int[] {9, 4, 2}, new Activation[] {Activation.TANH, Activation.SOFTMAX}, 3);
    Topology topo = TopologyPlanner.plan(
        WeightEncoder.layersOf(initial), TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(3));
    List<String> log = new ArrayList<>();
    Comparison c;
    Path folder;
    try (RunRecorder rec = RunRecorder.create(runs, "train-on-hardware");
        NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, log::add)) {
      folder = rec.folder();
      s.trainOnHardware(initial, DeployerTest.GRONINGEN, 8, 6, 2000, train, test,
          new HardwareTrainer.Options(4, 10, Optimizer.Kind.ADAM, 0.02, Loss.CROSS_ENTROPY, 200, 5));
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
}
