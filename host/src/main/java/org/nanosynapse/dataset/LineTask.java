package org.nanosynapse.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * The line-orientation task: image size, which classes, and how the images are corrupted.
 *
 * <p>Generative model of one image: pick a class uniformly, then one of its clean patterns
 * uniformly (a row for horizontal, a column for vertical, a row and a column for "both", the blank
 * image for "no line"). Then, independently per pixel: flip it with probability {@code
 * flipProbability}; with probability {@code missingProbability} the pixel is missing and reads as
 * {@link #MISSING_VALUE}; otherwise, if {@code analogSigma > 0}, add Gaussian noise of that standard
 * deviation (in pixel units, 1 = lit).
 *
 * @param rows image height, ≥ 3
 * @param cols image width, ≥ 3
 * @param classes the classes, in label order (label i = classes.get(i)); at least two, no repeats
 * @param flipProbability probability that a pixel is flipped, dimensionless, in [0, 1]
 * @param analogSigma standard deviation of additive Gaussian pixel noise, in pixel units, ≥ 0
 * @param missingProbability probability that a pixel is missing, dimensionless, in [0, 1]
 */
public record LineTask(
    int rows,
    int cols,
    List<LineClass> classes,
    double flipProbability,
    double analogSigma,
    double missingProbability) {

  /** What a missing pixel reads as: halfway between dark and lit, i.e. "unknown". */
  public static final double MISSING_VALUE = 0.5;

  public LineTask {
    if (rows < 3) {
      throw new IllegalArgumentException("rows: must be at least 3, got " + rows);
    }
    if (cols < 3) {
      throw new IllegalArgumentException("cols: must be at least 3, got " + cols);
    }
    if ((long) rows * cols > 4096) {
      throw new IllegalArgumentException("rows×cols: at most 4096 pixels, got " + rows * cols);
    }
    classes = List.copyOf(classes);
    if (classes.size() < 2 || classes.stream().distinct().count() != classes.size()) {
      throw new IllegalArgumentException("classes: need at least two distinct classes, got " + classes);
    }
    checkProbability("flip probability p", flipProbability);
    checkProbability("missing-pixel probability", missingProbability);
    if (!(analogSigma >= 0) || Double.isInfinite(analogSigma)) {
      throw new IllegalArgumentException("analog sigma: must be ≥ 0, got " + analogSigma);
    }
  }

  private static void checkProbability(String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(field + ": must be in [0, 1], got " + v);
    }
  }

  /** The default task: 3×3, horizontal vs vertical, pixel flips with p = 0.1. */
  public static LineTask defaultTask() {
    return square(3, 0.1);
  }

  /** N×N horizontal vs vertical with flip probability p. */
  public static LineTask square(int n, double flipProbability) {
    return new LineTask(
        n, n, List.of(LineClass.HORIZONTAL, LineClass.VERTICAL), flipProbability, 0, 0);
  }

  public LineTask withFlipProbability(double p) {
    return new LineTask(rows, cols, classes, p, analogSigma, missingProbability);
  }

  public int pixels() {
    return rows * cols;
  }

  public int classCount() {
    return classes.size();
  }

  /** True when images are binary (no analog noise); missing pixels add the value 0.5. */
  public boolean binary() {
    return analogSigma == 0;
  }

  /** The clean patterns of class {@code label}, each a 0/1 image in row-major order. */
  public List<double[]> cleanPatterns(int label) {
    LineClass c = classes.get(label);
    List<double[]> out = new ArrayList<>();
    switch (c) {
      case HORIZONTAL -> {
        for (int r = 0; r < rows; r++) {
          out.add(lit(r, -1));
        }
      }
      case VERTICAL -> {
        for (int k = 0; k < cols; k++) {
          out.add(lit(-1, k));
        }
      }
      case NO_LINE -> out.add(new double[pixels()]);
      case BOTH -> {
        for (int r = 0; r < rows; r++) {
          for (int k = 0; k < cols; k++) {
            out.add(lit(r, k));
          }
        }
      }
    }
    return out;
  }

  private double[] lit(int row, int col) {
    double[] img = new double[pixels()];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < cols; k++) {
        if (r == row || k == col) {
          img[r * cols + k] = 1;
        }
      }
    }
    return img;
  }

  /** Class names in label order, as in files. */
  public List<String> classLabels() {
    return classes.stream().map(LineClass::label).toList();
  }
}
