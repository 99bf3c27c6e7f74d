package org.nanosynapse.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Images with class labels. Pixel values are in pixel units (0 dark, 1 lit; analog noise may leave
 * that range). Immutable: accessors return the arrays, which callers must not modify.
 */
public final class Dataset {
  private final int rows;
  private final int cols;
  private final List<LineClass> classes;
  private final double[][] inputs;
  private final int[] labels;

  public Dataset(int rows, int cols, List<LineClass> classes, double[][] inputs, int[] labels) {
    if (inputs.length != labels.length) {
      throw new IllegalArgumentException("dataset: " + inputs.length + " images but " + labels.length + " labels");
    }
    this.rows = rows;
    this.cols = cols;
    this.classes = List.copyOf(classes);
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].length != rows * cols) {
        throw new IllegalArgumentException("dataset: image " + i + " has " + inputs[i].length + " pixels, expected " + rows * cols);
      }
      if (labels[i] < 0 || labels[i] >= classes.size()) {
        throw new IllegalArgumentException("dataset: label of image " + i + " out of range: " + labels[i]);
      }
    }
    this.inputs = inputs;
    this.labels = labels;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int pixels() {
    return rows * cols;
  }

  public List<LineClass> classes() {
    return classes;
  }

  public int classCount() {
    return classes.size();
  }

  public int size() {
    return labels.length;
  }

  public double[][] inputs() {
    return inputs;
  }

  public int[] labels() {
    return labels;
  }

  public double[] input(int i) {
    return inputs[i];
  }

  public int label(int i) {
    return labels[i];
  }

  /** The images at the given indices, in that order. */
  public Dataset subset(int[] indices) {
    double[][] x = new double[indices.length][];
    int[] y = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      x[i] = inputs[indices[i]];
      y[i] = labels[indices[i]];
    }
    return new Dataset(rows, cols, classes, x, y);
  }

  /** A range of images [from, to). */
  public Dataset range(int from, int to) {
    return new Dataset(
        rows, cols, classes, Arrays.copyOfRange(inputs, from, to), Arrays.copyOfRange(labels, from, to));
  }

  /** This data set followed by {@code other} (same shape and classes). */
  public Dataset concat(Dataset other) {
    if (other.rows != rows || other.cols != cols || !other.classes.equals(classes)) {
      throw new IllegalArgumentException("dataset: cannot join data sets of different shape or classes");
    }
    double[][] x = Arrays.copyOf(inputs, size() + other.size());
    System.arraycopy(other.inputs, 0, x, size(), other.size());
    int[] y = Arrays.copyOf(labels, size() + other.size());
    System.arraycopy(other.labels, 0, y, size(), other.size());
    return new Dataset(rows, cols, classes, x, y);
  }

  /** A seeded permutation of 0..size−1 (Fisher–Yates). */
  public static int[] permutation(int size, SplittableRandom rng) {
    int[] p = new int[size];
    for (int i = 0; i < size; i++) {
      p[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Number of images per class. */
  public int[] classCounts() {
    int[] c = new int[classes.size()];
    for (int y : labels) {
      c[y]++;
    }
    return c;
  }
}
