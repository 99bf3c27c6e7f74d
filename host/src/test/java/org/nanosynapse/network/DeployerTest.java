package org.nanosynapse.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanosynapse.device.ParameterSet;
import org.nanosynapse.link.BoardDeviceParameters;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.nn.FixedPoint;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.nn.Mlp;

class DeployerTest {
  static final ParameterSet GRONINGEN = ParameterSet.builtIn("groningen-2021");
  final List<String> log = new ArrayList<>();

  static DeploymentPlan plan(Mlp mlp, Topology t, double gain) {
    var law = GRONINGEN.setLaw();
    return WeightEncoder.encode(mlp, t, 8, gain, law.r0Ohm(), law.r1Ohm(), GRONINGEN.initialResistanceOhm());
  }

  static Topology threeBoards(String prefix) {
    return TopologyPlanner.plan(WeightEncoder.layersOf(Fakes.randomMlp(1, 1)), TopologyPlanner.Capacity.NANO,
        List.of(prefix + "1", prefix + "2", prefix + "3"));
  }

  @Test
  void encodingRepresentsEveryQuantisedWeightExactlyWithBalancedPairs() {
    for (long seed = 1; seed <= 20; seed++) {
      Mlp mlp = Fakes.randomMlp(seed, 1 + seed % 7);
      DeploymentPlan p = plan(mlp, threeBoards("fake:"), 1e4 * seed);
      WeightEncoding e = p.encoding();
      assertTrue(e.weightScale() >= 1 && e.weightScale() <= 256, "k = " + e.weightScale());
      // k follows from G_lsb by PROTOCOL.md's formula.
      double k = 256 * e.gain() * 256 * e.conductanceLsbS() / (1 / e.r0Ohm() - 1 / e.r1Ohm());
      assertEquals(e.weightScale(), k, 1e-6 * k);
      FixedPointNetwork expected = FixedPointNetwork.fromMlp(mlp, 8);
      for (int l = 0; l < 2; l++) {
        for (int j = 0; j < expected.layers().get(l).outputs(); j++) {
          assertArrayEquals(expected.layers().get(l).weights()[j], p.hostModel().layers().get(l).weights()[j]);
        }
      }
      for (BoardTargets t : p.boards()) {
        for (SynapseCodes c : t.codes()) {
          assertTrue(Math.min(c.plusCode(), c.minusCode()) == e.baseCode(), "one device stays at the base code");
          assertTrue(Math.max(c.plusCode(), c.minusCode()) <= WeightEncoder.CODE_LIMIT);
        }
      }
    }
  }

  @Test
  void gainTooSmallForTheWeightsIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> plan(Fakes.randomMlp(3, 5), threeBoards("fake:"), 2));
    assertTrue(e.getMessage().startsWith("gain: "), e.getMessage());
  }

  @Test
  void directDeployWritesReadsBackAndCommitsEveryBoard() {
    Fakes fakes = new Fakes();
    Mlp mlp = Fakes.randomMlp(7, 4);
    DeploymentPlan p = plan(mlp, threeBoards("fake:"), 1e4);
    BoardDeviceParameters params = DeviceSetup.forBoards(GRONINGEN, p.encoding().conductanceLsbS());
    try (BoardNetwork net = BoardNetwork.open(p.topology(), fakes.opener())) {
      DeploymentResult d = new Deployer(log::add).deploy(net, p, params, Deployer.Options.direct());
      assertEquals(0, d.maxWeightErrorRaw());
      assertEquals(2 * 10 + 2 * 10 + 2 * 5, d.synapseCount()); // neurons × (inputs + bias) per board
      for (BoardTargets t : p.boards()) {
        List<SynapseState> back = fakes.boards.get(t.slot().port()).readSynapses();
        for (int i = 0; i < back.size(); i++) {
          assertEquals(t.codes().get(i), back.get(i).codes());
        }
        assertEquals(t.codes(), net.committed(t.slot()).codes());
      }
    }
  }

  @Test
  void oneFailingBoardRollsEveryBoardBack() {
    Fakes fakes = new Fakes();
    Topology topo = threeBoards("fake:");
    DeploymentPlan first = plan(Fakes.randomMlp(1, 3), topo, 1e4);
    DeploymentPlan second = plan(Fakes.randomMlp(2, 3), topo, 1e4);
    BoardDeviceParameters params = DeviceSetup.forBoards(GRONINGEN, first.encoding().conductanceLsbS());
    try (BoardNetwork net = BoardNetwork.open(topo, fakes.opener())) {
      new Deployer(log::add).deploy(net, first, params, Deployer.Options.direct());
      fakes.boards.get("fake:3").failWrites = true;
      BoardException e = assertThrows(BoardException.class,
          () -> new Deployer(log::add).deploy(net, second, params, Deployer.Options.direct()));
      assertTrue(e.getMessage().startsWith("deploy failed at board 3 (fake:3)"), e.getMessage());
      assertTrue(e.getMessage().contains("rolled back boards [1, 2"), e.getMessage());
      // Boards 1 and 2 were rolled back; board 3's write failed, so it never left the first deployment.
      for (BoardTargets t : first.boards()) {
        List<SynapseState> back = fakes.boards.get(t.slot().port()).readSynapses();
        for (int i = 0; i < back.size(); i++) {
          assertEquals(t.codes().get(i), back.get(i).codes(), "board " + t.slot().boardId() + " synapse " + i);
        }
      }
    }
  }

  @Test
  void writeAndVerifyReachesEveryTargetWithPulsesAndTracksTheDeviceModel() {
    Fakes fakes = new Fakes();
    Mlp mlp = Fakes.randomMlp(11, 3);
    Topology topo = threeBoards("fake:");
    double gain = DeviceSetup.gainForPulseBudget(GRONINGEN, 3, 2000);
    DeploymentPlan p = plan(mlp, topo, gain);
    BoardDeviceParameters params = DeviceSetup.forBoards(GRONINGEN, p.encoding().conductanceLsbS());
    try (BoardNetwork net = BoardNetwork.open(topo, fakes.opener())) {
      DeploymentResult d = new Deployer(log::add).deploy(net, p, params, new Deployer.Options(
          Deployer.Mode.WRITE_VERIFY, 3, 200, 1000, 0));
      assertTrue(d.maxWeightErrorRaw() <= 3);
      assertTrue(d.pulseCount() > 0);
      // The host model is built from the weights the boards hold.
      for (var entry : d.readBack().entrySet()) {
        BoardSlot s = entry.getKey();
        int n = topo.layers().get(s.layer()).inputs() + 1;
        for (SynapseState st : entry.getValue()) {
          int neuron = s.firstNeuron() + st.synapseIndex() / n;
          assertEquals(st.weightRaw(), d.hostModel().layers().get(s.layer()).weights()[neuron][st.synapseIndex() % n]);
        }
      }
      // Simulated codes (host power law, no per-pulse rounding) follow the board within 1 %.
      for (PulseStep st : d.pulses()) {
        int sim = st.command().device() == org.nanosynapse.link.PulseCommand.PairDevice.PLUS
            ? st.simulatedPlusCode() : st.simulatedMinusCode();
        assertTrue(Math.abs(st.residualCode()) <= 0.01 * sim, "step " + st.step() + " residual " + st.residualCode());
      }
      assertEquals(FixedPoint.DEFAULT_FRACTION_BITS, d.hostModel().fractionBits());
    }
  }
}
