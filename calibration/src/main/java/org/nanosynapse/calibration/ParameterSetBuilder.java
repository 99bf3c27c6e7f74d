package org.nanosynapse.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nanosynapse.device.AmplitudePoint;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.PowerLawParameters;

/**
 * Turns branch fits at several amplitudes into one {@link ParameterSet}: an amplitude table a(V),
 * R1(V) (and R0(V)) per branch, which {@code device-models} interpolates between amplitudes.
 *
 * <p>Rules (also in the set's notes): series without a known amplitude are left out; several
 * series at one amplitude (e.g. different read voltages or devices) are combined into one row with
 * the arithmetic mean of R0 and a and the geometric mean of R1. The clip range spans the data and
 * the fitted laws: lower clip = the smallest positive SET R0, or the smallest read when every SET
 * R0 is 0; upper clip = the largest of the reads and of R(1) = R0 + R1 of every row. The initial
 * resistance is the largest SET R(1), the state where the first measured SET pulse left the device.
 */
public final class ParameterSetBuilder {
  /** Pulse width assumed when the data do not give one: the new-device protocol's "about 100 ms". */
  public static final double FALLBACK_PULSE_WIDTH_S = 0.1;
  /** Read voltage assumed when the data do not give one: the published simulations' −1 V read. */
  public static final double FALLBACK_READ_VOLTAGE_V = -1.0;

  private ParameterSetBuilder() {}

  /**
   * @param readVoltageV override (NaN: from the data)
   * @param pulseWidthS override (NaN: from the data)
   * @return the set, or null when no SET series has a known amplitude (a parameter set needs a SET
   *     branch)
   */
  public static ParameterSet build(String name, String source, List<SeriesFit> fits, double readVoltageV, double pulseWidthS) {
    List<String> notes = new ArrayList<>();
    List<AmplitudePoint> set = rows(fits, Branch.SET, notes);
    List<AmplitudePoint> reset = rows(fits, Branch.RESET, notes);
    if (set.isEmpty()) {
      return null;
    }
    double readV = readVoltageV;
    double width = pulseWidthS;
    double dataMin = Double.POSITIVE_INFINITY;
    double dataMax = 0;
    for (SeriesFit sf : fits) {
      PulseSeries s = sf.series();
      if (Double.isNaN(readV) && Double.isFinite(s.readVoltageV()) && s.readVoltageV() != 0) {
        readV = s.readVoltageV();
      }
      if (Double.isNaN(width) && s.widthS() > 0) {
        width = s.widthS();
      }
      for (double r : s.resistanceOhm()) {
        dataMin = Math.min(dataMin, r);
        dataMax = Math.max(dataMax, r);
      }
    }
    java.util.Set<Double> readVoltages = new java.util.TreeSet<>();
    fits.forEach(sf -> {
      if (Double.isFinite(sf.series().readVoltageV())) {
        readVoltages.add(sf.series().readVoltageV());
      }
    });
    if (readVoltages.size() > 1) {
      notes.add("series read at several voltages " + readVoltages + " V were pooled; the set's read voltage is "
          + (Double.isNaN(readVoltageV) ? "that of the first series" : "given by the user"));
    }
    if (Double.isNaN(readV)) {
      readV = FALLBACK_READ_VOLTAGE_V;
      notes.add("read voltage not in the data: " + readV + " V assumed");
    }
    if (Double.isNaN(width)) {
      width = FALLBACK_PULSE_WIDTH_S;
      notes.add("pulse width not in the data: " + width + " s assumed (new-device protocol)");
    }
    double minClip = Double.POSITIVE_INFINITY;
    double maxClip = dataMax;
    double initial = 0;
    for (AmplitudePoint p : set) {
      if (p.law().r0Ohm() > 0) {
        minClip = Math.min(minClip, p.law().r0Ohm());
      }
      initial = Math.max(initial, p.law().r0Ohm() + p.law().r1Ohm());
    }
    for (AmplitudePoint p : reset) {
      maxClip = Math.max(maxClip, p.law().r0Ohm() + p.law().r1Ohm());
    }
    maxClip = Math.max(maxClip, initial);
    if (!Double.isFinite(minClip)) {
      minClip = dataMin;
    }
    minClip = Math.min(minClip, dataMin);
    notes.add("clip range and initial resistance derived from the data and the fits (see README Calibration)");
    return new ParameterSet(name, source, String.join("; ", notes), readV, width, minClip, maxClip,
        Math.min(Math.max(initial, minClip), maxClip), set, reset, Double.NaN, Double.NaN);
  }

  private static List<AmplitudePoint> rows(List<SeriesFit> fits, Branch branch, List<String> notes) {
    Map<Double, List<SeriesFit>> byAmp = new LinkedHashMap<>();
    int unknown = 0;
    for (SeriesFit sf : fits) {
      if (sf.series().branch() != branch) {
        continue;
      }
      double v = sf.series().amplitudeV();
      boolean signOk = branch == Branch.SET ? v > 0 : v < 0;
      boolean lawOk = branch == Branch.SET ? sf.fit().a() < 0 : sf.fit().a() > 0;
      if (!Double.isFinite(v) || !signOk || !lawOk) {
        unknown++;
        continue;
      }
      byAmp.computeIfAbsent(v, k -> new ArrayList<>()).add(sf);
    }
    if (unknown > 0) {
      notes.add(unknown + " " + branch.label() + " series left out of the table (amplitude unknown or of the wrong sign, or exponent of the wrong sign)");
    }
    List<AmplitudePoint> out = new ArrayList<>();
    for (Map.Entry<Double, List<SeriesFit>> e : byAmp.entrySet()) {
      List<SeriesFit> g = e.getValue();
      double r0 = 0, logR1 = 0, a = 0;
      List<String> names = new ArrayList<>();
      for (SeriesFit sf : g) {
        r0 += sf.fit().r0Ohm();
        logR1 += Math.log(sf.fit().r1Ohm());
        a += sf.fit().a();
        names.add(sf.series().name());
      }
      int k = g.size();
      String src = (k == 1 ? "fit of " : "mean of fits of ") + String.join(", ", names);
      out.add(new AmplitudePoint(e.getKey(), new PowerLawParameters(r0 / k, Math.exp(logR1 / k), a / k), src));
    }
    return out;
  }
}
