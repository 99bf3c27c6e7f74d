package org.nanosynapse.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nanosynapse.device.ParameterSet;

/**
 * JSON form of a {@link CalibrationFile}. Units are in the field names; undefined numbers (e.g. the
 * SE of a fixed R0) are {@code null}. Layout:
 *
 * <pre>
 * { "format": "nanosynapse-calibration/1",
 *   "data": {"file", "format", "sha256"},
 *   "fit_settings": {"model", "space", "optimizer", "branches", "r0_mode", "fixed_r0_ohm", "pulse_number",
 *                    "profile_grid_points", "max_iterations"},
 *   "series": [ {"series", "branch", "device_id", "amplitude_v", "read_voltage_v", "r0_ohm", "r1_ohm", "a",
 *                "r0_ohm_se", "r1_ohm_se", "a_se", "r2", "rmse_log10", "n_points", "r0_handling", "converged"} ],
 *   "quality": {"series_count", "worst_r2", "worst_rmse_log10", "all_converged"},
 *   "population": [ {"branch", "amplitude_v", "devices", "r0_ohm_mean", "r1_ohm_mean", "a_mean", "r0_spread_rel",
 *                    "r1_spread_rel", "exponent_spread_rel", "initial_spread_rel", "mean_a_rel_se", "series"} ],
 *   "relaxation": [ same fields as "series"; x is time in seconds ],
 *   "skipped": [ {"series", "reason"} ],
 *   "parameter_set": { nanosynapse-parameter-set/1 } or null }
 * </pre>
 */
