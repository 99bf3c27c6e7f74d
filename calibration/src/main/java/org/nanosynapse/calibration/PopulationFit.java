package org.nanosynapse.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.nanosynapse.device.NonIdealities;

/**
 * Several devices measured with the same protocol → mean parameters and device-to-device spread,
 * the inputs of the variability model ({@code org.nanosynapse.device.NonIdealities}: relative σ of
 * R0, R1, a and the initial resistance).
 *
 * <p>Spreads are sample standard deviations over devices divided by the magnitude of the mean
 * (dimensionless fractions). They include each fit's own uncertainty; {@code meanARelSe} (mean
 * relative SE of a) shows how much of the spread of a could be fit noise.
 *
 * @param branch SET or RESET
 * @param amplitudeV the protocol's pulse amplitude (V), NaN when unknown
 * @param devices number of distinct devices (≥ 2)
 * @param r0OhmMean mean R0
 * @param r1OhmMean mean R1
 * @param aMean mean exponent
 * @param r0SpreadRel relative σ of R0 (NaN when the mean R0 is 0)
 * @param r1SpreadRel relative σ of R1
 * @param exponentSpreadRel relative σ of a
 * @param initialSpreadRel relative σ of each device's first read of the branch
 * @param meanARelSe mean of SE(a)/|a| over the devices' fits
 * @param seriesNames the series pooled
 */
public record PopulationFit(
    Branch branch,
    double amplitudeV,
    int devices,
    double r0OhmMean,
    double r1OhmMean,
    double aMean,
    double r0SpreadRel,
    double r1SpreadRel,
    double exponentSpreadRel,
    double initialSpreadRel,
    double meanARelSe,
    List<String> seriesNames) {

  public PopulationFit {
    seriesNames = List.copyOf(seriesNames);
  }

  /**
   * These spreads as the device-to-device part of the variability model (every other non-ideality
   * off); an undefined spread (mean 0) becomes 0.
   */
  public NonIdealities deviceSpread() {
    return NonIdealities.NONE.withDeviceSpread(orZero(r0SpreadRel), orZero(r1SpreadRel), orZero(exponentSpreadRel),
        orZero(initialSpreadRel));
  }

  private static double orZero(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  /**
   * Groups the fits by branch and amplitude and summarises every group that holds at least two
   * distinct devices (one series per device: a device's later series of the same protocol are
   * ignored, so one device does not count twice).
   */
  public static List<PopulationFit> of(List<SeriesFit> fits) {
    Map<String, Map<String, SeriesFit>> groups = new LinkedHashMap<>();
    for (SeriesFit sf : fits) {
      String key = sf.series().branch() + "@" + sf.series().amplitudeV();
      groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(sf.series().deviceId(), sf);
    }
    List<PopulationFit> out = new ArrayList<>();
    for (Map<String, SeriesFit> g : groups.values()) {
      if (g.size() < 2) {
        continue;
      }
      SummaryStatistics r0 = new SummaryStatistics();
      SummaryStatistics r1 = new SummaryStatistics();
      SummaryStatistics a = new SummaryStatistics();
      SummaryStatistics first = new SummaryStatistics();
      SummaryStatistics aRelSe = new SummaryStatistics();
      List<String> names = new ArrayList<>();
      SeriesFit any = null;
      for (SeriesFit sf : g.values()) {
        any = sf;
        r0.addValue(sf.fit().r0Ohm());
        r1.addValue(sf.fit().r1Ohm());
        a.addValue(sf.fit().a());
        first.addValue(sf.series().resistanceOhm()[0]);
        aRelSe.addValue(sf.fit().aSe() / Math.abs(sf.fit().a()));
        names.add(sf.series().name());
      }
      out.add(new PopulationFit(any.series().branch(), any.series().amplitudeV(), g.size(),
          r0.getMean(), r1.getMean(), a.getMean(),
          rel(r0), rel(r1), rel(a), rel(first), aRelSe.getMean(), names));
    }
    return out;
  }

  private static double rel(SummaryStatistics s) {
    double m = Math.abs(s.getMean());
    return m > 0 ? s.getStandardDeviation() / m : Double.NaN;
  }
}
