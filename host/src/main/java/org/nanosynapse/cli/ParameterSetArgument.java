package org.nanosynapse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.io.ParameterSets;

/**
 * Resolves a {@code --param-set} value ({@link ParameterSets#resolve}) or a {@code --calibration} file, with the
 * command line's bad-input errors.
 */
final class ParameterSetArgument {
  private ParameterSetArgument() {}

  static ParameterSet resolve(String value) {
    try {
      return ParameterSets.resolve(value);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
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
