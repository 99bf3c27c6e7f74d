package org.nanosynapse.link;

import java.util.List;

/**
 * The device physics a board emulates: conductance code LSB and one power-law branch per polarity
 * and amplitude index (R = R0 + R1·n^a), as sent by LOAD_DEVICE_PARAMS.
 */
public record BoardDeviceParameters(
    double conductanceLsbS,
    double readVoltageV,
    double pulseWidthS,
    double minResistanceOhm,
    double maxResistanceOhm,
    List<Branch> setBranches,
    List<Branch> resetBranches) {

  /** One power-law branch at one amplitude. */
  public record Branch(double amplitudeV, double r0Ohm, double r1Ohm, double exponent) {}
}
