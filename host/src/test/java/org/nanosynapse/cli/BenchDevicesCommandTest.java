package org.nanosynapse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The benchmark command runs and reports; its figures are not asserted (speed lives in the README). */
class BenchDevicesCommandTest {
  @Test
  void shortRunReportsEveryCase() throws Exception {
    var r = CliRun.run("bench", "devices", "--devices", "2000", "--seconds", "0.05",
        "--warmup-seconds", "0", "--threads", "1,2", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2000, j.get("devices").asInt());
    JsonNode results = j.get("results");
    assertEquals(8, results.size()); // 2 workloads x noise off/on x 2 thread counts
    for (JsonNode res : results) {
      assertTrue(res.get("pulses").asLong() >= 2000, res.toString());
      assertTrue(res.get("pulsesPerSecond").asDouble() > 0);
    }
  }

  @Test
  void badInputExitsTwo() {
    var r = CliRun.run("bench", "devices", "--devices", "0");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: devices:"), r.err());
  }
}
