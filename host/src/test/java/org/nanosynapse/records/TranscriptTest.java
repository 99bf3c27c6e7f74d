package org.nanosynapse.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptTest {
  @TempDir Path dir;

  @Test
  void writtenTranscriptReadsBackByteForByte() throws Exception {
    Path file = dir.resolve("b.txt");
    try (TranscriptWriter w = TranscriptWriter.create(file, "/dev/ttyUSB0")) {
      w.tx(new byte[] {0, 1, (byte) 0xFF, 0x7e}, 0, 4);
      w.note("reopen");
      w.rx(new byte[] {9, 8, 7}, 1, 2);
      w.tx(new byte[0], 0, 0);
    }
    Transcript t = TranscriptReader.read(file);
    assertEquals("/dev/ttyUSB0", t.boardAddress());
    assertEquals(2, t.chunks().size());
    assertArrayEquals(new byte[] {0, 1, (byte) 0xFF, 0x7e}, t.stream(Transcript.Direction.TX));
    assertArrayEquals(new byte[] {8, 7}, t.stream(Transcript.Direction.RX));
    assertTrue(t.chunks().get(1).timeS() >= t.chunks().get(0).timeS());
  }

  @Test
  void everyLineIsOnDiskBeforeClose() throws Exception {
    Path file = dir.resolve("live.txt");
    TranscriptWriter w = TranscriptWriter.create(file, "x");
    w.tx(new byte[] {1, 2}, 0, 2);
    // Not closed: a crash now must still leave the line recorded.
    assertArrayEquals(new byte[] {1, 2}, TranscriptReader.read(file).stream(Transcript.Direction.TX));
    w.close();
  }

  @Test
  void damagedTranscriptsGetOneLineErrorsNamingFileAndLine() throws Exception {
    String head = TranscriptWriter.MAGIC + "\n# board: x\n";
    assertError(head + "0.1 TX 00 1g\n", "line 3: byte 2 '1g' is not two hex digits");
    assertError(head + "0.1 XX 00\n", "line 3: direction 'XX' must be TX or RX");
    assertError(head + "abc TX 00\n", "line 3: time 'abc' is not a number");
    assertError(head + "0.2 TX 00\n0.1 RX 01\n", "line 4: time 0.1 goes back");
    assertError(head + "0.2 TX\n", "line 3: expected '<seconds> <TX|RX> <hex bytes>'");
    assertError("hello\n", "line 1: not a transcript");
    assertError("", "empty file");
    Path binary = dir.resolve("bin.txt");
    Files.write(binary, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TranscriptReader.read(binary));
    assertTrue(e.getMessage().contains(binary.toString()), e.getMessage());
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> TranscriptReader.read(dir.resolve("none.txt")));
    assertTrue(missing.getMessage().endsWith("no such file"), missing.getMessage());
  }

  private void assertError(String content, String expected) throws Exception {
    Path file = Files.createTempFile(dir, "t", ".txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TranscriptReader.read(file));
    assertTrue(e.getMessage().startsWith("transcript " + file), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(List.of(e.getMessage()), e.getMessage().lines().toList());
  }
}
