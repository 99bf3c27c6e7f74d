package org.nanosynapse.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.link.ThrottledTransport;

/** The line-rate model used by the link benchmark: nothing crosses faster than the wire allows. */
class ThrottledLinkTest {
  @Test
  void anUploadCannotBeatTheWireAndStillArrivesWhole() {
    int baud = 57_600;
    var counting = new VirtualBoardTransport(new VirtualBoard(), "v");
    try (SerialBoard board = SerialBoard.connect(new ThrottledTransport(counting, baud), LinkOptions.emulated())) {
      BoardConfig config = new BoardConfig(4, 16, 0, 8, 256);
      board.configure(config);
      List<SynapseCodes> codes = VirtualBoardRoundTripTest.randomCodes(config.synapseCount(), new Random(8));
      long start = System.nanoTime();
      board.writeSynapses(codes);
      double seconds = (System.nanoTime() - start) / 1e9;
      // 68 synapses = 272 code bytes alone need 272 / 5760 s on the wire, frames and answers more.
      assertTrue(seconds >= 272.0 / (baud / 10.0), "upload took " + seconds + " s, faster than the wire");
      assertEquals(codes, board.readSynapses().stream().map(SynapseState::codes).toList());
    }
  }
}
