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
import org.nanosynapse.records.RunRecorder;
import org.nanosynapse.training.Trainer;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingMode;
import org.nanosynapse.training.TrainingResult;

/**
 * The whole flow on the in-process virtual network (the real codec and the Java firmware): the
 * default memristive MLP trained, deployed to three boards, a 2,000-image noisy test set (p = 0.1)
 * run through them, and compared with the host's predictions.
 */
class VirtualNetworkTest {
  final List<String> log = new ArrayList<>();

  @Test
  void trainedMlpOnThreeVirtualBoardsMatchesTheHostPrediction(@TempDir Path runs) throws Exception {
    TrainingResult trained = Trainer.train(TrainingConfig.defaults().toBuilder().mode(TrainingMode.IDEAL).build());
    Dataset test = LineDatasetGenerator.generate(TrainingConfig.defaults().task(), 2000, 2024);
    Topology topo = TopologyPlanner.plan(
        WeightEncoder.layersOf(trained.model()), TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(3));
    Comparison c;
    Path folder;
    try (RunRecorder rec = RunRecorder.create(runs, "virtual");
        NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, log::add)) {
      folder = rec.folder();
      s.deploy(trained.model(), DeployerTest.GRONINGEN, NetworkSession.DeployOptions.direct());
      s.run(test, new NetworkRunner());
      c = s.compare(Thresholds.defaults());
      rec.finish("ok");
    }
    var r = c.report();
    System.out.println("trainer test accuracy " + trained.testAccuracy() + "\n" + r.summaryText());
    assertEquals(2000, r.patterns());
    assertTrue(r.boardAccuracy() >= 0.90, "board accuracy " + r.boardAccuracy());
    assertEquals(1.0, r.classAgreement(), "agreement: every class as the host fixed-point model");
    assertEquals(1.0, r.exactOutputs(), "the virtual board computes PROTOCOL.md §Arithmetic exactly");
    assertTrue(r.passed(), r.failures().toString());
    for (int id = 1; id <= 3; id++) {
      assertTrue(Files.size(folder.resolve("transcripts/board-" + id + ".txt")) > 1000, "transcript of board " + id);
    }
  }
}
