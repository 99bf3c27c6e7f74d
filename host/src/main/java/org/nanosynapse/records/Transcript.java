package org.nanosynapse.records;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** A serial transcript read back: the board's address and every chunk of bytes in order. */
public record Transcript(String boardAddress, List<Chunk> chunks) {

  /** Direction of a chunk: TX host → board, RX board → host. */
  public enum Direction {
    TX,
    RX
  }

  /** Bytes that crossed the link at {@code timeS} seconds after the transcript started. */
  public record Chunk(double timeS, Direction direction, byte[] bytes, int lineNumber) {}

  /** All bytes of one direction, concatenated in order. */
  public byte[] stream(Direction direction) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Chunk c : chunks) {
      if (c.direction() == direction) {
        out.write(c.bytes(), 0, c.bytes().length);
      }
    }
    return out.toByteArray();
  }
}
