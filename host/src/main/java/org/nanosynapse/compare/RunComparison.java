package org.nanosynapse.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.link.BoardCounters;
import org.nanosynapse.network.PatternResult;
import org.nanosynapse.network.RunFiles;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.nn.Mlp;

/**
 * The comparison of a recorded run folder, from its files alone ({@code deployment.json},
 * {@code model.json}, {@code patterns.csv}, {@code pulses.csv}, {@code counters.json}, {@code
 * events.jsonl}); works on the part of a run recorded before a crash. Writes {@code comparison/}.
 */
public final class RunComparison {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunComparison() {}

  public static Comparison compareFolder(Path run, Thresholds thresholds) {
    FixedPointNetwork host = RunFiles.readHostModel(run.resolve("deployment.json"));
    Mlp model = Files.exists(run.resolve("model.json")) ? RunFiles.readModel(run.resolve("model.json")) : null;
    List<double[]> inputs = new ArrayList<>();
    List<PatternResult> patterns = RunFiles.readPatterns(run.resolve("patterns.csv"), inputs);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException(run.resolve("patterns.csv") + ": no patterns were recorded");
    }
    int classes = host.layers().get(host.layers().size() - 1).outputs();
    List<String> names = classNames(run.resolve("run.json"), classes);
    java.util.Map<Integer, BoardCounters> before = null;
    java.util.Map<Integer, BoardCounters> after = null;
    if (Files.exists(run.resolve("counters.json"))) {
      before = new java.util.LinkedHashMap<>();
      after = new java.util.LinkedHashMap<>();
      readCounterMaps(run.resolve("counters.json"), before, after);
    }
    int events = countLines(run.resolve("events.jsonl"));
    Comparison c = Comparison.of(
        new Comparison.Inputs(
            patterns, classes, host, model, inputs.toArray(new double[0][]), RunFiles.readPulses(run.resolve("pulses.csv")),
            before, after, events),
        thresholds);
    ReportWriter.write(run.resolve("comparison"), c, names);
    return c;
  }

  private static List<String> classNames(Path runJson, int classes) {
    List<String> names = new ArrayList<>();
    try {
      JsonNode n = JSON.readTree(Files.readString(runJson)).path("test_set").path("classes");
      n.forEach(x -> names.add(x.asText()));
    } catch (IOException | RuntimeException e) {
      // Names are cosmetic; fall back to indices.
    }
    while (names.size() < classes) {
      names.add(String.valueOf(names.size()));
    }
    return names;
  }

  private static void readCounterMaps(
      Path file, java.util.Map<Integer, BoardCounters> before, java.util.Map<Integer, BoardCounters> after) {
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      for (String which : List.of("before", "after")) {
        var target = which.equals("before") ? before : after;
        var it = root.path(which).fields();
        while (it.hasNext()) {
          var e = it.next();
          target.put(Integer.parseInt(e.getKey()), JSON.treeToValue(e.getValue(), BoardCounters.class));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage().replaceAll("\\s+", " "), e);
    }
  }

  private static int countLines(Path file) {
    try {
      return Files.exists(file) ? (int) Files.lines(file).filter(l -> !l.isBlank()).count() : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
