package org.nanosynapse.records;

import java.util.ArrayDeque;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.Frame;
import org.nanosynapse.link.FrameCodec;
import org.nanosynapse.link.FrameReceiver;
import org.nanosynapse.link.MessageType;
import org.nanosynapse.link.Transport;

/**
 * A fake board that plays a recorded transcript back: each request the host sends must ask what the
 * recorded host asked next (sequence numbers aside); it is answered with what the recorded board
 * answered, re-stamped with the new sequence number. A retransmitted request gets the same answer
 * again. A request that differs from the recording, or one past its end, is a {@link
 * BoardException} naming the transcript line — so a bench session becomes a regression test of the
 * host code that drove it.
 */
public final class ReplayTransport implements Transport {
  private final ReplayScript script;
  private final ArrayDeque<Byte> toHost = new ArrayDeque<>();
  private final FrameReceiver receiver;
  private int next;
  private Frame lastRequest;
  private byte[] lastAnswer;
  private BoardException failure;
  private long localFramesGood;
  private Frame lastCounters;
  private boolean open = true;

  public ReplayTransport(ReplayScript script) {
    this.script = script;
    this.receiver = new FrameReceiver((decoded, wire) -> {
      if (decoded.ok()) {
        answer(decoded.frame());
      }
    });
  }

  @Override
  public String name() {
    return "replay:" + script.file();
  }

  /** Requests of the transcript not yet replayed. */
  public int remaining() {
    return script.exchanges().size() - next;
  }

  private void answer(Frame request) {
    localFramesGood++;
    if (lastRequest != null && lastRequest.equals(request)) {
      queue(lastAnswer);
      return;
    }
    boolean counters = request.type() == MessageType.COUNTERS.code;
    // COUNTERS with clear=0 only looks: the recorded host may have asked it more or less often
    // (link checks after retransmits), so such requests are matched loosely.
    while (!counters && next < script.exchanges().size() && isCounterLook(script.exchanges().get(next).request())) {
      next++;
    }
    if (counters && isCounterLook(request)
        && (next >= script.exchanges().size() || !script.exchanges().get(next).sameRequest(request))) {
      answerWith(request, lastCounters != null ? lastCounters
          : new Frame(request.seq(), MessageType.COUNTERS.code | Frame.ACK_BIT, new byte[28]));
      return;
    }
    if (next >= script.exchanges().size()) {
      failure = new BoardException("replay " + script.file() + ": the host sent "
          + ReplayScript.describe(request, false) + " after the end of the transcript ("
          + script.exchanges().size() + " requests)");
      throw failure;
    }
    ReplayScript.Exchange e = script.exchanges().get(next);
    if (!e.sameRequest(request)) {
      failure = new BoardException("replay " + script.file() + " line " + e.lineNumber() + ": request "
          + (e.index() + 1) + " differs: the host sent " + ReplayScript.describe(request, false)
          + ", the transcript has " + ReplayScript.describe(e.request(), false));
      throw failure;
    }
    next++;
    if (e.answer() == null) {
      lastRequest = request;
      lastAnswer = null;
      return;
    }
    if (counters && e.answer().isAckOf(request.type())) {
      lastCounters = e.answer();
    }
    answerWith(request, e.answer());
  }

  private static boolean isCounterLook(Frame f) {
    byte[] p = f.payload();
    return f.type() == MessageType.COUNTERS.code && p.length == 1 && p[0] == 0;
  }

  /** Re-stamps a recorded answer with the request's seq; COUNTERS' frames_good kept monotonic. */
  private void answerWith(Frame request, Frame recorded) {
    byte[] payload = recorded.payload();
    if (recorded.isAckOf(MessageType.COUNTERS.code) && payload.length >= 4) {
      long framesGood = Math.max(localFramesGood,
          (payload[0] & 0xFFL) | (payload[1] & 0xFFL) << 8 | (payload[2] & 0xFFL) << 16 | (payload[3] & 0xFFL) << 24);
      localFramesGood = framesGood;
      for (int i = 0; i < 4; i++) {
        payload[i] = (byte) (framesGood >>> (8 * i));
      }
    }
    lastRequest = request;
    lastAnswer = FrameCodec.encode(new Frame(recorded.version(), request.seq(), recorded.type(), payload));
    queue(lastAnswer);
  }

  private void queue(byte[] wire) {
    if (wire != null) {
      for (byte b : wire) {
        toHost.add(b);
      }
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    if (failure != null) {
      throw failure;
    }
    receiver.accept(bytes, offset, length);
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    if (!open) {
      throw new org.nanosynapse.link.TransportException(name() + ": closed");
    }
    int n = 0;
    while (n < length && !toHost.isEmpty()) {
      buffer[offset + n++] = toHost.poll();
    }
    if (n == 0 && timeoutMillis > 0) {
      try {
        wait(Math.min(timeoutMillis, 5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return n;
  }

  @Override
  public synchronized void discardInput() {
    toHost.clear();
  }

  @Override
  public synchronized void reopen() {
    toHost.clear();
    receiver.reset();
  }

  @Override
  public synchronized void close() {
    open = false;
  }
}
