package org.nanosynapse.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.board.VirtualBoard;
import org.nanosynapse.board.VirtualBoardTransport;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.FaultInjectingTransport;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.link.SynapseState;

/** A recorded session played back as a fake board. */
class ReplayTest {
  @TempDir Path runs;

  /** The host-side "experiment": configure, deploy, verify, infer a few patterns. */
  private static List<String> session(Board board) {
    List<String> results = new ArrayList<>();
    board.configure(new BoardConfig(3, 4, 3, 8, 256));
    Random r = new Random(11);
    List<SynapseCodes> codes = new ArrayList<>();
    for (int s = 0; s < 15; s++) {
      codes.add(new SynapseCodes(10000 + r.nextInt(2000), 10000 + r.nextInt(2000)));
    }
    board.writeSynapses(codes);
    results.add(board.readSynapses().stream().map(SynapseState::toString).toList().toString());
    for (int p = 0; p < 5; p++) {
      short[] x = {(short) (p * 64), 256, (short) -p, 128};
      short[] y = board.infer(x).outputsRaw();
      results.add(java.util.Arrays.toString(y));
    }
    return results;
  }

  private Path record(double dropFraction) {
    RunRecorder rec = RunRecorder.create(runs, "bench");
    VirtualBoardTransport virtual = new VirtualBoardTransport(VirtualBoard.withBoardId(21), "virtual:21");
    var faulty = new FaultInjectingTransport(virtual, dropFraction, 0, 3);
    try (SerialBoard board = SerialBoard.connect(rec.record(faulty, "board-21"),
        LinkOptions.inProcess().withResponseTimeoutMs(5).withMaxRetransmits(20))) {
      session(board);
    }
    rec.close();
    return rec.folder().resolve("transcripts/board-21.txt");
  }

  @Test
  void aRecordedSessionReplaysAsAFakeBoard() throws Exception {
    Path transcript = record(0.0);
    List<String> live;
    try (SerialBoard board = SerialBoard.connect(
        new VirtualBoardTransport(VirtualBoard.withBoardId(21), "v"), LinkOptions.inProcess())) {
      live = session(board);
    }
    ReplayScript script = ReplayScript.read(transcript);
    assertTrue(script.exchanges().size() > 8, "exchanges: " + script.exchanges().size());
    // The replay, driven by the same host code, gives the same results as the live board.
    ReplayTransport again = new ReplayTransport(script);
    try (SerialBoard board = SerialBoard.connect(again, LinkOptions.inProcess())) {
      assertTrue(board.label().endsWith("(id 21)"), board.label());
      assertEquals(live, session(board));
      assertEquals(0, again.remaining());
    }
  }

  @Test
  void aSessionRecordedOverALossyLinkStillReplays() {
    Path transcript = record(0.01);
    ReplayScript script = ReplayScript.read(transcript);
    assertTrue(script.exchanges().stream().anyMatch(e -> e.retransmits() > 0), "no retransmit was recorded");
    try (SerialBoard board = SerialBoard.connect(new ReplayTransport(script), LinkOptions.inProcess())) {
      assertEquals(6, session(board).size());
    }
  }

  @Test
  void hostCodeThatChangedIsCaughtWithTheTranscriptLine() {
    Path transcript = record(0.0);
    try (SerialBoard board = SerialBoard.connect(new ReplayTransport(ReplayScript.read(transcript)),
        LinkOptions.inProcess())) {
      BoardException e = assertThrows(BoardException.class, () -> board.configure(new BoardConfig(3, 5, 3, 8, 256)));
      assertTrue(e.getMessage().matches("replay .*board-21.txt line \\d+: request \\d+ differs: the host sent "
          + "CONFIGURE n_neurons=3 n_inputs=5 .*, the transcript has CONFIGURE n_neurons=3 n_inputs=4 .*"),
          e.getMessage());
    }
  }

  @Test
  void aCorruptedTranscriptIsRefusedWithFileAndLine() throws Exception {
    Path transcript = record(0.0);
    List<String> lines = new ArrayList<>(Files.readAllLines(transcript));
    int victim = 7;
    lines.set(victim - 1, lines.get(victim - 1).replaceFirst(" TX | RX ", " ?? "));
    Files.write(transcript, lines);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReplayScript.read(transcript));
    assertEquals("transcript " + transcript + " line 7: direction '??' must be TX or RX", e.getMessage());
  }
}
