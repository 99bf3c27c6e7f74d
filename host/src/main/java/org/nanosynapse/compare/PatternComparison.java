package org.nanosynapse.compare;

/**
 * One pattern: the boards' class and outputs against the host's fixed-point and float predictions.
 *
 * @param floatClass −1 when no float model was given
 * @param maxOutputDifferenceRaw largest |board − host fixed-point| output, raw Q F units
 */
public record PatternComparison(
    int index,
    int label,
    int boardClass,
    int fixedClass,
    int floatClass,
    short[] boardOutputsRaw,
    short[] fixedOutputsRaw,
    int maxOutputDifferenceRaw,
    long boardMicros,
    long hostNanos,
    int retries) {

  public boolean classAgrees() {
    return boardClass == fixedClass;
  }

  public boolean outputsExact() {
    return maxOutputDifferenceRaw == 0;
  }
}
