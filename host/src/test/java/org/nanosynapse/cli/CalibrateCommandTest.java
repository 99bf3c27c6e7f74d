package org.nanosynapse.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanosynapse.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.calibration.AdcCalibrationFile;
import org.nanosynapse.calibration.CalibrationFile;

/** {@code calibrate fit} and {@code calibrate adc} on the project's synthetic fixtures. */
class CalibrateCommandTest {
  @TempDir Path dir;

  static Path fixture(String name) {
    return Path.of(System.getProperty("nanosynapse.root", "..")).toAbsolutePath().normalize()
        .resolve("test-fixtures/calibration").resolve(name);
  }

  @Test
  void fitWritesTheCalibrationFilePlotsAndATable() throws IOException {
    Path out = dir.resolve("cal.json");
    CliRun r = run("calibrate", "fit", fixture("population.csv").toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("dev-01/set@+1V"), r.out());
    assertTrue(r.out().contains("population set +1V: 6 devices"), r.out());
    assertTrue(r.out().contains("R0: free within [0, min R)"), r.out());
    CalibrationFile cal = CalibrationFile.read(out);
    assertEquals(12, cal.series().size());
    assertEquals(2, cal.population().size());
    assertNotNull(cal.parameterSet());
    assertEquals(org.nanosynapse.calibration.PulseDataReader.read(fixture("population.csv")).sha256(), cal.data().sha256());
    Path plots = dir.resolve("cal-plots");
    try (Stream<Path> s = Files.list(plots)) {
      List<Path> pngs = s.toList();
      assertEquals(24, pngs.size());
      byte[] head = Arrays.copyOf(Files.readAllBytes(pngs.get(0)), 4);
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
    }
    // The simulator loads the calibration's parameter set.
    CliRun sim = run("device", "simulate", "--calibration", out.toString(), "--pulses", "5xSET@+1V", "--format", "json");
    assertEquals(0, sim.exit(), sim.err());
    JsonNode j = new ObjectMapper().readTree(sim.out());
    assertEquals(cal.parameterSet().name(), j.get("param_set").asText());
    assertEquals(2, run("device", "simulate", "--calibration", out.toString(), "--param-set", "groningen-2021").exit());
    Path resetOnly = dir.resolve("reset.json");
    assertEquals(0, run("calibrate", "fit", fixture("population.csv").toString(), "--branch", "reset", "--no-plots",
        "--out", resetOnly.toString()).exit());
    CliRun none = run("device", "simulate", "--calibration", resetOnly.toString());
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("holds no parameter set"), none.err());
  }

  @Test
  void jsonFormatHasExactlyTheDocumentedKeysPerSeries() throws IOException {
    Path out = dir.resolve("cal.json");
    CliRun r = run("calibrate", "fit", fixture("population.csv").toString(), "--branch", "set", "--fix-r0", "1500",
        "--out", out.toString(), "--format", "json", "--no-plots");
    assertEquals(0, r.exit(), r.err());
    JsonNode arr = new ObjectMapper().readTree(r.out());
    assertEquals(6, arr.size());
    for (JsonNode o : arr) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      assertEquals(CalibrateFitCommand.JSON_KEYS, keys);
      assertEquals("set", o.get("branch").asText());
      assertEquals(1500.0, o.get("r0_ohm").asDouble());
      assertTrue(o.get("r0_ohm_se").isNull(), "a fixed R0 has no standard error");
      assertEquals(40, o.get("n_points").asInt());
    }
    assertEquals("fixed", CalibrationFile.read(out).settings().r0Mode());
    assertFalse(Files.exists(dir.resolve("cal-plots")));
  }

  static final String HEAD = "device_id,pulse_index,polarity,amplitude [V],width [ms],read_voltage [V],resistance [Ohm]\n";
  static final String ROWS = "d,1,set,1,100,-0.5,1e6\nd,2,set,1,100,-0.5,8e5\nd,3,set,1,100,-0.5,7e5\nd,4,set,1,100,-0.5,6.5e5\n";

  @Test
  void malformedInputExitsWithTwoNamingFileLineAndColumnAndWritesNothing() throws IOException {
    String[][] cases = {
      {"non-numeric", HEAD + ROWS.replace("8e5", "8e5x"), "line 3, column 7 (resistance): not a number"},
      {"negative", HEAD + ROWS.replace("7e5", "-7e5"), "line 4, column 7 (resistance): resistance must be > 0"},
      {"zero", HEAD + ROWS.replace("6.5e5", "0"), "line 5, column 7 (resistance): resistance must be > 0"},
      {"missing-column", HEAD.replace("width [ms],", "") + ROWS.replace(",100,", ","), "line 1: missing column 'width'"},
      {"unknown-unit", HEAD.replace("[Ohm]", "[Ohms]") + ROWS, "line 1, column 7 (resistance [Ohms]): unknown unit 'Ohms'"},
    };
    for (String[] c : cases) {
      Path data = dir.resolve(c[0] + ".csv");
      Files.writeString(data, c[1]);
      Path out = dir.resolve(c[0] + "-cal.json");
      CliRun r = run("calibrate", "fit", data.toString(), "--out", out.toString());
      assertEquals(2, r.exit(), c[0] + ": " + r.err());
      assertTrue(r.err().startsWith("error: " + data + ", " + c[2]), c[0] + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), "one line");
      assertFalse(Files.exists(out), c[0] + ": nothing may be written");
      assertFalse(Files.exists(dir.resolve(c[0] + "-cal-plots")), c[0] + ": no plots either");
    }
  }

  @Test
  void badOptionsExitWithTwo() {
    Path out = dir.resolve("x.json");
    assertEquals(2, run("calibrate", "fit", fixture("population.csv").toString(), "--branch", "sideways", "--out", out.toString()).exit());
    assertEquals(2, run("calibrate", "fit", fixture("population.csv").toString(), "--fix-r0", "-3", "--out", out.toString()).exit());
    CliRun tooBig = run("calibrate", "fit", fixture("population.csv").toString(), "--fix-r0", "1e9", "--out", out.toString());
    assertEquals(2, tooBig.exit());
    assertTrue(tooBig.err().contains("not below the smallest measured resistance"), tooBig.err());
    assertEquals(2, run("calibrate", "fit", dir.resolve("absent.csv").toString(), "--out", out.toString()).exit());
    assertFalse(Files.exists(out));
  }

  @Test
  void adcFitStoresPerBoardAndApplyCorrectsLaterReads() throws IOException {
    Path store = dir.resolve("adc.json");
    CliRun fit = run("calibrate", "adc", fixture("adc-references.csv").toString(), "--out", store.toString());
    assertEquals(0, fit.exit(), fit.err());
    assertTrue(fit.out().contains("nano-A") && fit.out().contains("nano-B"), fit.out());
    assertEquals(2, AdcCalibrationFile.read(store).entries().size());

    // Storing one board again keeps the other.
    Path onlyB = dir.resolve("b.csv");
    Files.write(onlyB, Files.readAllLines(fixture("adc-references.csv")).stream()
        .filter(l -> !l.startsWith("nano-A")).toList());
    assertEquals(0, run("calibrate", "adc", onlyB.toString(), "--out", store.toString()).exit());
    AdcCalibrationFile merged = AdcCalibrationFile.read(store);
    assertEquals(2, merged.entries().size());
    assertEquals(onlyB.toString(), merged.entries().get(1).dataFile());

    Path csv = dir.resolve("later.csv");
    CliRun apply = run("calibrate", "adc", fixture("adc-later.csv").toString(), "--apply", store.toString(), "--out", csv.toString());
    assertEquals(0, apply.exit(), apply.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(17, lines.size());
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",");
      double cal = Double.parseDouble(c[3]);
      double ref = Double.parseDouble(c[4]);
      assertTrue(Math.abs(cal / ref - 1) < 0.04, l);
    }

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "board_id,series_resistor [kOhm],read_voltage [V],adc_reference [V],adc_code\nx,100,5,5,12.5\n");
    Path store2 = dir.resolve("adc2.json");
    CliRun r = run("calibrate", "adc", bad.toString(), "--out", store2.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: " + bad + ", line 2, column 5 (adc_code)"), r.err());
    assertFalse(Files.exists(store2));
  }
}
