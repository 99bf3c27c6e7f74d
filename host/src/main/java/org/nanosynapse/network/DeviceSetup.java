package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.device.AmplitudePoint;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.link.BoardDeviceParameters;

/**
 * The device physics sent to the boards (LOAD_DEVICE_PARAMS) from a {@link ParameterSet}, and the
 * gain that makes a set of weights reachable by pulses.
 */
public final class DeviceSetup {
  private DeviceSetup() {}

  /** Branches in the parameter set's table order; amplitude index i is the i-th row. */
  public static BoardDeviceParameters forBoards(ParameterSet set, double conductanceLsbS) {
    return new BoardDeviceParameters(
        conductanceLsbS, set.readVoltageV(), set.pulseWidthS(), set.minResistanceOhm(), set.maxResistanceOhm(),
        branches(set.table(Polarity.SET)), branches(set.table(Polarity.RESET)));
  }

  private static List<BoardDeviceParameters.Branch> branches(List<AmplitudePoint> table) {
    List<BoardDeviceParameters.Branch> out = new ArrayList<>();
    for (AmplitudePoint p : table) {
      out.add(new BoardDeviceParameters.Branch(
          p.amplitudeV(), p.law().r0Ohm(), p.law().r1Ohm(), p.law().exponent()));
    }
    return out;
  }

  /** Index of the table row nearest to the default amplitude of this polarity. */
  public static int defaultAmplitudeIndex(ParameterSet set, Polarity polarity) {
    List<AmplitudePoint> table = set.table(polarity);
    double want = set.defaultAmplitudeV(polarity);
    int best = 0;
    for (int i = 1; i < table.size(); i++) {
      if (Math.abs(table.get(i).amplitudeV() - want) < Math.abs(table.get(best).amplitudeV() - want)) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Gain γ at which the largest weight needs {@code pulseBudget} SET pulses (default amplitude) from
   * the initial state: γ = max|w| / (Gn(R_budget) − Gn(R_init)), Gn over the SET branch's R0, R1.
   * Write-and-verify uses it so every target is reachable with pulses to spare.
   */
  public static double gainForPulseBudget(ParameterSet set, double maxAbsWeight, int pulseBudget) {
    if (pulseBudget < 1) {
      throw new IllegalArgumentException("pulse budget: must be ≥ 1, got " + pulseBudget);
    }
    PowerLawParameters law = set.setLaw();
    double r0 = set.initialResistanceOhm();
    double r = PowerLaw.afterPulses(law, r0, pulseBudget, set.minResistanceOhm(), set.maxResistanceOhm());
    double span = PowerLaw.normalisedConductance(r, law.r0Ohm(), law.r1Ohm())
        - PowerLaw.normalisedConductance(r0, law.r0Ohm(), law.r1Ohm());
    if (!(span > 0)) {
      throw new IllegalArgumentException("parameter set '" + set.name() + "': SET pulses do not raise the conductance");
    }
    return Math.max(maxAbsWeight, 1e-9) / span;
  }
}
