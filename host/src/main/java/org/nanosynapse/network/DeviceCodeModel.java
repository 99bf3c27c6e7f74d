package org.nanosynapse.network;

import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.link.BoardDeviceParameters;

/**
 * The host's prediction of a device code after pulses, from the device parameters the board was
 * given: code → R = 1/(c·G_lsb) → {@link PowerLaw#afterPulses} on the branch of that polarity and
 * amplitude, clipped to the board's [R_min, R_max] → code = round(1/(R·G_lsb)). The board keeps its
 * own state; this model is what the comparison holds it against.
 */
public final class DeviceCodeModel {
  private final BoardDeviceParameters parameters;

  public DeviceCodeModel(BoardDeviceParameters parameters) {
    this.parameters = parameters;
  }

  public int afterPulses(int code, Polarity polarity, int amplitudeIndex, int count) {
    var branches = polarity == Polarity.SET ? parameters.setBranches() : parameters.resetBranches();
    if (amplitudeIndex < 0 || amplitudeIndex >= branches.size()) {
      throw new IllegalArgumentException(
          "amplitude index: " + amplitudeIndex + " is not one of the " + branches.size() + " " + polarity + " branches");
    }
    BoardDeviceParameters.Branch b = branches.get(amplitudeIndex);
    double lsb = parameters.conductanceLsbS();
    double r = code <= 0 ? parameters.maxResistanceOhm() : 1 / (code * lsb);
    r = PowerLaw.clip(r, parameters.minResistanceOhm(), parameters.maxResistanceOhm());
    double next =
        PowerLaw.afterPulses(
            new PowerLawParameters(b.r0Ohm(), b.r1Ohm(), b.exponent()), r, count,
            parameters.minResistanceOhm(), parameters.maxResistanceOhm());
    long c = Math.round(1 / (next * lsb));
    return (int) Math.max(0, Math.min(0xFFFF, c));
  }
}
