package org.nanosynapse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanosynapse.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.board.VirtualBoard;
import org.nanosynapse.board.VirtualBoardTransport;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.SynapseCodes;
import org.nanosynapse.records.RunRecorder;

class BoardsAndReplayCommandTest {
  @TempDir Path dir;

  @Test
  void boardsIdentifiesTypedAddressesAndSetsIds() {
    CliRun r = run("boards", "--port", "virtual:12");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("virtual:12") && r.out().contains("id 12 ") && r.out().contains("protocol 1"), r.out());

    CliRun missing = run("boards", "--port", "/dev/no-such-nano");
    assertEquals(1, missing.exit());
    assertTrue(missing.out().contains("/dev/no-such-nano") && missing.out().contains("no such device"), missing.out());

    CliRun bad = run("boards", "--port", "virtual:x");
    assertEquals(2, bad.exit());
    assertEquals("error: board address 'virtual:x': expected virtual:<board id 0..65535>", bad.err().strip());

    CliRun twoForSetId = run("boards", "--set-id", "3", "--port", "virtual:1", "--port", "virtual:2");
    assertEquals(2, twoForSetId.exit());
  }

  private Path recordRun() {
    RunRecorder rec = RunRecorder.create(dir, "session");
    var t = rec.record(new VirtualBoardTransport(VirtualBoard.withBoardId(8), "virtual:8"), "board-8");
    try (SerialBoard b = SerialBoard.connect(t, LinkOptions.inProcess())) {
      b.configure(new BoardConfig(1, 3, 3, 8, 256));
      b.writeSynapses(List.of(new SynapseCodes(10300, 10000), new SynapseCodes(1, 2), new SynapseCodes(5, 0),
          new SynapseCodes(9000, 9100)));
      b.infer(new short[] {256, 0, -256});
      b.readSynapses();
    }
    rec.finish("ok");
    rec.close();
    return rec.folder();
  }

  @Test
  void replayPrintsARunsTranscriptsAndReplaysThemAgainstABoard() throws Exception {
    Path folder = recordRun();
    CliRun listed = run("replay", folder.toString());
    assertEquals(0, listed.exit(), listed.err());
    assertTrue(listed.out().contains("board virtual:8"), listed.out());
    assertTrue(listed.out().contains("CONFIGURE n_neurons=1 n_inputs=3"), listed.out());
    assertTrue(listed.out().contains("-> INFER_ACK y.0="), listed.out());

    CliRun same = run("replay", folder.toString(), "--against", "virtual:8", "--quiet");
    assertEquals(0, same.exit(), same.out() + same.err());
    assertTrue(same.out().contains("every answer matched the recording"), same.out());
  }

  @Test
  void replayFindsABoardThatAnswersDifferently() {
    // Record a session on a board whose EEPROM holds another configuration than a fresh board's.
    VirtualBoard prepared = VirtualBoard.withBoardId(8);
    try (SerialBoard b = SerialBoard.connect(new VirtualBoardTransport(prepared, "virtual:8"), LinkOptions.inProcess())) {
      b.configure(new BoardConfig(1, 3, 3, 8, 256));
      b.saveToEeprom();
    }
    prepared.powerOn();
    RunRecorder rec = RunRecorder.create(dir, "prepared");
    var t = rec.record(new VirtualBoardTransport(prepared, "virtual:8"), "board-8");
    try (SerialBoard b = SerialBoard.connect(t, LinkOptions.inProcess())) {
      b.infer(new short[] {256, 0, -256});
    }
    rec.close();
    // A fresh board boots with 4 x 16: its IDENTIFY answer and the INFER length check differ.
    CliRun r = run("replay", rec.folder().toString(), "--against", "virtual:8", "--quiet");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("IDENTIFY: n_neurons recorded 1, now 4; n_inputs recorded 3, now 16"), r.out());
    assertTrue(r.out().contains("answer(s) differ from the recording"), r.out());
  }

  @Test
  void aCorruptedTranscriptGivesExitTwoAndFileAndLine() throws Exception {
    Path folder = recordRun();
    Path transcript = folder.resolve("transcripts/board-8.txt");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(transcript));
    lines.set(5, lines.get(5) + " zz");
    Files.write(transcript, lines);
    CliRun r = run("replay", transcript.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().strip().matches("error: transcript .*board-8.txt line 6: byte \\d+ 'zz' is not two hex digits"),
        r.err());
  }
}
