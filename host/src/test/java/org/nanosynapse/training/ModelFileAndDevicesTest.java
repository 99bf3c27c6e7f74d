package org.nanosynapse.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.nn.Activation;
import org.nanosynapse.nn.Mlp;

class ModelFileAndDevicesTest {
  @TempDir Path tmp;

  @Test
  void modelFileRoundTripsWeightsTaskAndDevices() {
    TrainingResult r = Trainer.train(TrainingConfig.defaults().toBuilder().epochs(2).build(), TrainingListener.FINAL_ONLY);
    Path f = tmp.resolve("model.json");
    ModelFile.write(r, f);
    ModelFile.Saved s = ModelFile.read(f);
    assertEquals(r.config().task(), s.task());
    for (int l = 0; l < r.model().layerCount(); l++) {
      for (int j = 0; j < r.model().weights()[l].length; j++) {
        assertArrayEquals(r.model().weights()[l][j], s.mlp().weights()[l][j], 0);
      }
    }
    assertEquals(r.devices().synapseCount(), s.devices().path("r_plus_ohm").size());
    assertEquals(r.devices().synapseCount(), s.devices().path("r_minus_ohm").size());
    for (int i = 0; i < r.devices().synapseCount(); i++) {
      assertEquals(r.devices().population().resistanceOhm(2 * i), s.devices().path("r_plus_ohm").get(i).asDouble(), 0);
      assertEquals(r.devices().population().resistanceOhm(2 * i + 1), s.devices().path("r_minus_ohm").get(i).asDouble(),
          0);
    }
    assertEquals(r.testAccuracy(), s.metrics().path("test_accuracy").asDouble(), 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelFile.parse(ModelFile.toJson(r).replace("\"tanh\"", "\"swish\""), "m.json"));
    assertTrue(e.getMessage().startsWith("m.json: network.activations[0]"), e.getMessage());
  }

  @Test
  void oneNominalPulseAtTheStartMovesTheWeightByTheChosenStep() {
    SynapseSettings s = SynapseSettings.defaults().withVariation(0).withNoise(0, 0);
    Mlp m = Mlp.initialised(new int[] {9, 4, 2}, new Activation[] {Activation.TANH, Activation.SOFTMAX}, 1);
    DevicePairArray d = DevicePairArray.create(m, s, 3, TrainingListener.NONE);
    assertEquals(0, d.weight(0), 1e-12, "identical devices at the start resistance: balanced pair");
    d.set(0, 1, "train", 1, 0, 0, 0);
    assertEquals(0.01, d.weight(0), 1e-9);
    d.set(1, 1, "train", 1, 0, 0, 0);
    assertEquals(0, d.weight(0), 1e-9);
    // device-aware count: the known law gives the pulses for a desired change
    assertEquals(5, d.pulsesFor(2, 0.05), 0.2);
  }

  @Test
  void initialWeightsAreSmallDespiteFifteenPercentSpreadAndRefreshKeepsTheWeight() {
    SynapseSettings s = SynapseSettings.defaults().withNoise(0, 0);
    Mlp m = Mlp.initialised(new int[] {9, 4, 2}, new Activation[] {Activation.TANH, Activation.SOFTMAX}, 1);
    DevicePairArray d = DevicePairArray.create(m, s, 4, TrainingListener.NONE);
    double before = 0;
    for (int i = 0; i < d.synapseCount(); i++) {
      before = Math.max(before, Math.abs(d.weight(i)));
    }
    assertTrue(before > 1, "as made, the spread of R_init times γ gives large weights: " + before);
    d.programInitialWeights(5);
    for (int i = 0; i < d.synapseCount(); i++) {
      assertTrue(Math.abs(d.weight(i)) <= s.initialWeightSpread() + 0.03, "synapse " + i + ": " + d.weight(i));
    }
    d.set(0, 2000, "train", 1, 0, 0, 0);
    double w = d.weight(0);
    d.programPair(0, w, "refresh", 1);
    assertEquals(w, d.weight(0), 0.03);
    assertTrue(d.ledger().resetPulses() > 0);
  }
}
