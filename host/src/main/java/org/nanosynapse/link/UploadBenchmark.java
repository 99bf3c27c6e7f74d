package org.nanosynapse.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Weight upload throughput: useful payload (the 4 code bytes of each synapse) delivered and
 * committed per second by {@link Board#writeSynapses}, against the UART line rate of baud/10 bytes
 * per second (8N1). Each upload is the full largest configuration of the board, staged and committed.
 * Also reported: the protocol payload (all WRITE_STAGE and COMMIT payload bytes, i.e. with the
 * chunks' offset and count and the COMMIT's count and CRC), a looser count.
 */
public final class UploadBenchmark {
  private UploadBenchmark() {}

  /** Result of one measurement. */
  public record Result(
      int synapsesPerUpload, int uploads, long usefulBytes, double seconds, double usefulBytesPerS,
      double lineRateBytesPerS, double fractionOfLineRate, long payloadBytes, double payloadFractionOfLineRate,
      long retransmits, boolean verified) {}

  /**
   * Configures {@code config} on the board, uploads random codes once unmeasured, then
   * {@code uploads} times measured, and verifies the last upload by read-back.
   */
  public static Result run(SerialBoard board, BoardConfig config, int uploads, int baud, long seed) {
    board.configure(config);
    Random random = new Random(seed);
    int n = config.synapseCount();
    board.writeSynapses(randomCodes(n, random));
    long retransmitsBefore = board.link().retransmits();
    List<SynapseCodes> last = null;
    long start = System.nanoTime();
    for (int u = 0; u < uploads; u++) {
      last = randomCodes(n, random);
      board.writeSynapses(last);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long retransmits = board.link().retransmits() - retransmitsBefore;
    List<SynapseCodes> back = board.readSynapses().stream().map(SynapseState::codes).toList();
    long useful = 4L * n * uploads;
    double rate = useful / seconds;
    double line = baud / 10.0;
    int chunk = board.stageChunk();
    int frames = (n + chunk - 1) / chunk;
    long payload = (long) uploads * (4L * n + 3L * frames + 4);
    return new Result(n, uploads, useful, seconds, rate, line, rate / line, payload, payload / seconds / line,
        retransmits, back.equals(last));
  }

  private static List<SynapseCodes> randomCodes(int n, Random random) {
    List<SynapseCodes> codes = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      codes.add(new SynapseCodes(random.nextInt(65536), random.nextInt(65536)));
    }
    return codes;
  }

  /**
   * The best a stop-free upload can do with this protocol: useful bytes over all bytes the host sends
   * (a 00, the WRITE_STAGE frames, the COMMIT frame), ignoring the last answers' turnaround.
   */
  public static double framingCeiling(int synapses) {
    int frames = (synapses + SerialBoard.STAGE_CHUNK - 1) / SerialBoard.STAGE_CHUNK;
    int wire = 1 + 4 * synapses + frames * (3 + Frame.OVERHEAD + 2) + (4 + Frame.OVERHEAD + 2);
    return 4.0 * synapses / wire;
  }
}
