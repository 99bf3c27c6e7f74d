package org.nanosynapse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nanosynapse.device.ParameterSet;

/**
 * Resolves a {@code --param-set} value: a built-in name, the path of a parameter-set JSON file, or the path of a
 * calibration file ({@code nanosynapse calibrate fit}), whose {@code parameter_set} object is used.
 */
final class ParameterSetArgument {
  private ParameterSetArgument() {}

  static ParameterSet resolve(String value) {
    if (value == null || value.isBlank()) {
      throw new BadInputException("param-set: missing");
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
        throw new BadInputException("param-set: cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    throw new BadInputException("param-set: '" + value + "' is neither a built-in parameter set ("
        + String.join(", ", ParameterSet.BUILT_IN) + ") nor a JSON file");
  }

  /** The parameter set of a calibration file ({@code --calibration}); it cannot be combined with --param-set. */
  static ParameterSet fromCalibration(Path file, boolean paramSetGiven) {
    if (paramSetGiven) {
      throw new BadInputException("calibration: give either --calibration or --param-set, not both");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("calibration: no such file: " + file);
    }
    ParameterSet ps = org.nanosynapse.calibration.CalibrationFile.read(file).parameterSet();
    if (ps == null) {
      throw new BadInputException("calibration: " + file
          + " holds no parameter set (it needs a SET series with a known amplitude)");
    }
    return ps;
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
