package org.nanosynapse.link;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Request–response exchange of frames over a transport: sequence numbers, timeouts and bounded
 * retransmits of byte-identical frames (so the board's duplicate suppression answers from its cache),
 * a 00 before the first frame and after every timeout, and an optional window of several requests
 * in flight for idempotent requests. Throws {@link LinkDeadException} when a request stays
 * unanswered through every retransmit.
 */
public final class FrameLink {
  /** One request to send. {@code extraTimeoutMs} is the time the operation itself takes. */
  public record Request(MessageType type, byte[] payload, long extraTimeoutMs) {
    public Request(MessageType type, byte[] payload) {
      this(type, payload, 0);
    }
  }

  private final Transport transport;
  private final LinkOptions options;
  private int nextSeq;
  private boolean needSync = true;
  private final ArrayDeque<Frame> inbox = new ArrayDeque<>();
  private final FrameReceiver receiver;
  private final byte[] readBuffer = new byte[512];
  private long requestsSent;
  private long retransmits;
  private long badFramesReceived;
  private long staleFramesReceived;
  private long lastHeardNanos = System.nanoTime();

  public FrameLink(Transport transport, LinkOptions options, int initialSeq) {
    this.transport = transport;
    this.options = options;
    this.nextSeq = initialSeq & 0xFF;
    this.receiver =
        new FrameReceiver(
            (decoded, wire) -> {
              if (decoded.ok()) {
                inbox.add(decoded.frame());
              } else {
                badFramesReceived++;
              }
            });
  }

  public FrameLink(Transport transport, LinkOptions options) {
    this(transport, options, new Random().nextInt(256));
  }

  public Transport transport() {
    return transport;
  }

  public LinkOptions options() {
    return options;
  }

  /** Forget partial input and send a 00 before the next frame (after a reconnect). */
  public void resync() {
    receiver.reset();
    inbox.clear();
    needSync = true;
  }

  /** Sends one request and returns its answer (an ACK or a NACK frame). */
  public Frame exchange(Request request) {
    return exchange(List.of(request), 1).get(0);
  }

  /**
   * Sends the requests in order, keeping up to {@code window} unanswered, and returns their answers
   * in the same order. Only for requests that are harmless to execute twice when window > 1 (an
   * unanswered request is retransmitted together with those sent after it).
   */
  public List<Frame> exchange(List<Request> requests, int window) {
    int n = requests.size();
    byte[][] wires = new byte[n][];
    int[] seqs = new int[n];
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      seqs[i] = nextSeq;
      nextSeq = (nextSeq + 1) & 0xFF;
      types[i] = requests.get(i).type().code;
      wires[i] = FrameCodec.encode(new Frame(seqs[i], types[i], requests.get(i).payload()));
    }
    Frame[] answers = new Frame[n];
    long[] deadline = new long[n];
    int[] tries = new int[n];
    int base = 0;
    int next = 0;
    while (base < n) {
      while (next < n && next - base < window) {
        send(wires[next]);
        deadline[next] = deadlineFor(requests.get(next));
        next++;
      }
      long waitMs = Math.max(0, (deadline[base] - System.nanoTime()) / 1_000_000L);
      int got = transport.read(readBuffer, 0, readBuffer.length, waitMs);
      if (got > 0) {
        lastHeardNanos = System.nanoTime();
        long badBefore = badFramesReceived;
        receiver.accept(readBuffer, 0, got);
        while (!inbox.isEmpty()) {
          Frame f = inbox.poll();
          int i = indexOf(f, seqs, types, answers, base, next);
          if (i < 0) {
            staleFramesReceived++;
          } else {
            answers[i] = f;
          }
        }
        while (base < n && answers[base] != null) {
          base++;
        }
        // In stop-and-wait a damaged answer means the board is done: retransmit at once.
        boolean damaged = badFramesReceived > badBefore && window == 1 && base < n && base < next;
        if (!damaged) {
          continue;
        }
      } else if (System.nanoTime() < deadline[base]) {
        continue;
      }
      if (base >= n) {
        break;
      }
      tries[base]++;
      if (tries[base] > options.maxRetransmits()) {
        throw new LinkDeadException(
            requests.get(base).type() + ": expected an answer within "
                + (options.responseTimeoutMs() + requests.get(base).extraTimeoutMs()) + " ms, got none after "
                + tries[base] + " tries (board silent for " + silentMs() + " ms)",
            null);
      }
      needSync = true;
      for (int i = base; i < next; i++) {
        if (answers[i] == null) {
          send(wires[i]);
          retransmits++;
          requestsSent--;
          deadline[i] = deadlineFor(requests.get(i));
        }
      }
    }
    return List.of(answers);
  }

  private static int indexOf(Frame f, int[] seqs, int[] types, Frame[] answers, int from, int to) {
    for (int i = from; i < to; i++) {
      if (answers[i] == null && seqs[i] == f.seq() && (f.isNack() || f.isAckOf(types[i]))) {
        return i;
      }
    }
    return -1;
  }

  private long deadlineFor(Request r) {
    return System.nanoTime() + (options.responseTimeoutMs() + r.extraTimeoutMs()) * 1_000_000L;
  }

  private void send(byte[] wire) {
    if (needSync) {
      byte[] withSync = new byte[wire.length + 1];
      System.arraycopy(wire, 0, withSync, 1, wire.length);
      transport.write(withSync);
      needSync = false;
    } else {
      transport.write(wire);
    }
    requestsSent++;
  }

  /** Milliseconds since the board last sent anything. */
  public long silentMs() {
    return (System.nanoTime() - lastHeardNanos) / 1_000_000L;
  }

  public long requestsSent() {
    return requestsSent;
  }

  public long retransmits() {
    return retransmits;
  }

  public long badFramesReceived() {
    return badFramesReceived;
  }

  public long staleFramesReceived() {
    return staleFramesReceived;
  }

  /** Snapshot of this link's statistics, for run records. */
  public List<String> statistics() {
    List<String> s = new ArrayList<>();
    s.add("requests=" + requestsSent);
    s.add("retransmits=" + retransmits);
    s.add("badFramesReceived=" + badFramesReceived);
    s.add("staleFramesReceived=" + staleFramesReceived);
    return s;
  }
}
