package org.nanosynapse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanosynapse.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCommandsTest {
  @TempDir Path tmp;

  @Test
  void trainWritesTheRunFolderAndEvaluateReadsTheModel() throws Exception {
    Path dir = tmp.resolve("run");
    CliRun r = run("train", "--epochs", "5", "--out", dir.toString(), "--format", "json", "--no-progress");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    for (String key : new String[] {"test_accuracy", "train_accuracy", "epochs", "pulses", "energy_j"}) {
      assertTrue(j.has(key), key);
    }
    assertTrue(j.get("test_accuracy").asDouble() > 0.8, r.out());
    assertTrue(j.get("pulses").asLong() > 0);
    for (String f : new String[] {"model.json", "metrics.csv", "pulses.csv", "loss.png", "accuracy.png",
        "confusion.png", "weights.png"}) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    assertEquals(6, Files.readAllLines(dir.resolve("metrics.csv")).size());
    CliRun e = run("evaluate", dir.resolve("model.json").toString(), "--noise", "0.05", "--seed", "3",
        "--fixed-point", "8");
    assertEquals(0, e.exit(), e.err());
    assertTrue(e.out().contains("accuracy") && e.out().contains("horizontal") && e.out().contains("Q8"), e.out());
  }

  @Test
  void trainTakesAParameterSetFileAsWellAsABuiltInName() throws Exception {
    Path set = tmp.resolve("my-set.json");
    CliRun show = run("device", "show", "--param-set", "groningen-2021");
    assertEquals(0, show.exit(), show.err());
    Files.writeString(set, show.out());
    CliRun fromFile = run("train", "--epochs", "2", "--param-set", set.toString(), "--format", "json", "--no-progress");
    CliRun builtIn = run("train", "--epochs", "2", "--format", "json", "--no-progress");
    assertEquals(0, fromFile.exit(), fromFile.err());
    assertEquals(0, builtIn.exit(), builtIn.err());
    // The same set from a file trains exactly as the built-in one (same seed).
    JsonNode expected = new ObjectMapper().readTree(builtIn.out()).get("test_accuracy");
    assertTrue(expected != null && expected.isNumber(), builtIn.out());
    assertEquals(expected, new ObjectMapper().readTree(fromFile.out()).get("test_accuracy"));
    CliRun missing = run("train", "--param-set", tmp.resolve("nope.json").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("param-set"), missing.err());
  }

  @Test
  void trainSavesItsDataAndTrainsOnImportedCsvAndCrossValidates() throws Exception {
    Path dir = tmp.resolve("a");
    CliRun r = run("train", "--mode", "ideal", "--epochs", "3", "--out", dir.toString(), "--save-data", "--no-progress");
    assertEquals(0, r.exit(), r.err());
    CliRun again = run("train", "--mode", "ideal", "--epochs", "3", "--train-data", dir.resolve("train.csv").toString(),
        "--test-data", dir.resolve("test.csv").toString(), "--no-progress");
    assertEquals(0, again.exit(), again.err());
    assertTrue(r.out().lines().skip(1).findFirst().isPresent(), r.out());
    assertEquals(r.out().lines().skip(1).findFirst(), again.out().lines().skip(1).findFirst(),
        "same data and seed give the same accuracy line");
    CliRun bad = run("train", "--size", "4", "--train-data", dir.resolve("train.csv").toString(), "--no-progress");
    assertEquals(2, bad.exit(), bad.err());
    CliRun cv = run("train", "--mode", "ideal", "--epochs", "3", "--folds", "3");
    assertEquals(0, cv.exit(), cv.err());
    assertTrue(cv.out().startsWith("3-fold cross-validation"), cv.out());
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() throws Exception {
    String[][] bad = {
      {"train", "-p", "1.5"}, {"train", "--size", "2"}, {"train", "--activation", "swish"},
      {"train", "--hidden", "0"}, {"train", "--mode", "sideways"}, {"sweep", "--out", tmp.toString(), "--p-values", "-0.1"}
    };
    for (String[] args : bad) {
      CliRun r = run(args);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("error: "), r.err());
    }
    Path other = tmp.resolve("other.json");
    Files.writeString(other, "{\"format\": \"nanosynapse-model/2\"}");
    Path corrupt = tmp.resolve("corrupt.json");
    Files.writeString(corrupt, "{\"format\": \"nanosynapse-model/1\",\n \"network\": {\"layer_sizes\": [9, 4");
    Path wrongShape = tmp.resolve("shape.json");
    Files.writeString(wrongShape, "{\"format\": \"nanosynapse-model/1\", \"network\": {\"layer_sizes\": [9, 2],"
        + " \"activations\": [\"softmax\"], \"weights\": [[[1, 2]]]}}");
    for (Path p : new Path[] {other, corrupt, wrongShape, tmp.resolve("missing.json")}) {
      CliRun r = run("evaluate", p.toString());
      assertEquals(2, r.exit(), p + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
    assertTrue(run("evaluate", other.toString()).err().contains("version"));
    assertTrue(run("evaluate", corrupt.toString()).err().contains("corrupt.json:2"));
  }

  @Test
  void sweepWritesOneCsvAndPlots() throws Exception {
    Path dir = tmp.resolve("sweep");
    CliRun r = run("sweep", "--out", dir.toString(), "--methods", "device-aware,sign-only", "--p-values", "0,0.2",
        "--variations", "0,0.3", "--seeds", "1", "--epochs", "3", "--test-size", "300", "--threads", "2");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1 + 2 * 2 * 2, Files.readAllLines(dir.resolve("sweep.csv")).size());
    assertTrue(Files.size(dir.resolve("accuracy-vs-noise.png")) > 0);
    assertTrue(Files.size(dir.resolve("accuracy-vs-variation.png")) > 0);
  }
}
