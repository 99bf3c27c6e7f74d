package org.nanosynapse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nanosynapse.device.ParameterSet;

/** Resolves a {@code --param-set} value: a built-in name, or the path of a parameter-set JSON file. */
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
        return ParameterSet.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
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
}
