package org.nanosynapse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticFixturesTest {
  @Test
  void committedFixturesEqualTheGeneratorOutput() throws Exception {
    for (Map.Entry<String, String> e : SyntheticFixtures.all().entrySet()) {
      String committed = Files.readString(Fixtures.file(e.getKey()), StandardCharsets.UTF_8);
      assertEquals(e.getValue(), committed, e.getKey() + " differs from its generator; regenerate with "
          + "java -cp calibration/target/classes:... org.nanosynapse.calibration.SyntheticFixtures test-fixtures/calibration");
    }
  }
}
