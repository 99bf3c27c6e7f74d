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
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.records.RunRecorder;

class NetworkSessionTest {
  final List<String> log = new ArrayList<>();

  @Test
  void boardPowerCutMidRunIsRecoveredAndTheRunFinishesBitExact(@TempDir Path runs) throws Exception {
    Fakes fakes = new Fakes();
    Mlp mlp = Fakes.randomMlp(5, 3);
    Topology topo = DeployerTest.threeBoards("fake:");
    Dataset test = LineDatasetGenerator.generate(LineTask.square(3, 0.1), 300, 42);
    Path folder;
    try (RunRecorder rec = RunRecorder.create(runs, "run");
        NetworkSession s = NetworkSession.open(topo, fakes.opener(), rec, log::add)) {
      folder = rec.folder();
      s.deploy(mlp, DeployerTest.GRONINGEN, NetworkSession.DeployOptions.direct());
      fakes.boards.get("fake:2").powerCutAtInfer = 150; // loses its weights, silent for 3 exchanges
      RunResult r = s.run(test, new NetworkRunner(5_000, 3));
      assertEquals(300, r.patterns().size());
      assertTrue(r.events().stream().anyMatch(e -> e.what().contains("weights re-sent and verified")), r.events().toString());
      Comparison c = s.compare(Thresholds.defaults());
      assertEquals(1.0, c.report().exactOutputs(), "every output bit-exact, also after the power cut");
      assertEquals(1.0, c.report().classAgreement());
      assertTrue(c.report().passed());
      assertTrue(c.report().retries() > 0);
      rec.finish("ok");
    }
    for (String f : List.of("run.json", "topology.json", "model.json", "deployment.json", "patterns.csv",
        "events.jsonl", "counters.json", "comparison/report.json", "comparison/summary.txt", "comparison/patterns.csv",
        "comparison/confusion.csv", "comparison/confusion.png", "comparison/outputs.png", "comparison/timing.png")) {
      assertTrue(Files.size(folder.resolve(f)) > 0, f);
    }
    assertEquals(301, Files.readAllLines(folder.resolve("patterns.csv")).size());
    // The folder alone reproduces the comparison.
    List<double[]> inputs = new ArrayList<>();
    List<PatternResult> patterns = RunFiles.readPatterns(folder.resolve("patterns.csv"), inputs);
    Comparison again = Comparison.of(new Comparison.Inputs(
        patterns, 2, RunFiles.readHostModel(folder.resolve("deployment.json")),
        RunFiles.readModel(folder.resolve("model.json")), inputs.toArray(new double[0][]), List.of(), null, null, 0),
        Thresholds.defaults());
    assertEquals(1.0, again.report().exactOutputs());
  }

  @Test
  void aBoardThatNeverComesBackEndsTheRunButKeepsWhatWasRecorded(@TempDir Path runs) throws Exception {
    Fakes fakes = new Fakes();
    Topology topo = DeployerTest.threeBoards("fake:");
    Dataset test = LineDatasetGenerator.generate(LineTask.square(3, 0.1), 200, 43);
    Path folder;
    try (RunRecorder rec = RunRecorder.create(runs, "run");
        NetworkSession s = NetworkSession.open(topo, fakes.opener(), rec, log::add)) {
      folder = rec.folder();
      s.deploy(Fakes.randomMlp(6, 3), DeployerTest.GRONINGEN, NetworkSession.DeployOptions.direct());
      FakeBoard b3 = fakes.boards.get("fake:3");
      b3.powerCutAtInfer = 80;
      b3.downAfterCut = Integer.MAX_VALUE / 2; // never answers again
      var e = org.junit.jupiter.api.Assertions.assertThrows(
          org.nanosynapse.link.BoardException.class, () -> s.run(test, new NetworkRunner(300, 3)));
      assertTrue(e.getMessage().contains("board 3 (fake:3): did not come back"), e.getMessage());
      b3.downExchanges = 0; // so closing does not matter
    }
    // The 80 patterns before the failure are on disk, and compare works on them.
    assertEquals(81, Files.readAllLines(folder.resolve("patterns.csv")).size());
    Comparison c = org.nanosynapse.compare.RunComparison.compareFolder(folder, Thresholds.defaults());
    assertEquals(80, c.report().patterns());
    assertEquals(1.0, c.report().exactOutputs());
  }
}
