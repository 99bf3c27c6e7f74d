package org.nanosynapse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanosynapse.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy, run and compare from the command line, on in-process virtual boards. */
class NetworkCommandsTest {
  /** Kept for OnHardwareMixinsTest, which calls the CLI through this name. */
  static CliRun exec(String... args) {
    return run(args);
  }

  private static Path onlyRun(Path runs) throws Exception {
    try (Stream<Path> s = Files.list(runs)) {
      List<Path> all = s.toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  @Test
  void runOnVirtualBoardsThenCompareWithThresholds(@TempDir Path dir) throws Exception {
    Path runs = dir.resolve("runs");
    CliRun r = run("run", "--boards", "3", "--test-size", "300", "--runs", runs.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("verdict                  PASS"), r.out());
    Path run = onlyRun(runs);
    assertTrue(Files.exists(run.resolve("comparison/report.json")));

    CliRun again = run("compare", run.toString(), "--format", "json");
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("\"passed\" : true"), again.out());

    // A threshold the run does not meet makes compare exit 1 and say why.
    CliRun strict = run("compare", run.toString(), "--min-accuracy", "0.999");
    assertEquals(1, strict.exit());
    assertTrue(strict.out().contains("FAIL: board accuracy"), strict.out());

    // A run whose recorded board outputs disagree with the host: exit 1.
    Path patterns = run.resolve("patterns.csv");
    List<String> lines = Files.readAllLines(patterns);
    for (int i = 1; i <= 30; i++) {
      String[] f = lines.get(i).split(",", -1);
      f[2] = String.valueOf(1 - Integer.parseInt(f[2])); // flip the recorded board class
      lines.set(i, String.join(",", f));
    }
    Files.write(patterns, lines);
    CliRun tampered = run("compare", run.toString());
    assertEquals(1, tampered.exit());
    assertTrue(tampered.out().contains("class agreement"), tampered.out());
  }

  @Test
  void corruptedTopologyFileIsAOneLineBadInputError(@TempDir Path dir) throws Exception {
    Path topo = dir.resolve("topology.json");
    CliRun ok = run("deploy", "--boards", "3", "--write-topology", topo.toString(), "--runs", dir.resolve("r").toString());
    assertEquals(0, ok.exit(), ok.err());
    String good = Files.readString(topo);
    Files.writeString(topo, good.substring(0, good.length() - 40));
    CliRun bad = run("run", "--topology", topo.toString(), "--runs", dir.resolve("r2").toString());
    assertEquals(2, bad.exit(), bad.err());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
    assertTrue(bad.err().startsWith("error: " + topo + " line "), bad.err());

    Files.writeString(topo, good.replace("\"first_neuron\" : 2", "\"first_neuron\" : 3"));
    bad = run("run", "--topology", topo.toString(), "--runs", dir.resolve("r3").toString());
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().startsWith("error: " + topo + ": boards[1].neurons: neurons 3..4 exceed layer 0"), bad.err());
    assertTrue(Files.notExists(dir.resolve("r3")), "nothing recorded for bad input");
  }

  @Test
  void badOptionsAreBadInput(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("model.json");
    Files.writeString(model, "{\"sizes\": [9, 4], \"activations\": [\"tanh\"], \"weights\": [[[1, 2]]]}");
    CliRun r = run("deploy", "--model", model.toString(), "--runs", dir.resolve("r").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().startsWith("error: " + model + ": weights[0]"), r.err());
    r = run("run", "--mode", "sideways", "--runs", dir.resolve("r").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("mode: expected direct or write-verify"), r.err());
  }
}
