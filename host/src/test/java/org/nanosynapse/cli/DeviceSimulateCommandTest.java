package org.nanosynapse.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanosynapse.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.device.ParameterSet;

class DeviceSimulateCommandTest {
  @TempDir Path dir;

  @Test
  void defaultTrainWritesCsvPlotAndJson() throws IOException {
    Path csv = dir.resolve("r.csv");
    Path png = dir.resolve("r.png");
    CliRun r = run("device", "simulate", "--out", csv.toString(), "--plot", png.toString(), "--format", "json");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(22, lines.size());
    assertEquals("device,pulse,polarity,amplitude_v,resistance_ohm,read_resistance_ohm,conductance_s,"
        + "normalised_conductance,read_power_w,pulse_energy_j", lines.get(0));
    assertTrue(lines.get(2).startsWith("0,1,RESET,-4.0,"));
    byte[] head = Arrays8.head(png);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);

    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("groningen-2021", j.get("param_set").asText());
    assertEquals(20, j.get("pulse_count").asInt());
    JsonNode traj = j.get("device0_resistance_ohm");
    assertEquals(21, traj.size());
    // Ten -4 V RESET pulses reach the upper clip R1; the ten +0.1 V SET pulses then follow the published R(2..11).
    assertEquals(2.3e8, traj.get(10).asDouble(), 1);
    double[] published = {2.079e8, 1.959e8, 1.879e8, 1.818e8, 1.771e8, 1.731e8, 1.698e8, 1.669e8, 1.643e8, 1.621e8};
    for (int k = 0; k < 10; k++) {
      assertEquals(published[k], traj.get(11 + k).asDouble(), published[k] * 1e-3);
    }
    // Read power in the nW range at -1 V.
    double p = j.get("final_read_power_w").get("mean").asDouble();
    assertTrue(p > 1e-9 && p < 1e-8, "read power " + p);
    // CSV and summary agree.
    String[] last = lines.get(21).split(",");
    assertEquals(traj.get(20).asDouble(), Double.parseDouble(last[4]), 1e-6);
  }

  @Test
  void textFormatShowsTheTable() {
    CliRun r = run("device", "simulate", "--pulses", "3xSET@+0.1V");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("parameter set  groningen-2021"));
    assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+SET\\s+3\\s+\\d\\.\\d+e[+-]\\d+.*")), r.out());
  }

  @Test
  void sameSeedSameCsvWhateverTheThreads() throws IOException {
    String[] common = {"device", "simulate", "--devices", "40", "--noise", "published", "--pulse-noise", "0.2",
        "--read-noise", "0.05", "--pulses", "5xRESET,5xSET"};
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    assertEquals(0, run(concat(common, "--out", a.toString(), "--seed", "7")).exit());
    assertEquals(0, run(concat(common, "--out", b.toString(), "--seed", "7", "--threads", "2")).exit());
    assertEquals(0, run(concat(common, "--out", c.toString(), "--seed", "8")).exit());
    assertEquals(Files.readString(a), Files.readString(b));
    assertFalse(Files.readString(a).equals(Files.readString(c)));
  }

  @Test
  void acceptsAParameterSetFile() throws IOException {
    Path file = dir.resolve("set.json");
    Files.writeString(file, ParameterSet.builtIn("groningen-2021").renamed("my-set", "test copy").toJson());
    CliRun byFile = run("device", "simulate", "--param-set", file.toString(), "--format", "json");
    CliRun byName = run("device", "simulate", "--format", "json");
    assertEquals(0, byFile.exit(), byFile.err());
    JsonNode f = new ObjectMapper().readTree(byFile.out());
    JsonNode n = new ObjectMapper().readTree(byName.out());
    assertEquals("my-set", f.get("param_set").asText());
    assertEquals(n.get("device0_resistance_ohm"), f.get("device0_resistance_ohm"));
    // A calibration file carries its parameter set under "parameter_set".
    Path calibration = dir.resolve("calibration.json");
    Files.writeString(calibration, "{\"kind\": \"calibration\", \"parameter_set\": "
        + ParameterSet.builtIn("groningen-2021").renamed("fitted", "test fit").toJson() + "}");
    CliRun byCalibration = run("device", "simulate", "--param-set", calibration.toString(), "--format", "json");
    assertEquals(0, byCalibration.exit(), byCalibration.err());
    assertEquals("fitted", new ObjectMapper().readTree(byCalibration.out()).get("param_set").asText());
  }

  @Test
  void badInputIsOneLineExitTwoAndNoFiles() throws IOException {
    Path badA = dir.resolve("bad-a.json");
    Files.writeString(badA, ParameterSet.builtIn("groningen-2021").toJson().replace("-0.146", "0.146"));
    Path negR = dir.resolve("neg-r.json");
    Files.writeString(negR, ParameterSet.builtIn("groningen-2021").toJson()
        .replace("\"initial_resistance_ohm\" : 1.0E8", "\"initial_resistance_ohm\" : -1.0E8"));
    String[][] cases = {
      {"pulses", "--pulses", "10xSET@"},
      {"pulses", "--pulses", "10xRESET@+4V"},
      {"param-set", "--param-set", "no-such-set"},
      {"set[0].exponent", "--param-set", badA.toString()},
      {"initial_resistance_ohm", "--param-set", negR.toString()},
      {"initial-ohm", "--initial-ohm", "-5"},
      {"devices", "--devices", "0"},
      {"format", "--format", "xml"},
      {"noise", "--noise", "loud"},
      {"levels", "--levels", "1"},
      {"pulse_noise_rel", "--pulse-noise", "-0.1"},
    };
    for (String[] c : cases) {
      Path csv = dir.resolve("out-" + c[0] + ".csv");
      Path png = dir.resolve("out-" + c[0] + ".png");
      CliRun r = run("device", "simulate", c[1], c[2], "--out", csv.toString(), "--plot", png.toString());
      assertEquals(2, r.exit(), c[0] + ": " + r.err());
      String err = r.err().strip();
      assertFalse(err.contains("\n"), "one line: " + err);
      assertTrue(err.startsWith("error: ") && err.contains(c[0]), c[0] + " named in: " + err);
      assertFalse(Files.exists(csv), "no csv for " + c[0]);
      assertFalse(Files.exists(png), "no png for " + c[0]);
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".out-")), "no temporary files left");
    }
  }

  @Test
  void adcColumnsShowWhatANanoWouldRead() throws IOException {
    Path csv = dir.resolve("adc.csv");
    CliRun r = run("device", "simulate", "--pulses", "2xSET", "--adc-series-ohm", "1e7", "--out", csv.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).endsWith(",adc_code,adc_resistance_ohm"));
    // 1e8 Ohm behind 1e7 Ohm at |-1 V|: 0.0909 V -> code 18 of 1024 at 5 V (see AdcReadout's test).
    String[] first = lines.get(1).split(",");
    assertEquals("18", first[10]);
    CliRun bad = run("device", "simulate", "--adc-series-ohm", "-1");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().startsWith("error: adc-series-ohm:"), bad.err());
  }

  @Test
  void showPrintsAParameterSetThatParsesBack() {
    CliRun r = run("device", "show", "--param-set", "old-device-amplitudes");
    assertEquals(0, r.exit(), r.err());
    assertEquals(ParameterSet.builtIn("old-device-amplitudes"), ParameterSet.fromJson(r.out(), "stdout"));
  }

  @Test
  void helpWorks() {
    CliRun r = run("device", "simulate", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("--pulses"));
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static final class Arrays8 {
    static byte[] head(Path p) throws IOException {
      return java.util.Arrays.copyOf(Files.readAllBytes(p), 4);
    }
  }
}
