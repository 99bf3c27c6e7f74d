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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Store of board read-out calibrations (JSON, format {@value #FORMAT}), one entry per board id;
 * storing a board again replaces its entry and keeps the others.
 *
 * <pre>
 * { "format": "nanosynapse-adc-calibration/1",
 *   "boards": [ { "board_id", "data_file", "data_sha256", "series_resistor_ohm", "read_voltage_v",
 *                 "adc_reference_v", "adc_bits", "gain", "offset_lsb", "nonlinearity_lsb", "gain_se",
 *                 "offset_lsb_se", "nonlinearity_lsb_se", "rms_residual_lsb", "max_abs_residual_lsb",
 *                 "n_points", "min_reference_ohm", "max_reference_ohm" } ] }
 * </pre>
 */
public final class AdcCalibrationFile {
  public static final String FORMAT = "nanosynapse-adc-calibration/1";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A stored board calibration with the data it came from. */
  public record Entry(AdcCalibration calibration, String dataFile, String dataSha256) {}

  private final Map<String, Entry> boards = new LinkedHashMap<>();

  public AdcCalibrationFile() {}

  public AdcCalibrationFile(List<Entry> entries) {
    entries.forEach(this::put);
  }

  public void put(Entry e) {
    boards.put(e.calibration().boardId(), e);
  }

  public List<Entry> entries() {
    return List.copyOf(boards.values());
  }

  /** The calibration of a board; throws naming the board when it is not stored. */
  public AdcCalibration board(String boardId, String origin) {
    Entry e = boards.get(boardId);
    if (e == null) {
      throw new IllegalArgumentException(origin + ": no calibration for board '" + boardId + "' (stored: "
          + String.join(", ", boards.keySet()) + ")");
    }
    return e.calibration();
  }

  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode arr = root.putArray("boards");
    for (Entry e : boards.values()) {
      AdcCalibration c = e.calibration();
      ObjectNode o = arr.addObject();
      o.put("board_id", c.boardId());
      o.put("data_file", e.dataFile());
      o.put("data_sha256", e.dataSha256());
      o.put("series_resistor_ohm", c.frontEnd().seriesResistorOhm());
      o.put("read_voltage_v", c.frontEnd().readVoltageV());
      o.put("adc_reference_v", c.frontEnd().adcReferenceV());
      o.put("adc_bits", c.frontEnd().adcBits());
      o.put("gain", c.gain());
      o.put("offset_lsb", c.offsetLsb());
      o.put("nonlinearity_lsb", c.nonlinearityLsb());
      o.put("gain_se", c.gainSe());
      o.put("offset_lsb_se", c.offsetLsbSe());
      o.put("nonlinearity_lsb_se", c.nonlinearityLsbSe());
      o.put("rms_residual_lsb", c.rmsResidualLsb());
      o.put("max_abs_residual_lsb", c.maxAbsResidualLsb());
      o.put("n_points", c.nPoints());
      o.put("min_reference_ohm", c.minReferenceOhm());
      o.put("max_reference_ohm", c.maxReferenceOhm());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static AdcCalibrationFile read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static AdcCalibrationFile parse(String json, String origin) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(origin + ", line " + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(origin + ": format: expected '" + FORMAT + "'");
    }
    JsonNode arr = root.get("boards");
    if (arr == null || !arr.isArray()) {
      throw new IllegalArgumentException(origin + ": boards: expected an array");
    }
    List<Entry> entries = new ArrayList<>();
    int i = 0;
    for (JsonNode o : arr) {
      String at = origin + ": boards[" + i++ + "].";
      try {
        AdcFrontEnd fe = new AdcFrontEnd(num(o, "series_resistor_ohm", at), num(o, "read_voltage_v", at),
            num(o, "adc_reference_v", at), (int) num(o, "adc_bits", at));
        AdcCalibration c = new AdcCalibration(text(o, "board_id", at), fe, num(o, "gain", at), num(o, "offset_lsb", at),
            num(o, "nonlinearity_lsb", at), num(o, "gain_se", at), num(o, "offset_lsb_se", at),
            num(o, "nonlinearity_lsb_se", at), num(o, "rms_residual_lsb", at), num(o, "max_abs_residual_lsb", at),
            (int) num(o, "n_points", at), num(o, "min_reference_ohm", at), num(o, "max_reference_ohm", at));
        entries.add(new Entry(c, text(o, "data_file", at), text(o, "data_sha256", at)));
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith(origin) ? e : new IllegalArgumentException(at + e.getMessage());
      }
    }
    return new AdcCalibrationFile(entries);
  }

  private static double num(JsonNode o, String key, String at) {
    JsonNode v = o.get(key);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(at + key + ": expected a number");
    }
    return v.asDouble();
  }

  private static String text(JsonNode o, String key, String at) {
    JsonNode v = o.get(key);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(at + key + ": expected text");
    }
    return v.asText();
  }
}
