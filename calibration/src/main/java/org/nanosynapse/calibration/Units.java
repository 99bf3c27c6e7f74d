package org.nanosynapse.calibration;

import java.util.Map;

/** Units accepted in CSV headers, as factors to the SI unit of each quantity. */
enum Units {
  VOLTAGE("V", Map.of("V", 1.0, "mV", 1e-3, "uV", 1e-6, "µV", 1e-6, "kV", 1e3)),
  TIME(
      "s",
      Map.of(
          "s", 1.0, "ms", 1e-3, "us", 1e-6, "µs", 1e-6, "ns", 1e-9, "min", 60.0, "h", 3600.0)),
  CURRENT(
      "A",
      Map.of("A", 1.0, "mA", 1e-3, "uA", 1e-6, "µA", 1e-6, "nA", 1e-9, "pA", 1e-12)),
  RESISTANCE(
      "Ohm",
      Map.of(
          "Ohm", 1.0, "ohm", 1.0, "Ω", 1.0,
          "kOhm", 1e3, "kohm", 1e3, "kΩ", 1e3,
          "MOhm", 1e6, "Mohm", 1e6, "MΩ", 1e6,
          "GOhm", 1e9));

  private final String si;
  private final Map<String, Double> factors;

  Units(String si, Map<String, Double> factors) {
    this.si = si;
    this.factors = factors;
  }

  String si() {
    return si;
  }

  /** Factor that turns a value in {@code unit} into the SI unit, or null when unknown. */
  Double factor(String unit) {
    return factors.get(unit);
  }

  String accepted() {
    return String.join(", ", new java.util.TreeSet<>(factors.keySet()));
  }
}
