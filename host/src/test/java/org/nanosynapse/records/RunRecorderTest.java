package org.nanosynapse.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {
  @TempDir Path runs;

  @Test
  void recordsAsTheRunGoesAndFinishes() throws Exception {
    ObjectMapper json = new ObjectMapper();
    RunRecorder rec = RunRecorder.create(runs, "deploy test");
    RunRecorder other = RunRecorder.create(runs, "deploy test");
    assertNotEquals(rec.folder(), other.folder());
    other.close();

    rec.writeJson("config.json", Map.of("seed", 7, "boards", List.of("a", "b")));
    rec.manifest("seeds", Map.of("data", 7));
    AppendLog csv = rec.csv("results.csv", "image", "class", "note");
    csv.row(0, 1, "a,b");
    AppendLog jsonl = rec.jsonLines("events.jsonl");
    jsonl.record(Map.of("event", "deployed"));

    // Still running: everything so far is already on disk.
    JsonNode manifest = json.readTree(rec.folder().resolve("run.json").toFile());
    assertEquals("running", manifest.get("status").asText());
    assertEquals(7, manifest.get("seeds").get("data").asInt());
    assertEquals(List.of("image,class,note", "0,1,\"a,b\""), Files.readAllLines(rec.folder().resolve("results.csv")));
    assertEquals("deployed", json.readTree(Files.readString(rec.folder().resolve("events.jsonl"))).get("event").asText());
    assertEquals(7, json.readTree(rec.folder().resolve("config.json").toFile()).get("seed").asInt());

    rec.finish("ok");
    rec.close();
    manifest = json.readTree(rec.folder().resolve("run.json").toFile());
    assertEquals("ok", manifest.get("status").asText());
    assertTrue(manifest.has("endedUtc"));
    assertTrue(rec.folder().getFileName().toString().endsWith("-deploy_test"));
  }
}
