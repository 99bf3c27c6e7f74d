package org.nanosynapse.records;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nanosynapse.link.Frame;
import org.nanosynapse.link.FrameReceiver;
import org.nanosynapse.link.MessageFields;
import org.nanosynapse.link.MessageType;

/**
 * A transcript cut into exchanges: each request the host sent (retransmissions of the same bytes
 * folded into one) with the first intact answer the board gave to it, if any. This is what
 * {@link ReplayTransport} plays back and what {@code nanosynapse replay} prints and re-sends.
 */
public record ReplayScript(Path file, String boardAddress, List<Exchange> exchanges, int badFramesFromBoard) {

  /** One request and its answer (null if the board never answered it intact). */
  public record Exchange(int index, int lineNumber, double timeS, Frame request, Frame answer, int retransmits) {

    /** True if {@code frame} asks the same as this exchange's request (sequence number aside). */
    public boolean sameRequest(Frame frame) {
      return frame.version() == request.version() && frame.type() == request.type()
          && Arrays.equals(frame.payload(), request.payload());
    }
  }

  public static ReplayScript read(Path file) {
    return of(file, TranscriptReader.read(file));
  }

  public static ReplayScript of(Path file, Transcript transcript) {
    List<Exchange> exchanges = new ArrayList<>();
    int[] line = new int[1];
    double[] time = new double[1];
    int[] badFromBoard = new int[1];
    List<Object[]> pending = new ArrayList<>(); // [request Frame, wire, line, time, retransmits, answer]
    FrameReceiver hostFrames = new FrameReceiver((decoded, wire) -> {
      if (!decoded.ok()) {
        return;
      }
      Object[] last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
      if (last != null && ((Frame) last[0]).equals(decoded.frame())) {
        last[4] = (int) last[4] + 1;
        return;
      }
      pending.add(new Object[] {decoded.frame(), wire, line[0], time[0], 0, null});
    });
    FrameReceiver boardFrames = new FrameReceiver((decoded, wire) -> {
      if (!decoded.ok()) {
        badFromBoard[0]++;
        return;
      }
      for (int i = pending.size() - 1; i >= 0; i--) {
        Object[] p = pending.get(i);
        Frame req = (Frame) p[0];
        Frame ans = decoded.frame();
        if (p[5] == null && req.seq() == ans.seq() && (ans.isNack() || ans.isAckOf(req.type()))) {
          p[5] = ans;
          return;
        }
      }
    });
    for (Transcript.Chunk c : transcript.chunks()) {
      line[0] = c.lineNumber();
      time[0] = c.timeS();
      (c.direction() == Transcript.Direction.TX ? hostFrames : boardFrames).accept(c.bytes(), 0, c.bytes().length);
    }
    for (int i = 0; i < pending.size(); i++) {
      Object[] p = pending.get(i);
      exchanges.add(new Exchange(i, (int) p[2], (double) p[3], (Frame) p[0], (Frame) p[5], (int) p[4]));
    }
    return new ReplayScript(file, transcript.boardAddress(), List.copyOf(exchanges), badFromBoard[0]);
  }

  /** "CONFIGURE n_neurons=2 n_inputs=3 ..." for messages: a frame's type and fields, shortened. */
  public static String describe(Frame frame, boolean fromBoard) {
    String name = MessageType.nameOf(frame.type());
    try {
      Map<String, String> fields = MessageFields.decode(frame.type(), fromBoard, frame.payload());
      StringBuilder sb = new StringBuilder(name);
      int shown = 0;
      for (var e : fields.entrySet()) {
        if (shown++ == 8) {
          sb.append(" ... (").append(fields.size() - 8).append(" more)");
          break;
        }
        sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
      }
      return sb.toString();
    } catch (IllegalArgumentException e) {
      return name + " payload=" + java.util.HexFormat.of().formatHex(frame.payload());
    }
  }
}
