package org.nanosynapse.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nanosynapse.io.AtomicFiles;

/**
 * Writes a comparison to a folder, each file atomically: {@code report.json} (every figure, the
 * thresholds and the verdict), {@code patterns.csv} (per pattern), {@code confusion.csv}, {@code
 * trajectories.csv}, {@code summary.txt}, and PNG plots ({@code confusion.png}, {@code outputs.png},
 * {@code timing.png}, {@code trajectories.png} when pulses were sent).
 */
public final class ReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int MAX_PLOTTED_TRAJECTORIES = 8;

  private ReportWriter() {}

  public static void write(Path dir, Comparison c, List<String> classNames) {
    ComparisonReport r = c.report();
    AtomicFiles.writeString(dir.resolve("report.json"), json(r, classNames));
    AtomicFiles.writeString(dir.resolve("summary.txt"), r.summaryText());
    AtomicFiles.writeString(dir.resolve("patterns.csv"), patternsCsv(c.rows()));
    AtomicFiles.writeString(dir.resolve("confusion.csv"), confusionCsv(r, classNames));
    AtomicFiles.writeString(dir.resolve("trajectories.csv"), trajectoriesCsv(c.trajectories()));
    png(dir.resolve("confusion.png"), confusionChart(r, classNames));
    png(dir.resolve("outputs.png"), outputsChart(c.rows()));
    png(dir.resolve("timing.png"), timingChart(c.rows()));
    if (!c.trajectories().isEmpty()) {
      png(dir.resolve("trajectories.png"), trajectoryChart(c.trajectories()));
    }
  }

  static String json(ComparisonReport r, List<String> classNames) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "nanosynapse-comparison");
    root.put("version", 1);
    root.put("passed", r.passed());
    root.set("failures", JSON.valueToTree(r.failures()));
    root.put("patterns", r.patterns());
    root.set("classes", JSON.valueToTree(classNames));
    root.put("board_accuracy", r.boardAccuracy());
    root.put("host_fixed_point_accuracy", r.fixedAccuracy());
    putNumber(root, "host_float_accuracy", r.floatAccuracy());
    root.put("class_agreement_board_vs_fixed_point", r.classAgreement());
    root.put("exact_output_fraction", r.exactOutputs());
    putNumber(root, "class_agreement_board_vs_float", r.boardFloatAgreement());
    root.put("max_output_difference_raw", r.maxOutputDifferenceRaw());
    ObjectNode conf = root.putObject("confusion_matrices");
    conf.set("board", JSON.valueToTree(r.confusionBoard()));
    conf.set("host_fixed_point", JSON.valueToTree(r.confusionFixed()));
    if (r.confusionFloat() != null) {
      conf.set("host_float", JSON.valueToTree(r.confusionFloat()));
    }
    ObjectNode timing = root.putObject("timing");
    timing.put("host_ms_per_pattern_mean", r.hostMillisMean());
    timing.put("host_ms_per_pattern_p95", r.hostMillisP95());
    timing.put("board_us_per_pattern_mean", r.boardMicrosMean());
    root.put("retried_exchanges", r.retries());
    root.put("board_events", r.boardEvents());
    ObjectNode counters = root.putObject("counter_deltas");
    for (Map.Entry<Integer, long[]> e : r.counterDeltas().entrySet()) {
      long[] d = e.getValue();
      counters.putObject("board_" + e.getKey()).put("frames_good", d[0]).put("frames_bad", d[1])
          .put("duplicates", d[2]).put("nacks_sent", d[3]).put("pulses_applied", d[4]);
    }
    ObjectNode pulses = root.putObject("pulses");
    pulses.put("commands", r.pulseCommands());
    pulses.put("pulses", r.pulses());
    pulses.put("trajectories", r.trajectories());
    pulses.put("max_relative_residual", r.maxRelativeResidual());
    pulses.put("rms_residual_code", r.rmsResidualCode());
    ObjectNode th = root.putObject("thresholds");
    putNumber(th, "min_class_agreement", r.thresholds().minClassAgreement());
    putNumber(th, "min_exact_outputs", r.thresholds().minExactOutputs());
    putNumber(th, "min_board_accuracy", r.thresholds().minBoardAccuracy());
    putNumber(th, "max_relative_residual", r.thresholds().maxRelativeResidual());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putNumber(ObjectNode n, String field, double v) {
    if (Double.isNaN(v)) {
      n.putNull(field);
    } else {
      n.put(field, v);
    }
  }

  static String patternsCsv(List<PatternComparison> rows) {
    StringBuilder s = new StringBuilder(
        "index,label,board_class,fixed_point_class,float_class,class_agrees,outputs_exact,max_output_diff_raw,"
            + "board_outputs_raw,fixed_point_outputs_raw,board_us,host_ms,retries\n");
    for (PatternComparison p : rows) {
      s.append(p.index()).append(',').append(p.label()).append(',').append(p.boardClass()).append(',')
          .append(p.fixedClass()).append(',').append(p.floatClass()).append(',').append(p.classAgrees())
          .append(',').append(p.outputsExact()).append(',').append(p.maxOutputDifferenceRaw()).append(',')
          .append(joined(p.boardOutputsRaw())).append(',').append(joined(p.fixedOutputsRaw())).append(',')
          .append(p.boardMicros()).append(',').append(p.hostNanos() / 1e6).append(',').append(p.retries())
          .append('\n');
    }
    return s.toString();
  }

  private static String joined(short[] v) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      s.append(i == 0 ? "" : ";").append(v[i]);
    }
    return s.toString();
  }

  static String confusionCsv(ComparisonReport r, List<String> names) {
    StringBuilder s = new StringBuilder("model,true_class,predicted_class,count\n");
    appendConfusion(s, "board", r.confusionBoard(), names);
    appendConfusion(s, "host_fixed_point", r.confusionFixed(), names);
    if (r.confusionFloat() != null) {
      appendConfusion(s, "host_float", r.confusionFloat(), names);
    }
    return s.toString();
  }

  private static void appendConfusion(StringBuilder s, String model, int[][] m, List<String> names) {
    for (int t = 0; t < m.length; t++) {
      for (int p = 0; p < m[t].length; p++) {
        s.append(model).append(',').append(name(names, t)).append(',').append(name(names, p)).append(',')
            .append(m[t][p]).append('\n');
      }
    }
  }

  static String trajectoriesCsv(List<Trajectory> ts) {
    StringBuilder s = new StringBuilder(
        "board_id,synapse,device,step,cumulative_pulses,measured_code,simulated_code,residual_code\n");
    for (Trajectory t : ts) {
      for (int i = 0; i < t.measuredCodes().size(); i++) {
        s.append(t.boardId()).append(',').append(t.synapse()).append(',').append(t.device()).append(',').append(i)
            .append(',').append(t.cumulativePulses().get(i)).append(',').append(t.measuredCodes().get(i))
            .append(',').append(t.simulatedCodes().get(i)).append(',')
            .append(t.measuredCodes().get(i) - t.simulatedCodes().get(i)).append('\n');
      }
    }
    return s.toString();
  }

  private static String name(List<String> names, int i) {
    return i < names.size() ? names.get(i) : String.valueOf(i);
  }

  private static CategoryChart confusionChart(ComparisonReport r, List<String> names) {
    CategoryChart chart = new CategoryChartBuilder().width(720).height(480)
        .title("Board classifications (confusion matrix)").xAxisTitle("true class").yAxisTitle("patterns").build();
    List<String> x = new ArrayList<>();
    for (int t = 0; t < r.classes(); t++) {
      x.add(name(names, t));
    }
    for (int p = 0; p < r.classes(); p++) {
      List<Integer> y = new ArrayList<>();
      for (int t = 0; t < r.classes(); t++) {
        y.add(r.confusionBoard()[t][p]);
      }
      chart.addSeries("board says " + name(names, p), x, y);
    }
    return chart;
  }

  private static XYChart outputsChart(List<PatternComparison> rows) {
    XYChart chart = new XYChartBuilder().width(720).height(480)
        .title("Board outputs against host fixed-point prediction").xAxisTitle("host fixed-point output (raw Q F)")
        .yAxisTitle("board output (raw Q F)").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    int outputs = rows.get(0).fixedOutputsRaw().length;
    for (int j = 0; j < outputs; j++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (PatternComparison p : rows) {
        if (j < p.boardOutputsRaw().length) {
          xs.add((double) p.fixedOutputsRaw()[j]);
          ys.add((double) p.boardOutputsRaw()[j]);
        }
      }
      chart.addSeries("output " + j, xs, ys);
    }
    return chart;
  }

  private static XYChart timingChart(List<PatternComparison> rows) {
    XYChart chart = new XYChartBuilder().width(720).height(480).title("Time per pattern")
        .xAxisTitle("pattern").yAxisTitle("host wall time (ms)").build();
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (PatternComparison p : rows) {
      xs.add((double) p.index());
      ys.add(p.hostNanos() / 1e6);
    }
    chart.addSeries("host ms", xs, ys).setMarker(SeriesMarkers.NONE);
    return chart;
  }

  private static XYChart trajectoryChart(List<Trajectory> ts) {
    XYChart chart = new XYChartBuilder().width(720).height(480)
        .title("Device codes: read back (solid) against simulated (dashed)").xAxisTitle("pulses applied")
        .yAxisTitle("conductance code").build();
    int n = 0;
    for (Trajectory t : ts) {
      if (n++ >= MAX_PLOTTED_TRAJECTORIES) {
        break;
      }
      String label = "b" + t.boardId() + " s" + t.synapse() + " " + t.device();
      List<Integer> x = t.cumulativePulses();
      chart.addSeries(label + " measured", x, t.measuredCodes()).setMarker(SeriesMarkers.NONE);
      XYSeries sim = chart.addSeries(label + " simulated", x, t.simulatedCodes());
      sim.setMarker(SeriesMarkers.NONE);
      sim.setLineStyle(new java.awt.BasicStroke(
          1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    return chart;
  }

  private static void png(Path file, Chart<?, ?> chart) {
    byte[] bytes;
    try {
      bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + file + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeBytes(file, bytes);
  }
}
