package org.nanosynapse.records;

import java.util.ArrayDeque;
import org.nanosynapse.link.BoardException;
import org.nanosynapse.link.Frame;
import org.nanosynapse.link.FrameCodec;
import org.nanosynapse.link.FrameReceiver;
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
    if (lastRequest != null && lastRequest.equals(request)) {
      queue(lastAnswer);
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
    lastRequest = request;
    if (e.answer() == null) {
      lastAnswer = null;
      return;
    }
    Frame a = e.answer();
    lastAnswer = FrameCodec.encode(new Frame(a.version(), request.seq(), a.type(), a.payload()));
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
