package org.nanosynapse.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.nanosynapse.calibration.Calibrator;
import org.nanosynapse.calibration.PowerLawFit;
import org.nanosynapse.calibration.SeriesFit;
import org.nanosynapse.device.AmplitudePoint;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.io.AtomicFiles;
import org.nanosynapse.plot.LinePlot;

/**
 * PNG plots of calibration fits, each written atomically: data with the fitted law (log–log), and
 * the residuals in log10 R. Built on {@link LinePlot}; the measured points are drawn as a scatter.
 */
final class CalibrationPlots {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;

  private CalibrationPlots() {}

  /** Writes two PNGs per series into {@code dir}; returns the files written. */
  static List<Path> write(Path dir, List<SeriesFit> fits, List<Calibrator.RelaxationFit> relax) {
    List<Path> out = new ArrayList<>();
    for (SeriesFit sf : fits) {
      String base = safe(sf.series().name());
      out.add(fitPlot(dir.resolve(base + "-fit.png"), sf.series().name(), "pulse number n",
          sf.series().pulseNumber(), sf.series().resistanceOhm(), sf.fit()));
      out.add(residualPlot(dir.resolve(base + "-residuals.png"), sf.series().name(), "pulse number n",
          sf.series().pulseNumber(), sf.fit()));
    }
    for (Calibrator.RelaxationFit rf : relax) {
      String base = safe(rf.series().name());
      out.add(fitPlot(dir.resolve(base + "-fit.png"), rf.series().name(), "time after pulse (s)",
          rf.series().timeS(), rf.series().resistanceOhm(), rf.fit()));
      out.add(residualPlot(dir.resolve(base + "-residuals.png"), rf.series().name(), "time after pulse (s)",
          rf.series().timeS(), rf.fit()));
    }
    return out;
  }

  /**
   * |a| and R1 against |V| for each branch of the parameter set's amplitude table, when a branch has
   * at least two amplitudes; null otherwise.
   */
  static Path amplitudePlot(Path dir, ParameterSet ps) {
    LinePlot exponent = new LinePlot(ps.name() + ": exponent against amplitude", "|amplitude| (V)", "|a|");
    LinePlot scale = new LinePlot(ps.name() + ": R1 against amplitude", "|amplitude| (V)", "R1 (Ohm)").logY();
    boolean any = false;
    for (Polarity pol : Polarity.values()) {
      List<AmplitudePoint> t = ps.table(pol);
      if (t.size() < 2) {
        continue;
      }
      double[] v = t.stream().mapToDouble(p -> Math.abs(p.amplitudeV())).toArray();
      exponent.line(pol.name(), v, t.stream().mapToDouble(p -> Math.abs(p.law().exponent())).toArray());
      scale.line(pol.name(), v, t.stream().mapToDouble(p -> p.law().r1Ohm()).toArray());
      any = true;
    }
    if (!any) {
      return null;
    }
    Path a = dir.resolve("amplitude-exponent.png");
    exponent.size(WIDTH, HEIGHT).writePng(a);
    scale.size(WIDTH, HEIGHT).writePng(dir.resolve("amplitude-r1.png"));
    return a;
  }

  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._+-]+", "_");
  }

  private static Path fitPlot(Path file, String title, String xTitle, double[] x, double[] r, PowerLawFit fit) {
    double[] model = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      model[i] = fit.resistanceOhm(x[i]);
    }
    XYChart chart = new LinePlot(title + String.format(java.util.Locale.ROOT,
            "  (R0=%.3g Ohm, R1=%.3g Ohm, a=%+.3f, R2=%.4f)", fit.r0Ohm(), fit.r1Ohm(), fit.a(), fit.r2()),
        xTitle, "resistance (Ohm)")
        .logX().logY().size(WIDTH, HEIGHT)
        .line("measured", x, r)
        .plainLine("R0 + R1*x^a", x, model)
        .chart();
    chart.getSeriesMap().get("measured").setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    return save(file, chart);
  }

  private static Path residualPlot(Path file, String title, String xTitle, double[] x, PowerLawFit fit) {
    XYChart chart = new LinePlot(title + String.format(java.util.Locale.ROOT,
            "  residuals (RMSE %.4f decades)", fit.rmseLog10()),
        xTitle, "log10 R measured - log10 R fit")
        .logX().size(WIDTH, HEIGHT)
        .line("residual", x, fit.residualsLog10())
        .plainLine("0", new double[] {x[0], x[x.length - 1]}, new double[] {0, 0})
        .chart();
    chart.getSeriesMap().get("residual").setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    return save(file, chart);
  }

  private static Path save(Path file, XYChart chart) {
    byte[] png;
    try {
      png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + file + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeBytes(file, png);
    return file;
  }
}
