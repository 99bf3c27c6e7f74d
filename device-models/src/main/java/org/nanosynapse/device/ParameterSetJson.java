package org.nanosynapse.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON form of a {@link ParameterSet}. Every quantity carries its unit in the field name:
 *
 * <pre>
 * {
 *   "format": "nanosynapse-parameter-set/1",
 *   "name": "groningen-2021",
 *   "source": "paper / data file / fit this set comes from",
 *   "notes": "free text: assumptions, how it was fitted",
 *   "read_voltage_v": -1.0,
 *   "pulse_width_s": 0.1,
 *   "min_resistance_ohm": 200.0,
 *   "max_resistance_ohm": 2.3e8,
 *   "initial_resistance_ohm": 1.0e8,
 *   "default_set_amplitude_v": 0.1,          (optional; default: smallest SET amplitude)
 *   "default_reset_amplitude_v": -4.0,       (optional)
 *   "set":   [ {"amplitude_v": 0.1, "r0_ohm": 200.0, "r1_ohm": 2.3e8, "exponent": -0.146, "source": "..."} ],
 *   "reset": [ {"amplitude_v": -4.0, "r0_ohm": 200.0, "r1_ohm": 1.43e8, "exponent": 0.2055, "source": "..."} ]
 * }
 * </pre>
 *
 * Unknown fields are refused (a misspelt unit is an error, not a silent default).
 */
final class ParameterSetJson {
  static final String FORMAT = "nanosynapse-parameter-set/1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ParameterSetJson() {}

  @JsonPropertyOrder({"amplitude_v", "r0_ohm", "r1_ohm", "exponent", "source"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Row(
      @JsonProperty("amplitude_v") Double amplitudeV,
      @JsonProperty("r0_ohm") Double r0Ohm,
      @JsonProperty("r1_ohm") Double r1Ohm,
      @JsonProperty("exponent") Double exponent,
      @JsonProperty("source") String source) {}

  @JsonPropertyOrder({
    "format", "name", "source", "notes", "read_voltage_v", "pulse_width_s", "min_resistance_ohm",
    "max_resistance_ohm", "initial_resistance_ohm", "default_set_amplitude_v", "default_reset_amplitude_v",
    "set", "reset"
  })
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Doc(
      @JsonProperty("format") String format,
      @JsonProperty("name") String name,
      @JsonProperty("source") String source,
      @JsonProperty("notes") String notes,
      @JsonProperty("read_voltage_v") Double readVoltageV,
      @JsonProperty("pulse_width_s") Double pulseWidthS,
      @JsonProperty("min_resistance_ohm") Double minResistanceOhm,
      @JsonProperty("max_resistance_ohm") Double maxResistanceOhm,
      @JsonProperty("initial_resistance_ohm") Double initialResistanceOhm,
      @JsonProperty("default_set_amplitude_v") Double defaultSetAmplitudeV,
      @JsonProperty("default_reset_amplitude_v") Double defaultResetAmplitudeV,
      @JsonProperty("set") List<Row> set,
      @JsonProperty("reset") List<Row> reset) {}

  static ParameterSet parse(String json, String origin) {
    Doc doc;
    try {
      doc = MAPPER.readValue(json, Doc.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          origin + where(fieldLocation(json, e.getPropertyName(), e.getLocation())) + ": unknown field '" + e.getPropertyName() + "' (known: "
              + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
              + ")", e);
    } catch (JsonMappingException e) {
      String path = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw new IllegalArgumentException(
          origin + where(e.getLocation()) + ": " + (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          origin + where(e.getLocation()) + ": malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (doc == null) {
      throw new IllegalArgumentException(origin + ": empty parameter set");
    }
    if (doc.format() != null && !FORMAT.equals(doc.format())) {
      throw new IllegalArgumentException(
          origin + ": format: expected '" + FORMAT + "', got '" + doc.format() + "'");
    }
    try {
    require(doc.name(), "name");
    require(doc.source(), "source");
    require(doc.readVoltageV(), "read_voltage_v");
    require(doc.pulseWidthS(), "pulse_width_s");
    require(doc.minResistanceOhm(), "min_resistance_ohm");
    require(doc.maxResistanceOhm(), "max_resistance_ohm");
    require(doc.initialResistanceOhm(), "initial_resistance_ohm");
    require(doc.set(), "set");
      return new ParameterSet(
          doc.name(), doc.source(), doc.notes(),
          doc.readVoltageV(), doc.pulseWidthS(),
          doc.minResistanceOhm(), doc.maxResistanceOhm(), doc.initialResistanceOhm(),
          rows(doc.set(), "set"), rows(doc.reset(), "reset"),
          doc.defaultSetAmplitudeV() == null ? Double.NaN : doc.defaultSetAmplitudeV(),
          doc.defaultResetAmplitudeV() == null ? Double.NaN : doc.defaultResetAmplitudeV());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
    }
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": missing");
    }
  }

  /** Where a field name first occurs (record binding reports unknown fields at the end of their object). */
  private static JsonLocation fieldLocation(String json, String field, JsonLocation fallback) {
    try (var parser = MAPPER.getFactory().createParser(json)) {
      for (var t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && field.equals(parser.currentName())) {
          return parser.currentTokenLocation();
        }
      }
    } catch (java.io.IOException e) {
      return fallback;
    }
    return fallback;
  }

  private static String where(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 0 ? "" : " line " + loc.getLineNr();
  }

  private static List<AmplitudePoint> rows(List<Row> rows, String field) {
    List<AmplitudePoint> out = new ArrayList<>();
    if (rows == null) {
      return out;
    }
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      String f = field + "[" + i + "]";
      if (r == null) {
        throw new IllegalArgumentException(f + ": null row");
      }
      require(r.amplitudeV(), f + ".amplitude_v");
      require(r.r0Ohm(), f + ".r0_ohm");
      require(r.r1Ohm(), f + ".r1_ohm");
      require(r.exponent(), f + ".exponent");
      try {
        out.add(new AmplitudePoint(r.amplitudeV(), new PowerLawParameters(r.r0Ohm(), r.r1Ohm(), r.exponent()),
            r.source()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(f + "." + e.getMessage(), e);
      }
    }
    return out;
  }

  static String write(ParameterSet p) {
    Doc doc = new Doc(FORMAT, p.name(), p.source(), p.notes().isEmpty() ? null : p.notes(),
        p.readVoltageV(), p.pulseWidthS(), p.minResistanceOhm(), p.maxResistanceOhm(), p.initialResistanceOhm(),
        p.defaultSetAmplitudeV(), p.hasReset() ? p.defaultResetAmplitudeV() : null,
        toRows(p.table(Polarity.SET)), p.hasReset() ? toRows(p.table(Polarity.RESET)) : null);
    try {
      return MAPPER.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Row> toRows(List<AmplitudePoint> table) {
    List<Row> out = new ArrayList<>();
    for (AmplitudePoint a : table) {
      out.add(new Row(a.amplitudeV(), a.law().r0Ohm(), a.law().r1Ohm(), a.law().exponent(),
          a.source().isEmpty() ? null : a.source()));
    }
    return out;
  }
}
