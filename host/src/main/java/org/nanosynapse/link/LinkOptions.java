package org.nanosynapse.link;

/**
 * Timing and retry settings of a board link. Presets: {@link #realBoard()} for a Nano on USB (it
 * resets when the port opens and its bootloader runs ~2 s), {@link #emulated()} for the real firmware
 * in simavr behind a pty, {@link #inProcess()} for the virtual board.
 *
 * @param responseTimeoutMs wait for an answer before retransmitting, on top of the operation's time
 * @param maxRetransmits retransmits of one request before the link counts as dead
 * @param settleAfterOpenMs wait after opening the port before the first IDENTIFY (auto-reset, bootloader)
 * @param handshakeTimeoutMs how long IDENTIFY is retried after opening until the board answers
 * @param reconnectTimeoutMs how long a lost board is waited for (re-open, handshake) before giving up
 * @param stageWindow WRITE_STAGE frames sent ahead of their ACKs (1 = strict stop-and-wait)
 * @param idleCheckMs after this much silence the next call first checks the board did not reset
 */
public record LinkOptions(
    long responseTimeoutMs,
    int maxRetransmits,
    long settleAfterOpenMs,
    long handshakeTimeoutMs,
    long reconnectTimeoutMs,
    int stageWindow,
    long idleCheckMs) {

  public LinkOptions {
    if (responseTimeoutMs <= 0 || maxRetransmits < 0 || settleAfterOpenMs < 0 || handshakeTimeoutMs <= 0
        || reconnectTimeoutMs < 0 || stageWindow < 1 || stageWindow > 8 || idleCheckMs < 0) {
      throw new IllegalArgumentException("link options out of range: " + this);
    }
  }

  public static LinkOptions realBoard() {
    return new LinkOptions(200, 5, 2_000, 8_000, 15_000, 3, 5_000);
  }

  public static LinkOptions emulated() {
    return new LinkOptions(200, 5, 0, 8_000, 15_000, 3, 5_000);
  }

  public static LinkOptions inProcess() {
    return new LinkOptions(50, 5, 0, 1_000, 1_000, 2, 0);
  }

  public LinkOptions withMaxRetransmits(int n) {
    return new LinkOptions(responseTimeoutMs, n, settleAfterOpenMs, handshakeTimeoutMs, reconnectTimeoutMs,
        stageWindow, idleCheckMs);
  }

  public LinkOptions withResponseTimeoutMs(long ms) {
    return new LinkOptions(ms, maxRetransmits, settleAfterOpenMs, handshakeTimeoutMs, reconnectTimeoutMs,
        stageWindow, idleCheckMs);
  }

  public LinkOptions withStageWindow(int window) {
    return new LinkOptions(responseTimeoutMs, maxRetransmits, settleAfterOpenMs, handshakeTimeoutMs,
        reconnectTimeoutMs, window, idleCheckMs);
  }

  public LinkOptions withReconnectTimeoutMs(long ms) {
    return new LinkOptions(responseTimeoutMs, maxRetransmits, settleAfterOpenMs, handshakeTimeoutMs, ms,
        stageWindow, idleCheckMs);
  }
}
