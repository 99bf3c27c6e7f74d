package org.nanosynapse.device;

/**
 * The power law of a {@link ParameterSet} at fixed SET and RESET amplitudes, as an {@link UpdateLaw}
 * (equations in {@link PowerLaw}).
 */
public record PowerLawUpdate(ParameterSet parameters, double setAmplitudeV, double resetAmplitudeV)
    implements UpdateLaw {

  public PowerLawUpdate {
    parameters.law(Polarity.SET, setAmplitudeV);
    if (parameters.hasReset()) {
      parameters.law(Polarity.RESET, resetAmplitudeV);
    }
  }

  /** At the set's default amplitudes. */
  public static PowerLawUpdate of(ParameterSet parameters) {
    return new PowerLawUpdate(parameters, parameters.defaultSetAmplitudeV(),
        parameters.hasReset() ? parameters.defaultResetAmplitudeV() : Double.NaN);
  }

  @Override
  public String name() {
    return "power-law (" + parameters.name() + ")";
  }

  @Override
  public double afterPulses(double resistanceOhm, Polarity polarity, double pulses) {
    PowerLawParameters law = parameters.law(polarity, polarity == Polarity.SET ? setAmplitudeV : resetAmplitudeV);
    return PowerLaw.afterPulses(law, resistanceOhm, pulses, minResistanceOhm(), maxResistanceOhm());
  }

  @Override
  public double minResistanceOhm() {
    return parameters.minResistanceOhm();
  }

  @Override
  public double maxResistanceOhm() {
    return parameters.maxResistanceOhm();
  }
}
