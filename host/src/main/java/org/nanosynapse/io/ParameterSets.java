package org.nanosynapse.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nanosynapse.device.ParameterSet;

/**
 * Resolves a parameter-set reference as users give it ({@code --param-set}): a built-in name, the
 * path of a parameter-set JSON file, or the path of a calibration file ({@code nanosynapse
 * calibrate fit}), whose {@code parameter_set} object is used.
 */
public final class ParameterSets {
  private ParameterSets() {}

  /** @throws IllegalArgumentException naming the field {@code param-set} when it cannot be resolved */
  public static ParameterSet resolve(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("param-set: missing");
    }
    if (ParameterSet.BUILT_IN.contains(value)) {
      return ParameterSet.builtIn(value);
    }
    Path file = Path.of(value);
    if (Files.isRegularFile(file)) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode embedded = embeddedParameterSet(text);
        if (embedded != null) {
          return ParameterSet.fromJson(embedded.toString(), file + " parameter_set");
        }
        return ParameterSet.fromJson(text, file.toString());
      } catch (IOException e) {
        throw new IllegalArgumentException("param-set: cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException("param-set: '" + value + "' is neither a built-in parameter set ("
        + String.join(", ", ParameterSet.BUILT_IN) + ") nor a JSON file");
  }

  /** The "parameter_set" object of a calibration file, or null (also for malformed JSON: the set parser reports it). */
  private static JsonNode embeddedParameterSet(String text) {
    try {
      JsonNode root = new ObjectMapper().readTree(text);
      JsonNode ps = root == null ? null : root.get("parameter_set");
      return ps != null && ps.isObject() ? ps : null;
    } catch (IOException e) {
      return null;
    }
  }
}
