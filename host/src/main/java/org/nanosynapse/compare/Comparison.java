package org.nanosynapse.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nanosynapse.link.BoardCounters;
import org.nanosynapse.link.PulseCommand;
import org.nanosynapse.network.PatternResult;
import org.nanosynapse.network.PulseStep;
import org.nanosynapse.nn.FixedPoint;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.nn.Mlp;

/**
 * Holds what the boards did against what the host predicts: per pattern, the host's fixed-point model
 * (built from the weights read back from the boards, so it must match bit for bit) and its float
 * model; accuracies, agreement, confusion matrices, timing, counters, and per-device pulse
 * trajectories measured against simulated.
 */
public final class Comparison {
  private final List<PatternComparison> rows;
  private final List<Trajectory> trajectories;
  private final ComparisonReport report;

  private Comparison(List<PatternComparison> rows, List<Trajectory> trajectories, ComparisonReport report) {
    this.rows = rows;
    this.trajectories = trajectories;
    this.report = report;
  }

  public List<PatternComparison> rows() {
    return rows;
  }

  public List<Trajectory> trajectories() {
    return trajectories;
  }

  public ComparisonReport report() {
    return report;
  }

  /** Inputs of one comparison; {@code floatModel}, {@code floatInputs}, counters and pulses may be null. */
  public record Inputs(
      List<PatternResult> patterns,
      int classCount,
      FixedPointNetwork hostModel,
      Mlp floatModel,
      double[][] floatInputs,
      List<PulseStep> pulses,
      Map<Integer, BoardCounters> countersBefore,
      Map<Integer, BoardCounters> countersAfter,
      int boardEvents) {}

  public static Comparison of(Inputs in, Thresholds thresholds) {
    if (in.patterns().isEmpty()) {
      throw new IllegalArgumentException("patterns: the run has no patterns to compare");
    }
    int k = in.classCount();
    List<PatternComparison> rows = new ArrayList<>();
    int[][] cb = new int[k][k];
    int[][] cx = new int[k][k];
    int[][] cf = new int[k][k];
    int okBoard = 0;
    int okFixed = 0;
    int okFloat = 0;
    int agree = 0;
    int exact = 0;
    int agreeFloat = 0;
    int maxDiff = 0;
    int retries = 0;
    double[] hostMs = new double[in.patterns().size()];
    double boardMicros = 0;
    Mlp.Workspace ws = in.floatModel() == null ? null : in.floatModel().newWorkspace();
    for (int n = 0; n < in.patterns().size(); n++) {
      PatternResult p = in.patterns().get(n);
      short[] fixed = in.hostModel().infer(p.inputsRaw());
      int fixedClass = FixedPoint.argmax(fixed);
      int floatClass = ws == null ? -1 : in.floatModel().predict(in.floatInputs()[n], ws);
      int diff = 0;
      for (int j = 0; j < fixed.length; j++) {
        int bo = j < p.outputsRaw().length ? p.outputsRaw()[j] : Integer.MAX_VALUE / 2;
        diff = Math.max(diff, Math.abs(bo - fixed[j]));
      }
      if (p.outputsRaw().length != fixed.length) {
        diff = Math.max(diff, Short.MAX_VALUE);
      }
      rows.add(new PatternComparison(
          p.index(), p.label(), p.boardClass(), fixedClass, floatClass, p.outputsRaw(), fixed, diff,
          p.boardMicros(), p.hostNanos(), p.retries()));
      cb[p.label()][p.boardClass()]++;
      cx[p.label()][fixedClass]++;
      okBoard += p.boardClass() == p.label() ? 1 : 0;
      okFixed += fixedClass == p.label() ? 1 : 0;
      agree += p.boardClass() == fixedClass ? 1 : 0;
      exact += diff == 0 ? 1 : 0;
      maxDiff = Math.max(maxDiff, diff);
      if (floatClass >= 0) {
        cf[p.label()][floatClass]++;
        okFloat += floatClass == p.label() ? 1 : 0;
        agreeFloat += floatClass == p.boardClass() ? 1 : 0;
      }
      retries += p.retries();
      hostMs[n] = p.hostNanos() / 1e6;
      boardMicros += p.boardMicros();
    }
    int count = rows.size();
    double[] sorted = hostMs.clone();
    Arrays.sort(sorted);
    double p95 = sorted[Math.min(count - 1, (int) Math.ceil(0.95 * count) - 1)];

    List<Trajectory> traj = trajectories(in.pulses() == null ? List.of() : in.pulses());
    double maxRel = 0;
    double sumSq = 0;
    int points = 0;
    long commands = 0;
    long pulses = 0;
    for (PulseStep s : in.pulses() == null ? List.<PulseStep>of() : in.pulses()) {
      commands++;
      pulses += s.command().count();
      sumSq += (double) s.residualCode() * s.residualCode();
      points++;
    }
    for (Trajectory t : traj) {
      maxRel = Math.max(maxRel, t.maxRelativeResidual());
    }
    Map<Integer, long[]> deltas = new LinkedHashMap<>();
    if (in.countersBefore() != null && in.countersAfter() != null) {
      for (var e : in.countersAfter().entrySet()) {
        BoardCounters a = e.getValue();
        BoardCounters b = in.countersBefore().get(e.getKey());
        if (b == null) {
          continue;
        }
        deltas.put(e.getKey(), new long[] {
          a.framesGood() - b.framesGood(), a.framesBad() - b.framesBad(), a.duplicates() - b.duplicates(),
          a.nacksSent() - b.nacksSent(), a.pulsesApplied() - b.pulsesApplied()});
      }
    }
    double boardAcc = (double) okBoard / count;
    double classAgreement = (double) agree / count;
    double exactOutputs = (double) exact / count;
    List<String> failures =
        ComparisonReport.check(thresholds, classAgreement, exactOutputs, boardAcc, maxRel, traj.size());
    ComparisonReport report = new ComparisonReport(
        count, k, boardAcc, (double) okFixed / count, ws == null ? Double.NaN : (double) okFloat / count,
        classAgreement, exactOutputs, ws == null ? Double.NaN : (double) agreeFloat / count, maxDiff,
        cb, cx, ws == null ? null : cf, Arrays.stream(hostMs).average().orElse(0), p95, boardMicros / count,
        retries, in.boardEvents(), deltas, commands, pulses, traj.size(), maxRel,
        points == 0 ? 0 : Math.sqrt(sumSq / points), thresholds, failures);
    return new Comparison(rows, traj, report);
  }

  /** Groups pulse steps by (board, synapse, device) into trajectories, in step order. */
  static List<Trajectory> trajectories(List<PulseStep> steps) {
    Map<String, Trajectory> byKey = new LinkedHashMap<>();
    for (PulseStep s : steps) {
      boolean plus = s.command().device() == PulseCommand.PairDevice.PLUS;
      String key = s.boardId() + "/" + s.command().synapseIndex() + "/" + (plus ? "plus" : "minus");
      Trajectory t = byKey.computeIfAbsent(key, x -> new Trajectory(
          s.boardId(), s.command().synapseIndex(), plus ? "plus" : "minus", new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>()));
      int prev = t.cumulativePulses().isEmpty() ? 0 : t.cumulativePulses().get(t.cumulativePulses().size() - 1);
      t.cumulativePulses().add(prev + s.command().count());
      t.measuredCodes().add(plus ? s.measuredPlusCode() : s.measuredMinusCode());
      t.simulatedCodes().add(plus ? s.simulatedPlusCode() : s.simulatedMinusCode());
    }
    return new ArrayList<>(byKey.values());
  }
}
