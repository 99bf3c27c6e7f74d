package org.nanosynapse.network;

import java.util.List;
import java.util.Map;
import org.nanosynapse.link.BoardCounters;

/**
 * A test set pushed through the boards: per-pattern results, each board's counters before and after,
 * and what happened to the boards meanwhile (reconnects).
 */
public record RunResult(
    List<PatternResult> patterns,
    Map<Integer, BoardCounters> countersBefore,
    Map<Integer, BoardCounters> countersAfter,
    List<BoardNetwork.Event> events,
    long durationMillis) {

  public double boardAccuracy() {
    int ok = 0;
    for (PatternResult p : patterns) {
      if (p.boardClass() == p.label()) {
        ok++;
      }
    }
    return patterns.isEmpty() ? 0 : (double) ok / patterns.size();
  }
}
