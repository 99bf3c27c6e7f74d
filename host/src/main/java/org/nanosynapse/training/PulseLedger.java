package org.nanosynapse.training;

import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.device.UpdateCost;

/**
 * Counts every pulse applied to the devices, with the energy and write time it cost, and passes each
 * pulse run on to a listener (which may write the pulse log as the run goes). Optionally keeps the
 * records in memory (for replay in tests and small runs).
 */
public final class PulseLedger {
  private final TrainingListener listener;
  private final List<PulseRecord> kept;
  private long pulses;
  private long setPulses;
  private long resetPulses;
  private double energyJ;
  private double writeTimeS;

  PulseLedger(TrainingListener listener, boolean keepRecords) {
    this.listener = listener;
    this.kept = keepRecords ? new ArrayList<>() : null;
  }

  void record(PulseRecord r, double energyJ) {
    pulses += r.count();
    if (r.polarity().equals("SET")) {
      setPulses += r.count();
    } else {
      resetPulses += r.count();
    }
    this.energyJ += energyJ;
    this.writeTimeS += UpdateCost.writeLatencyS(r.count(), r.widthS());
    listener.pulses(r);
    if (kept != null) {
      kept.add(r);
    }
  }

  /** All pulses applied. */
  public long pulses() {
    return pulses;
  }

  public long setPulses() {
    return setPulses;
  }

  public long resetPulses() {
    return resetPulses;
  }

  /** Programming energy, J ({@link UpdateCost#pulseEnergyJ}, summed pulse by pulse). */
  public double energyJ() {
    return energyJ;
  }

  /** Write time, s ({@link UpdateCost#writeLatencyS}: pulses back to back, no verify reads). */
  public double writeTimeS() {
    return writeTimeS;
  }

  /** The kept records (empty unless the ledger was created to keep them). */
  public List<PulseRecord> records() {
    return kept == null ? List.of() : List.copyOf(kept);
  }
}
