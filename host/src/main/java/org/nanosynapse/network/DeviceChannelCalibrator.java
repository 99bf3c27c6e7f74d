package org.nanosynapse.network;

import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.calibration.Branch;
import org.nanosynapse.calibration.FitOptions;
import org.nanosynapse.calibration.PowerLawFit;
import org.nanosynapse.calibration.PowerLawFitter;
import org.nanosynapse.calibration.PulseSeries;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.PulseCommand;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;

/**
 * Calibration through a board's emulated device (not its physical channel; that is {@link
 * HardwareCalibrator}): a SET pulse train applied one pulse at a time to one device, the
 * device read back after every pulse, and the reads fitted by the calibration module
 * ({@link PowerLawFitter}, R0 fixed at the loaded value as the module does for short series).
 *
 * <p>The channel is the board's emulated device (APPLY_PULSES, READ_SYNAPSE; R = 1/(c·G_lsb)): the
 * loop checks that what a board does to its devices is what the loaded parameters say, end to end
 * through the wire. The device starts at R(1) = R0 + R1 so that the train's pulse k is pulse number
 * n = k + 1 of the law and the fit recovers R1 and a directly. G_lsb is chosen so the start sits at
 * {@link #START_CODE}, fine enough that a pulse moves the code by many steps.
 */
public final class DeviceChannelCalibrator {
  /** Code of the start state R(1); the train then climbs towards 65535. */
  public static final int START_CODE = 8_000;

  /** One calibration: the reads, the fit, and the parameters the board was loaded with. */
  public record Result(PulseSeries series, PowerLawFit fit, PowerLawParameters loaded, double conductanceLsbS,
      List<SynapseState> reads) {

    /** Relative error of the fitted exponent against the loaded one. */
    public double exponentError() {
      return Math.abs(fit.a() / loaded.exponent() - 1);
    }

    public double r1Error() {
      return Math.abs(fit.r1Ohm() / loaded.r1Ohm() - 1);
    }
  }

  private DeviceChannelCalibrator() {}

  /**
   * @param pulses length of the SET train (≥ 4)
   */
  public static Result calibrate(Board board, ParameterSet devices, int pulses) {
    if (pulses < 4 || pulses > 5000) {
      throw new IllegalArgumentException("pulses: a calibration train needs 4..5000 pulses, got " + pulses);
    }
    PowerLawParameters law = devices.setLaw();
    double startOhm = PowerLaw.resistanceAt(law, 1);
    double lsb = 1 / (startOhm * START_CODE);
    board.configure(new BoardConfig(1, 1, 0, 8, 1));
    board.loadDeviceParameters(DeviceSetup.forBoards(devices, lsb));
    board.writeSynapses(List.of(new SynapseCodes(START_CODE, START_CODE), new SynapseCodes(START_CODE, START_CODE)));
    int amp = DeviceSetup.defaultAmplitudeIndex(devices, Polarity.SET);
    double[] n = new double[pulses];
    double[] r = new double[pulses];
    List<SynapseState> reads = new ArrayList<>();
    for (int k = 0; k < pulses; k++) {
      board.applyPulses(new PulseCommand(0, PulseCommand.PairDevice.PLUS, Polarity.SET, amp, 1));
      SynapseState s = board.readSynapse(0);
      reads.add(s);
      n[k] = k + 2; // the start state is pulse number 1
      r[k] = 1 / (s.codes().plusCode() * lsb);
    }
    PulseSeries series = new PulseSeries(
        "board " + board.address() + " SET", board.address(), Branch.SET, devices.defaultSetAmplitudeV(),
        devices.pulseWidthS(), devices.readVoltageV(), n, r, "APPLY_PULSES/READ_SYNAPSE through " + board.address());
    PowerLawFit fit = PowerLawFitter.fit(series, FitOptions.fixedR0(law.r0Ohm()));
    return new Result(series, fit, law, lsb, reads);
  }
}
