package org.nanosynapse.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.BoardCounters;
import org.nanosynapse.link.BoardDeviceParameters;
import org.nanosynapse.link.BoardIdentity;
import org.nanosynapse.link.InferenceResult;
import org.nanosynapse.link.NackError;
import org.nanosynapse.link.NackException;
import org.nanosynapse.link.PulseCommand;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;

/** The host side of the link (SerialBoard) against the virtual board, through the real codec. */
class VirtualBoardRoundTripTest {

  static List<SynapseCodes> randomCodes(int n, Random random) {
    List<SynapseCodes> codes = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      codes.add(new SynapseCodes(random.nextInt(65536), random.nextInt(65536)));
    }
    return codes;
  }

  static BoardDeviceParameters publishedSetAndReset() {
    return new BoardDeviceParameters(1e-12, -1.0, 0.1, 100.0, 1e9,
        List.of(new BoardDeviceParameters.Branch(0.1, 200, 2.3e8, -0.146)),
        List.of(new BoardDeviceParameters.Branch(-0.1, 1e5, 2e6, 0.8)));
  }

  @Test
  void identifyConfigureWriteReadInfer() {
    try (SerialBoard board = VirtualNetwork.open(7)) {
      BoardIdentity id = board.identify();
      assertEquals(7, id.boardId());
      assertEquals(1, id.protocolVersion());
      assertEquals("nanosynapse", id.firmwareName());
      assertEquals(68, id.maxSynapses());

      BoardConfig config = new BoardConfig(4, 16, 3, 8, 300);
      board.configure(config);
      List<SynapseCodes> codes = randomCodes(config.synapseCount(), new Random(1));
      board.writeSynapses(codes);
      List<SynapseState> back = board.readSynapses();
      assertEquals(68, back.size());
      short[] weights = new short[68];
      for (SynapseState s : back) {
        assertEquals(codes.get(s.synapseIndex()), s.codes());
        SynapseCodes c = codes.get(s.synapseIndex());
        assertEquals(BoardArithmetic.weight(c.plusCode(), c.minusCode(), 300), s.weightRaw());
        weights[s.synapseIndex()] = s.weightRaw();
      }
      assertEquals(back.get(20), board.readSynapse(20));

      Random r = new Random(2);
      for (int t = 0; t < 20; t++) {
        short[] x = new short[16];
        for (int i = 0; i < 16; i++) {
          x[i] = (short) (r.nextInt(513) - 256);
        }
        InferenceResult y = board.infer(x);
        short[] expected = new short[4];
        for (int j = 0; j < 4; j++) {
          expected[j] = BoardArithmetic.neuron(weights, j * 17, x, 16, 8, 3);
        }
        assertArrayEquals(expected, y.outputsRaw());
      }
      assertThrows(IllegalArgumentException.class, () -> board.infer(new short[3]));
    }
  }

  @Test
  void pulsesFollowTheDeviceEmulationAndNeedLoadedParameters() {
    try (SerialBoard board = VirtualNetwork.open(1)) {
      board.configure(new BoardConfig(1, 2, 0, 8, 256));
      board.writeSynapses(List.of(new SynapseCodes(10000, 10000), new SynapseCodes(0, 0), new SynapseCodes(5, 5)));
      NackException e = assertThrows(NackException.class,
          () -> board.applyPulses(new PulseCommand(0, PulseCommand.PairDevice.MINUS, Polarity.RESET, 0, 3)));
      assertEquals(NackError.NO_PARAMS, e.error());
      assertTrue(e.getMessage().startsWith("board virtual:1 (id 1): APPLY_PULSES: expected ACK, got NACK NO_PARAMS"),
          e.getMessage());

      board.loadDeviceParameters(publishedSetAndReset());
      int expected = 10000;
      for (int i = 0; i < 1500; i++) {
        expected = DeviceEmulation.pulse(expected, 200f, 2.3e8f, -0.146f, 1e-12f);
      }
      SynapseState s = board.applyPulses(new PulseCommand(0, PulseCommand.PairDevice.PLUS, Polarity.SET, 0, 1500));
      assertEquals(expected, s.codes().plusCode());
      assertTrue(expected > 10000, "SET raises conductance");
      assertEquals(10000, s.codes().minusCode());
      SynapseState reset = board.applyPulses(new PulseCommand(0, PulseCommand.PairDevice.MINUS, Polarity.RESET, 0, 3));
      assertTrue(reset.codes().minusCode() < 10000, "RESET lowers conductance");
      assertEquals(1503, board.counters().pulsesApplied());
    }
  }

  @Test
  void eepromKeepsStateThroughResetAndCountersCount() {
    try (SerialBoard board = VirtualNetwork.open(3)) {
      BoardConfig config = new BoardConfig(2, 3, 0, 8, 256);
      board.configure(config);
      List<SynapseCodes> saved = randomCodes(8, new Random(5));
      board.writeSynapses(saved);
      board.saveToEeprom();
      board.writeSynapses(randomCodes(8, new Random(6)));
      board.reset();
      assertEquals(saved, board.readSynapses().stream().map(SynapseState::codes).toList());
      board.writeSynapses(randomCodes(8, new Random(7)));
      board.loadFromEeprom();
      assertEquals(saved, board.readSynapses().stream().map(SynapseState::codes).toList());
      BoardCounters c = board.counters();
      assertTrue(c.framesGood() > 3, c.toString());
      assertEquals(0, c.framesBad());
    }
  }

  @Test
  void badConfigurationIsRefusedByTheBoardWithAClearError() {
    try (SerialBoard board = VirtualNetwork.open(2)) {
      NackException e = assertThrows(NackException.class, () -> board.configure(new BoardConfig(8, 9, 0, 8, 256)));
      assertEquals(NackError.BAD_ARG, e.error());
      assertEquals(1, e.detail());
      assertTrue(e.getMessage().contains("CONFIGURE: expected ACK, got NACK BAD_ARG (detail 1"), e.getMessage());
    }
  }
}
