package org.nanosynapse.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nanosynapse.io.AtomicFiles;

/**
 * A PNG line/scatter plot of one or more x–y series, optionally on log axes, written atomically. Reusable by any
 * command:
 *
 * <pre>
 *   new LinePlot("R vs pulse", "pulse number", "resistance (Ohm)").logY()
 *       .line("device 0", x, y).writePng(path);
 * </pre>
 */
public final class LinePlot {
  private final String title;
  private final String xTitle;
  private final String yTitle;
  private boolean logX;
  private boolean logY;
  private int width = 900;
  private int height = 560;
  private final List<Series> series = new ArrayList<>();

  private record Series(String name, double[] x, double[] y, boolean markers) {}

  public LinePlot(String title, String xTitle, String yTitle) {
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
  }

  public LinePlot logX() {
    logX = true;
    return this;
  }

  public LinePlot logY() {
    logY = true;
    return this;
  }

  public LinePlot size(int widthPx, int heightPx) {
    width = widthPx;
    height = heightPx;
    return this;
  }

  /** A line with small markers. x and y must have the same length. */
  public LinePlot line(String name, double[] x, double[] y) {
    return add(name, x, y, true);
  }

  /** A line without markers (for many points or many series). */
  public LinePlot plainLine(String name, double[] x, double[] y) {
    return add(name, x, y, false);
  }

  private LinePlot add(String name, double[] x, double[] y, boolean markers) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("series '" + name + "': x and y differ in length");
    }
    series.add(new Series(name, x.clone(), y.clone(), markers));
    return this;
  }

  /** The chart (for callers that want to style it further). */
  public XYChart chart() {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setYAxisLogarithmic(logY);
    // Intermediate ticks too: a pulse response often spans less than one decade.
    chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
    chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
    if (logY) {
      chart.getStyler().setYAxisDecimalPattern("0.0##E0");
    }
    chart.getStyler().setLegendVisible(series.size() > 1);
    chart.getStyler().setMarkerSize(4);
    for (Series s : series) {
      XYSeries xs = chart.addSeries(s.name(), s.x(), s.y());
      xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      xs.setMarker(s.markers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
    return chart;
  }

  /** Renders to PNG bytes. */
  public byte[] pngBytes() {
    if (series.isEmpty()) {
      throw new IllegalStateException("plot '" + title + "' has no series");
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the PNG whole or not at all. */
  public void writePng(Path file) {
    AtomicFiles.writeBytes(file, pngBytes());
  }
}
