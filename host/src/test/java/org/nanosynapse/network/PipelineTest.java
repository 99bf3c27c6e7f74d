package org.nanosynapse.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.compare.Thresholds;
import org.nanosynapse.training.TrainingConfig;

/** The library entry point of the demo: the default memristive training, then three virtual boards. */
class PipelineTest {
  @Test
  void defaultTrainingDeployedToVirtualBoardsAgreesWithTheHost(@TempDir Path runs) {
    Pipeline.Result r = Pipeline.trainDeployRunCompare(
        TrainingConfig.defaults(), TopologyPlanner.virtualPorts(3), runs, Thresholds.defaults(), s -> {});
    assertEquals(TrainingConfig.defaults().testSize(), r.report().patterns());
    assertEquals(1.0, r.report().exactOutputs());
    // The boards compute what the trained model does, up to the board's fixed point and PLAN tanh.
    assertTrue(Math.abs(r.report().boardAccuracy() - r.training().testAccuracy()) < 0.02, r.summaryText());
    assertTrue(r.report().passed(), r.summaryText());
    assertTrue(r.summaryText().contains("verdict                  PASS"));
    assertTrue(Files.exists(r.runFolder().resolve("comparison/report.json")));
  }
}
