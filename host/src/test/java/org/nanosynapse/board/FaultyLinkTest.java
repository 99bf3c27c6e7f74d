package org.nanosynapse.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.FaultInjectingTransport;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;

/** The link's integrity checks and retransmits against damaged bytes and a board that dies. */
class FaultyLinkTest {
  private static final LinkOptions FAULT_TOLERANT =
      LinkOptions.inProcess().withResponseTimeoutMs(5).withMaxRetransmits(20);

  @ParameterizedTest(name = "drop {0}, corrupt {1}")
  @CsvSource({"0.01, 0.0", "0.0, 0.01", "0.005, 0.005"})
  void everyWeightArrivesThroughALinkThatDamagesOnePercentOfBytes(double drop, double corrupt) {
    for (long seed = 1; seed <= 3; seed++) {
      VirtualBoard virtual = VirtualBoard.withBoardId(9);
      FaultInjectingTransport faulty =
          new FaultInjectingTransport(new VirtualBoardTransport(virtual, "virtual:9"), drop, corrupt, seed);
      try (SerialBoard board = SerialBoard.connect(faulty, FAULT_TOLERANT, 0)) {
        BoardConfig config = new BoardConfig(4, 16, 0, 8, 256);
        board.configure(config);
        Random random = new Random(seed);
        for (int upload = 0; upload < 3; upload++) {
          List<SynapseCodes> codes = VirtualBoardRoundTripTest.randomCodes(config.synapseCount(), random);
          board.writeSynapses(codes);
          List<SynapseCodes> back = board.readSynapses().stream().map(SynapseState::codes).toList();
          assertEquals(codes, back, "seed " + seed + " upload " + upload);
        }
        long damaged = faulty.bytesDropped() + faulty.bytesCorrupted();
        assertTrue(damaged > 0, "the fault injector damaged nothing in " + faulty.bytesSeen() + " bytes");
        assertTrue(board.link().retransmits() > 0, "no retransmit was needed: the test did not test them");
        assertEquals(0, board.reconnects(), "retransmits alone should have been enough");
      }
    }
  }

  @Test
  void faultRatesAreWhatWasAskedFor() {
    VirtualBoardTransport sink = new VirtualBoardTransport(new VirtualBoard(), "v");
    FaultInjectingTransport t = new FaultInjectingTransport(sink, 0.01, 0.02, 42);
    byte[] junk = new byte[100_000];
    java.util.Arrays.fill(junk, (byte) 0x55);
    t.write(junk);
    assertEquals(1000, t.bytesDropped(), 150);
    assertEquals(2000, t.bytesCorrupted(), 200);
    assertThrows(IllegalArgumentException.class, () -> new FaultInjectingTransport(sink, 1.5, 0, 1));
  }

  @Test
  void aBoardThatDiesIsReconnectedAndGetsItsWeightsBack() {
    VirtualBoard virtual = VirtualBoard.withBoardId(4);
    VirtualBoardTransport transport = new VirtualBoardTransport(virtual, "virtual:4");
    try (SerialBoard board = SerialBoard.connect(transport, LinkOptions.inProcess().withResponseTimeoutMs(10))) {
      BoardConfig config = new BoardConfig(2, 9, 3, 8, 256);
      board.configure(config);
      List<SynapseCodes> codes = VirtualBoardRoundTripTest.randomCodes(config.synapseCount(), new Random(3));
      board.writeSynapses(codes);
      short[] x = {256, 0, 256, 0, 256, 0, 256, 0, 256};
      short[] before = board.infer(x).outputsRaw();

      transport.crash();
      // The next call finds the board silent, re-opens the port (which boots it with default,
      // all-zero weights), re-identifies it and re-sends configuration and weights.
      short[] after = board.infer(x).outputsRaw();
      assertEquals(1, board.reconnects());
      org.junit.jupiter.api.Assertions.assertArrayEquals(before, after);
      assertEquals(codes, board.readSynapses().stream().map(SynapseState::codes).toList());
    }
  }

  @Test
  void aBoardThatNeverComesBackGivesAnErrorNamingBoardAndCommand() {
    VirtualBoardTransport transport = new VirtualBoardTransport(VirtualBoard.withBoardId(5), "virtual:5");
    FaultInjectingTransport deaf = new FaultInjectingTransport(transport, 0, 0, 1);
    try (SerialBoard board = SerialBoard.connect(deaf, LinkOptions.inProcess().withResponseTimeoutMs(5)
        .withReconnectTimeoutMs(100))) {
      board.configure(new BoardConfig(1, 1, 0, 8, 256));
      // Every byte vanishes from now on.
      BoardException e = assertThrows(BoardException.class, () -> {
        transportKill(deaf);
        board.counters();
      });
      assertTrue(e.getMessage().startsWith("board virtual:5 (id 5): COUNTERS: lost the board"), e.getMessage());
      assertTrue(e.getMessage().contains("expected an answer within 5 ms"), e.getMessage());
    }
  }

  @Test
  void theHandshakeWaitsForABoardStillInItsBootloader() throws Exception {
    FaultInjectingTransport booting =
        new FaultInjectingTransport(new VirtualBoardTransport(VirtualBoard.withBoardId(6), "virtual:6"), 0.999999, 0, 1);
    Thread bootloaderDone = new Thread(() -> {
      try {
        Thread.sleep(400);
      } catch (InterruptedException e) {
        return;
      }
      booting.setDropFraction(0);
    });
    bootloaderDone.start();
    try (SerialBoard board = SerialBoard.connect(booting, LinkOptions.inProcess().withResponseTimeoutMs(20))) {
      assertEquals(6, board.identify().boardId());
    }
    bootloaderDone.join();
  }

  @Test
  void anotherBoardAnsweringAfterAReconnectIsAnError() {
    VirtualBoardTransport first = new VirtualBoardTransport(VirtualBoard.withBoardId(1), "port");
    VirtualBoardTransport second = new VirtualBoardTransport(VirtualBoard.withBoardId(2), "port");
    // A port that reaches another board once re-opened (someone swapped the USB cables).
    org.nanosynapse.link.Transport swapped = new org.nanosynapse.link.Transport() {
      VirtualBoardTransport now = first;

      public String name() {
        return "port";
      }

      public void write(byte[] b, int o, int n) {
        now.write(b, o, n);
      }

      public int read(byte[] b, int o, int n, long t) {
        return now.read(b, o, n, t);
      }

      public void discardInput() {
        now.discardInput();
      }

      public void reopen() {
        now = second;
      }

      public void close() {}
    };
    try (SerialBoard board = SerialBoard.connect(swapped, LinkOptions.inProcess().withResponseTimeoutMs(5))) {
      first.crash();
      BoardException e = assertThrows(BoardException.class, board::counters);
      assertTrue(e.getMessage().contains("IDENTIFY after reconnect: expected the same board id 1, a board with id 2"
          + " answered"), e.getMessage());
    }
  }

  private static void transportKill(FaultInjectingTransport t) {
    t.setDropFraction(0.999999);
  }
}
