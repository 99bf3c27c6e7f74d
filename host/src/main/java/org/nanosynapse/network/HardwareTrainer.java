package org.nanosynapse.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.device.PowerLaw;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.link.BoardDeviceParameters;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.training.DevicePairArray;
import org.nanosynapse.training.EpochMetrics;
import org.nanosynapse.training.Evaluation;
import org.nanosynapse.training.PulseRecord;
import org.nanosynapse.training.SynapseSettings;
import org.nanosynapse.training.Trainer;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingData;
import org.nanosynapse.training.TrainingListener;
import org.nanosynapse.training.TrainingMode;
import org.nanosynapse.training.TrainingResult;

/**
 * Training with the weights on the boards by the trainer itself: {@link Trainer#trainOn} runs its
 * in-place loop (mini-batch backpropagation, optimiser, and {@link DevicePairArray}'s pulse decisions:
 * device-aware or sign-only rule, refresh, initial programming) on {@link BoardDevices}, so each
 * decision goes out as APPLY_PULSES and the codes the boards answer are the device states of the next
 * step. No decision logic lives here: this class only sizes the boards' encoding for the trainer's
 * gain, evaluates the boards after each epoch and commits their final state.
 */
public final class HardwareTrainer {
  private HardwareTrainer() {}

  /**
   * One epoch.
   *
   * @param trainAccuracy the boards' (host fixed-point model of the codes read back, bit-exact to the boards)
   * @param testAccuracy the boards', on the test set
   * @param hostTestAccuracy the trainer's float model of the same devices (γ·(Gn⁺ − Gn⁻) from the codes)
   * @param pulses all pulses so far (init, train, refresh)
   * @param refreshPulses pulses of pair refreshes so far
   */
  public record Epoch(int epoch, double meanLoss, double trainAccuracy, double testAccuracy, double hostTestAccuracy,
      long pulses, long refreshPulses) {}

  /** Receives the pulse schedule and epoch results as they happen. */
  public interface Listener {
    /** One pulse decision of the trainer (a run of identical pulses to one device), in the trainer's log format. */
    void pulses(PulseRecord record);

    /** One APPLY_PULSES command as sent, with the codes read back and the host model's prediction. */
    void command(PulseStep step);

    void epoch(Epoch e);
  }

  /** The trainer's γ and the largest |weight| the boards' code range is sized for. */
  public record Range(double gain, double rangeWeight) {}

  /**
   * γ of the trainer's settings on these devices, and the largest |weight| a device can represent
   * before the refresh rule resets it: γ·(1/R(n_ref) − 1/R_start)/(1/R0 − 1/R1) with n_ref =
   * refreshFactor·n(R_start) + maxPulsesPerStep on the nominal SET law (capped to Q F's range when the
   * devices cannot be reset). The boards' code range is sized for it.
   */
  public static Range range(ParameterSet set, SynapseSettings s, int fractionalBits) {
    double gain = DevicePairArray.gain(set, s);
    double qMax = 0.99 * Short.MAX_VALUE / (1 << fractionalBits);
    PowerLawParameters law = set.setLaw();
    double start = Double.isNaN(s.startResistanceOhm()) ? set.initialResistanceOhm() : s.startResistanceOhm();
    double nRefresh = s.refreshFactor() * PowerLaw.pulseNumberAt(law, start) + s.maxPulsesPerStep();
    double top = PowerLaw.afterPulses(law, start, nRefresh - PowerLaw.pulseNumberAt(law, start),
        set.minResistanceOhm(), set.maxResistanceOhm());
    double range = gain * (1 / top - 1 / start) / (1 / law.r0Ohm() - 1 / law.r1Ohm());
    return new Range(gain, set.hasReset() && range > 0 ? Math.min(range, qMax) : qMax);
  }

  /**
   * The configuration the trainer runs on the boards: in place, the gain of the deployment, both
   * devices of a pair starting at the boards' base code (so the pulse counts start from what the
   * boards hold).
   */
  public static TrainingConfig configFor(TrainingConfig c, WeightEncoding enc) {
    SynapseSettings s = c.synapses().withGain(enc.gain()).withStartResistanceOhm(1 / (enc.baseCode() * enc.conductanceLsbS()));
    return c.toBuilder().mode(TrainingMode.IN_PLACE).synapses(s).build();
  }

  /**
   * Trains on the network already deployed on {@code net} (by {@code deployment}, balanced pairs at
   * the base code of {@link #configFor}'s encoding). Afterwards {@code net}'s committed state is the
   * trained one. The result's model holds the trainer's float weights of the boards' final codes.
   */
  public static TrainingResult train(
      BoardNetwork net, DeploymentResult deployment, ParameterSet set, BoardDeviceParameters parameters,
      TrainingConfig config, TrainingData data, Listener listener) {
    TrainingConfig onBoards = configFor(config, deployment.plan().encoding());
    BoardDevices devices = new BoardDevices(net, set, parameters, listener::command);
    long[] refreshPulses = new long[1];
    TrainingResult r = Trainer.trainOn(devices, onBoards, data, new TrainingListener() {
      @Override
      public void pulses(PulseRecord record) {
        if (record.phase().equals("refresh")) {
          refreshPulses[0] += record.count();
        }
        listener.pulses(record);
      }

      @Override
      public void epochDone(EpochMetrics m, int maxEpochs) {
        FixedPointNetwork boards = boardsModel(net, deployment);
        listener.epoch(new Epoch(m.epoch(), m.trainLoss(), Evaluation.of(boards, data.train()).accuracy(),
            Evaluation.of(boards, data.test()).accuracy(), m.testAccuracy(), m.pulses(), refreshPulses[0]));
      }
    });
    devices.readBack();
    devices.commit();
    return r;
  }

  /** The host's fixed-point model of what the boards hold now (read back). */
  static FixedPointNetwork boardsModel(BoardNetwork net, DeploymentResult deployment) {
    Map<BoardSlot, List<SynapseState>> readBack = new LinkedHashMap<>();
    for (BoardSlot slot : net.topology().boards()) {
      readBack.put(slot, net.board(slot).readSynapses());
    }
    return Deployer.modelFrom(deployment.plan(), readBack);
  }
}
