package org.nanosynapse.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A named, sourced description of one kind of device: how it responds to SET and RESET pulses of each amplitude
 * (a table of power-law branches, interpolated between amplitudes), its physical resistance range, starting state,
 * read voltage and pulse width. Immutable. JSON form: see {@link ParameterSetJson} and README "Device models".
 *
 * <p>Interpolation between two table rows at |V1| ≤ |V| ≤ |V2| (on the magnitude of the amplitude): R0 and the
 * exponent a linearly, R1 geometrically (linear in log R1), because R1 spans decades across amplitudes. Amplitudes
 * outside the table are refused: extrapolating a fitted law is not physics.
 */
public final class ParameterSet {
  /** Names of the parameter sets shipped as resources. */
  public static final List<String> BUILT_IN = List.of("groningen-2021", "old-device-amplitudes");

  private final String name;
  private final String source;
  private final String notes;
  private final double readVoltageV;
  private final double pulseWidthS;
  private final double minResistanceOhm;
  private final double maxResistanceOhm;
  private final double initialResistanceOhm;
  private final List<AmplitudePoint> set;
  private final List<AmplitudePoint> reset;
  private final double defaultSetAmplitudeV;
  private final double defaultResetAmplitudeV;

  /**
   * @param defaultSetAmplitudeV amplitude used when a caller does not name one (V, &gt; 0); NaN = smallest in table
   * @param defaultResetAmplitudeV same for RESET (V, &lt; 0); NaN = smallest magnitude in table
   */
  public ParameterSet(
      String name,
      String source,
      String notes,
      double readVoltageV,
      double pulseWidthS,
      double minResistanceOhm,
      double maxResistanceOhm,
      double initialResistanceOhm,
      List<AmplitudePoint> set,
      List<AmplitudePoint> reset,
      double defaultSetAmplitudeV,
      double defaultResetAmplitudeV) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: missing");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source: every parameter set must name its source");
    }
    if (!Double.isFinite(readVoltageV) || readVoltageV == 0) {
      throw new IllegalArgumentException("read_voltage_v: must be finite and non-zero, got " + readVoltageV);
    }
    if (!(pulseWidthS > 0) || Double.isInfinite(pulseWidthS)) {
      throw new IllegalArgumentException("pulse_width_s: must be > 0 s, got " + pulseWidthS);
    }
    if (!(minResistanceOhm > 0) || Double.isInfinite(minResistanceOhm)) {
      throw new IllegalArgumentException("min_resistance_ohm: must be > 0 Ohm, got " + minResistanceOhm);
    }
    if (!(maxResistanceOhm > minResistanceOhm) || Double.isInfinite(maxResistanceOhm)) {
      throw new IllegalArgumentException(
          "max_resistance_ohm: must be finite and > min_resistance_ohm (" + minResistanceOhm + "), got "
              + maxResistanceOhm);
    }
    if (!(initialResistanceOhm >= minResistanceOhm && initialResistanceOhm <= maxResistanceOhm)) {
      throw new IllegalArgumentException(
          "initial_resistance_ohm: must lie in [min_resistance_ohm, max_resistance_ohm], got "
              + initialResistanceOhm);
    }
    this.name = name;
    this.source = source;
    this.notes = notes == null ? "" : notes;
    this.readVoltageV = readVoltageV;
    this.pulseWidthS = pulseWidthS;
    this.minResistanceOhm = minResistanceOhm;
    this.maxResistanceOhm = maxResistanceOhm;
    this.initialResistanceOhm = initialResistanceOhm;
    this.set = sortedTable(set, Polarity.SET, "set");
    this.reset = sortedTable(reset, Polarity.RESET, "reset");
    if (this.set.isEmpty()) {
      throw new IllegalArgumentException("set: at least one SET row is required");
    }
    this.defaultSetAmplitudeV =
        Double.isNaN(defaultSetAmplitudeV) ? this.set.get(0).amplitudeV() : defaultSetAmplitudeV;
    this.defaultResetAmplitudeV =
        Double.isNaN(defaultResetAmplitudeV)
            ? (this.reset.isEmpty() ? Double.NaN : this.reset.get(0).amplitudeV())
            : defaultResetAmplitudeV;
    law(Polarity.SET, this.defaultSetAmplitudeV, "default_set_amplitude_v");
    if (!this.reset.isEmpty()) {
      law(Polarity.RESET, this.defaultResetAmplitudeV, "default_reset_amplitude_v");
    }
  }

  private static List<AmplitudePoint> sortedTable(List<AmplitudePoint> rows, Polarity polarity, String field) {
    List<AmplitudePoint> out = new ArrayList<>(rows == null ? List.of() : rows);
    for (int i = 0; i < out.size(); i++) {
      AmplitudePoint row = out.get(i);
      if (Math.signum(row.amplitudeV()) != polarity.amplitudeSign()) {
        throw new IllegalArgumentException(
            field + "[" + i + "].amplitude_v: must be " + (polarity == Polarity.SET ? "> 0" : "< 0")
                + " V for " + polarity + ", got " + row.amplitudeV());
      }
      row.law().requirePolarity(polarity, field + "[" + i + "].exponent");
    }
    out.sort(Comparator.comparingDouble(r -> Math.abs(r.amplitudeV())));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).amplitudeV() == out.get(i - 1).amplitudeV()) {
        throw new IllegalArgumentException(field + ": amplitude_v " + out.get(i).amplitudeV() + " appears twice");
      }
    }
    return List.copyOf(out);
  }

  /** Loads a built-in parameter set by name (see {@link #BUILT_IN}). */
  public static ParameterSet builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new IllegalArgumentException(
          "param-set: unknown parameter set '" + name + "' (built-in: " + String.join(", ", BUILT_IN) + ")");
    }
    String resource = "parameter-sets/" + name + ".json";
    try (InputStream in = ParameterSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the JSON form; errors name the origin (file name), the field and, for syntax errors, the line. */
  public static ParameterSet fromJson(String json, String origin) {
    return ParameterSetJson.parse(json, origin);
  }

  /** The JSON form, with units in every field name; {@code fromJson(toJson())} gives an equal set. */
  public String toJson() {
    return ParameterSetJson.write(this);
  }

  /**
   * The branch at this polarity and amplitude (V, with sign), interpolated in the table. Throws
   * IllegalArgumentException naming amplitude_v if the sign does not match or the amplitude is outside the table.
   */
  public PowerLawParameters law(Polarity polarity, double amplitudeV) {
    return law(polarity, amplitudeV, "amplitude_v");
  }

  private PowerLawParameters law(Polarity polarity, double amplitudeV, String field) {
    List<AmplitudePoint> table = table(polarity);
    if (table.isEmpty()) {
      throw new IllegalArgumentException(
          "polarity: parameter set '" + name + "' has no " + polarity + " branch");
    }
    if (!Double.isFinite(amplitudeV) || Math.signum(amplitudeV) != polarity.amplitudeSign()) {
      throw new IllegalArgumentException(
          field + ": a " + polarity + " pulse needs a " + (polarity == Polarity.SET ? "positive" : "negative")
              + " amplitude, got " + fmt(amplitudeV) + " V");
    }
    double mag = Math.abs(amplitudeV);
    double tol = 1e-9;
    AmplitudePoint first = table.get(0);
    AmplitudePoint last = table.get(table.size() - 1);
    if (mag < Math.abs(first.amplitudeV()) - tol || mag > Math.abs(last.amplitudeV()) + tol) {
      throw new IllegalArgumentException(
          field + ": " + fmt(amplitudeV) + " V is outside the " + polarity + " table of parameter set '" + name
              + "' (" + fmt(first.amplitudeV()) + (table.size() > 1 ? " .. " + fmt(last.amplitudeV()) : "")
              + " V)");
    }
    if (mag <= Math.abs(first.amplitudeV())) {
      return first.law();
    }
    for (int i = 1; i < table.size(); i++) {
      AmplitudePoint hi = table.get(i);
      if (mag <= Math.abs(hi.amplitudeV())) {
        AmplitudePoint lo = table.get(i - 1);
        double t = (mag - Math.abs(lo.amplitudeV())) / (Math.abs(hi.amplitudeV()) - Math.abs(lo.amplitudeV()));
        if (t >= 1) {
          return hi.law();
        }
        PowerLawParameters a = lo.law();
        PowerLawParameters b = hi.law();
        return new PowerLawParameters(
            a.r0Ohm() + t * (b.r0Ohm() - a.r0Ohm()),
            Math.exp(Math.log(a.r1Ohm()) + t * (Math.log(b.r1Ohm()) - Math.log(a.r1Ohm()))),
            a.exponent() + t * (b.exponent() - a.exponent()));
      }
    }
    return last.law();
  }

  /** The default SET branch ({@link #defaultSetAmplitudeV()}). */
  public PowerLawParameters setLaw() {
    return law(Polarity.SET, defaultSetAmplitudeV);
  }

  public boolean hasReset() {
    return !reset.isEmpty();
  }

  public List<AmplitudePoint> table(Polarity polarity) {
    return polarity == Polarity.SET ? set : reset;
  }

  /** Default amplitude of this polarity, V with sign. */
  public double defaultAmplitudeV(Polarity polarity) {
    if (polarity == Polarity.RESET && reset.isEmpty()) {
      throw new IllegalArgumentException("polarity: parameter set '" + name + "' has no RESET branch");
    }
    return polarity == Polarity.SET ? defaultSetAmplitudeV : defaultResetAmplitudeV;
  }

  public String name() { return name; }
  public String source() { return source; }
  public String notes() { return notes; }
  /** Read voltage, V (with sign; the Groningen data read at −1 V). */
  public double readVoltageV() { return readVoltageV; }
  /** Width of one programming pulse, s. */
  public double pulseWidthS() { return pulseWidthS; }
  /** Lower clip of the state, Ω. */
  public double minResistanceOhm() { return minResistanceOhm; }
  /** Upper clip of the state, Ω. */
  public double maxResistanceOhm() { return maxResistanceOhm; }
  /** Starting resistance of a fresh device, Ω. */
  public double initialResistanceOhm() { return initialResistanceOhm; }
  public double defaultSetAmplitudeV() { return defaultSetAmplitudeV; }
  public double defaultResetAmplitudeV() { return defaultResetAmplitudeV; }

  /** A copy with another name and source, e.g. for a calibrated variant. */
  public ParameterSet renamed(String newName, String newSource) {
    return new ParameterSet(newName, newSource, notes, readVoltageV, pulseWidthS, minResistanceOhm,
        maxResistanceOhm, initialResistanceOhm, set, reset, defaultSetAmplitudeV, defaultResetAmplitudeV);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterSet p && toJson().equals(p.toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return "ParameterSet[" + name + "]";
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%+g", v).replaceAll("\\.?0+(?=e|$)", "");
  }
}