public final class CalibrationJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CalibrationJson() {}

  public static String write(CalibrationFile c) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", CalibrationFile.FORMAT);
    ObjectNode data = root.putObject("data");
    data.put("file", c.data().file());
    data.put("format", c.data().format());
    data.put("sha256", c.data().sha256());
    ObjectNode s = root.putObject("fit_settings");
    CalibrationFile.Settings st = c.settings();
    s.put("model", st.model());
    s.put("space", st.space());
    s.put("optimizer", st.optimizer());
    ArrayNode br = s.putArray("branches");
    st.branches().forEach(b -> br.add(b.label()));
    s.put("r0_mode", st.r0Mode());
    num(s, "fixed_r0_ohm", st.fixedR0Ohm());
    s.put("pulse_number", st.pulseNumber());
    s.put("profile_grid_points", st.profileGridPoints());
    s.put("max_iterations", st.maxIterations());
    ArrayNode series = root.putArray("series");
    c.series().forEach(r -> series.add(row(r)));
    ObjectNode q = root.putObject("quality");
    q.put("series_count", c.quality().seriesCount());
    num(q, "worst_r2", c.quality().worstR2());
    num(q, "worst_rmse_log10", c.quality().worstRmseLog10());
    q.put("all_converged", c.quality().allConverged());
    ArrayNode pop = root.putArray("population");
    for (PopulationFit p : c.population()) {
      ObjectNode o = pop.addObject();
      o.put("branch", p.branch().label());
      num(o, "amplitude_v", p.amplitudeV());
      o.put("devices", p.devices());
      num(o, "r0_ohm_mean", p.r0OhmMean());
      num(o, "r1_ohm_mean", p.r1OhmMean());
      num(o, "a_mean", p.aMean());
      num(o, "r0_spread_rel", p.r0SpreadRel());
      num(o, "r1_spread_rel", p.r1SpreadRel());
      num(o, "exponent_spread_rel", p.exponentSpreadRel());
      num(o, "initial_spread_rel", p.initialSpreadRel());
      num(o, "mean_a_rel_se", p.meanARelSe());
      ArrayNode names = o.putArray("series");
      p.seriesNames().forEach(names::add);
    }
    ArrayNode rel = root.putArray("relaxation");
    c.relaxation().forEach(r -> rel.add(row(r)));
    ArrayNode skipped = root.putArray("skipped");
    for (CalibrationFile.Skipped k : c.skipped()) {
      skipped.addObject().put("series", k.series()).put("reason", k.reason());
    }
    if (c.parameterSet() == null) {
      root.putNull("parameter_set");
    } else {
      try {
        root.set("parameter_set", MAPPER.readTree(c.parameterSet().toJson()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("parameter set JSON unreadable", e);
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON object of one fit row, with the keys of {@code --format json} first. */
  public static ObjectNode row(FitRow r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("series", r.series());
    o.put("branch", r.branch().label());
    num(o, "r0_ohm", r.r0Ohm());
    num(o, "r1_ohm", r.r1Ohm());
    num(o, "a", r.a());
    num(o, "r0_ohm_se", r.r0OhmSe());
    num(o, "r1_ohm_se", r.r1OhmSe());
    num(o, "a_se", r.aSe());
    num(o, "r2", r.r2());
    num(o, "rmse_log10", r.rmseLog10());
    o.put("n_points", r.nPoints());
    o.put("device_id", r.deviceId());
    num(o, "amplitude_v", r.amplitudeV());
    num(o, "read_voltage_v", r.readVoltageV());
    o.put("r0_handling", r.r0Handling().name().toLowerCase(Locale.ROOT));
    o.put("converged", r.converged());
    return o;
  }

  private static void num(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  public static CalibrationFile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  public static CalibrationFile parse(String json, String origin) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(origin + ", line " + e.getLocation().getLineNr()
          + ": not valid JSON: " + e.getOriginalMessage());
    }
    Fields f = new Fields(origin);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(origin + ": a calibration file is a JSON object");
    }
    String format = f.text(root, "format");
    if (!CalibrationFile.FORMAT.equals(format)) {
      throw new IllegalArgumentException(origin + ": format: expected '" + CalibrationFile.FORMAT + "', got '" + format + "'");
    }
    JsonNode d = f.object(root, "data");
    CalibrationFile.DataSource data = new CalibrationFile.DataSource(f.text(d, "file"), f.text(d, "format"), f.text(d, "sha256"));
    JsonNode s = f.object(root, "fit_settings");
    List<Branch> branches = new ArrayList<>();
    for (JsonNode b : f.array(s, "branches")) {
      branches.add(f.branch(b, "fit_settings.branches"));
    }
    CalibrationFile.Settings settings = new CalibrationFile.Settings(f.text(s, "model"), f.text(s, "space"),
        f.text(s, "optimizer"), branches, f.text(s, "r0_mode"), f.number(s, "fixed_r0_ohm"),
        f.text(s, "pulse_number"), f.integer(s, "profile_grid_points"), f.integer(s, "max_iterations"));
    List<FitRow> series = new ArrayList<>();
    for (JsonNode r : f.array(root, "series")) {
      series.add(f.row(r));
    }
    JsonNode q = f.object(root, "quality");
    CalibrationFile.Quality quality = new CalibrationFile.Quality(f.integer(q, "series_count"),
        f.number(q, "worst_r2"), f.number(q, "worst_rmse_log10"), f.bool(q, "all_converged"));
    List<PopulationFit> pop = new ArrayList<>();
    for (JsonNode p : f.array(root, "population")) {
      List<String> names = new ArrayList<>();
      for (JsonNode n : f.array(p, "series")) {
        names.add(n.asText());
      }
      pop.add(new PopulationFit(f.branch(p.get("branch"), "population.branch"), f.number(p, "amplitude_v"),
          f.integer(p, "devices"), f.number(p, "r0_ohm_mean"), f.number(p, "r1_ohm_mean"), f.number(p, "a_mean"),
          f.number(p, "r0_spread_rel"), f.number(p, "r1_spread_rel"), f.number(p, "exponent_spread_rel"),
          f.number(p, "initial_spread_rel"), f.number(p, "mean_a_rel_se"), names));
    }
    List<FitRow> relaxation = new ArrayList<>();
    for (JsonNode r : f.array(root, "relaxation")) {
      relaxation.add(f.row(r));
    }
    List<CalibrationFile.Skipped> skipped = new ArrayList<>();
    // "skipped" was added within version 1; a file without it skipped nothing.
    for (JsonNode k : root.has("skipped") ? f.array(root, "skipped") : MAPPER.createArrayNode()) {
      skipped.add(new CalibrationFile.Skipped(f.text(k, "series"), f.text(k, "reason")));
    }
    JsonNode ps = root.get("parameter_set");
    if (ps == null) {
      throw new IllegalArgumentException(origin + ": parameter_set: missing (null when there is none)");
    }
    ParameterSet parameterSet = ps.isNull() ? null : ParameterSet.fromJson(ps.toString(), origin + " parameter_set");
    return new CalibrationFile(data, settings, series, quality, pop, relaxation, skipped, parameterSet);
  }

  /** Field access that names the origin and the field in every error. */
  private record Fields(String origin) {
    JsonNode get(JsonNode o, String key) {
      JsonNode v = o.get(key);
      if (v == null) {
        throw new IllegalArgumentException(origin + ": " + key + ": missing");
      }
      return v;
    }

    JsonNode object(JsonNode o, String key) {
      JsonNode v = get(o, key);
      if (!v.isObject()) {
        throw new IllegalArgumentException(origin + ": " + key + ": expected an object");
      }
      return v;
    }

    JsonNode array(JsonNode o, String key) {
      JsonNode v = get(o, key);
      if (!v.isArray()) {
        throw new IllegalArgumentException(origin + ": " + key + ": expected an array");
      }
      return v;
    }

    String text(JsonNode o, String key) {
      JsonNode v = get(o, key);
      if (!v.isTextual()) {
        throw new IllegalArgumentException(origin + ": " + key + ": expected text");
      }
      return v.asText();
    }

    double number(JsonNode o, String key) {
      JsonNode v = get(o, key);
      if (v.isNull()) {
        return Double.NaN;
      }
      if (!v.isNumber()) {
        throw new IllegalArgumentException(origin + ": " + key + ": expected a number or null");
      }
      return v.asDouble();
    }

    int integer(JsonNode o, String key) {
      JsonNode v = get(o, key);
      if (!v.isIntegralNumber()) {
        throw new IllegalArgumentException(origin + ": " + key + ": expected a whole number");
      }
      return v.asInt();
    }

    boolean bool(JsonNode o, String key) {
      JsonNode v = get(o, key);
      if (!v.isBoolean()) {
        throw new IllegalArgumentException(origin + ": " + key + ": expected true or false");
      }
      return v.asBoolean();
    }

    Branch branch(JsonNode v, String key) {
      Branch b = v == null ? null : Branch.parseOrNull(v.asText());
      if (b == null) {
        throw new IllegalArgumentException(origin + ": " + key + ": expected 'set' or 'reset'");
      }
      return b;
    }

    FitRow row(JsonNode r) {
      R0Handling h;
      try {
        h = R0Handling.valueOf(text(r, "r0_handling").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(origin + ": r0_handling: unknown value '" + r.get("r0_handling").asText() + "'");
      }
      return new FitRow(text(r, "series"), branch(r.get("branch"), "branch"), text(r, "device_id"),
          number(r, "amplitude_v"), number(r, "read_voltage_v"), number(r, "r0_ohm"), number(r, "r1_ohm"),
          number(r, "a"), number(r, "r0_ohm_se"), number(r, "r1_ohm_se"), number(r, "a_se"), number(r, "r2"),
          number(r, "rmse_log10"), integer(r, "n_points"), h, bool(r, "converged"));
    }
  }
}
