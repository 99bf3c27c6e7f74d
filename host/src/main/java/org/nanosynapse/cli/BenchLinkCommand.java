package org.nanosynapse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nanosynapse.board.BoardAddresses;
import org.nanosynapse.board.VirtualBoard;
import org.nanosynapse.board.VirtualBoardTransport;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.EmulatedBoards;
import org.nanosynapse.link.LinkOptions;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.link.ThrottledTransport;
import org.nanosynapse.link.UploadBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nanosynapse bench link}: weight upload throughput against the 115200-baud line rate. */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Weight upload throughput: code bytes (4 per synapse) staged and committed per second, as a fraction of the "
          + "line rate baud/10 bytes/s. Each upload is a board's largest configuration (4 x 16 inputs = 68 synapses).",
      "Targets: emulated (the real firmware in simavr, throttled to real time), virtual (the in-process board "
          + "behind a link paced to --baud), or a port or pty address."
    })
public final class BenchLinkCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--target", paramLabel = "emulated|virtual|ADDRESS", defaultValue = "emulated",
      description = "Board to measure (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(names = "--uploads", paramLabel = "N", defaultValue = "20",
      description = "Measured uploads (default: ${DEFAULT-VALUE}).")
  int uploads;

  @Option(names = "--baud", paramLabel = "B", defaultValue = "115200",
      description = "Line rate for the virtual target and the fraction reported (default: ${DEFAULT-VALUE}).")
  int baud;

  @Option(names = "--window", paramLabel = "W", split = ",", defaultValue = "1,2,3",
      description = "WRITE_STAGE frames in flight, 1 = stop-and-wait (default: ${DEFAULT-VALUE}).")
  List<Integer> windows;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format.")
  String format;

  @Override
  public Integer call() {
    if (uploads < 1 || uploads > 10_000) {
      throw new BadInputException("--uploads: must be 1..10000, got " + uploads);
    }
    if (baud < 300 || baud > 2_000_000) {
      throw new BadInputException("--baud: must be 300..2000000, got " + baud);
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("--format: expected text or json, got '" + format + "'");
    }
    BoardConfig config = new BoardConfig(4, 16, 0, 8, 256);
    List<Map<String, Object>> rows = new ArrayList<>();
    EmulatedBoards sim = null;
    try {
      if (target.equals("emulated")) {
        Path root = Path.of(System.getProperty("nanosynapse.root", "."));
        String missing = EmulatedBoards.missing(root).orElse(null);
        if (missing != null) {
          throw new IllegalStateException("bench link --target emulated: " + missing);
        }
        sim = EmulatedBoards.start(root, 1, EmulatedBoards.Options.realTime());
      }
      for (int window : windows) {
        if (window < 1 || window > 8) {
          throw new BadInputException("--window: must be 1..8, got " + window);
        }
        try (SerialBoard board = open(sim, window)) {
          UploadBenchmark.Result r = UploadBenchmark.run(board, config, uploads, baud, 1);
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("target", target);
          row.put("window", window);
          row.put("synapsesPerUpload", r.synapsesPerUpload());
          row.put("uploads", r.uploads());
          row.put("usefulBytes", r.usefulBytes());
          row.put("seconds", r.seconds());
          row.put("usefulBytesPerS", r.usefulBytesPerS());
          row.put("lineRateBytesPerS", r.lineRateBytesPerS());
          row.put("fractionOfLineRate", r.fractionOfLineRate());
          row.put("framingCeiling", UploadBenchmark.framingCeiling(r.synapsesPerUpload()));
          row.put("protocolPayloadBytes", r.payloadBytes());
          row.put("protocolPayloadFractionOfLineRate", r.payloadFractionOfLineRate());
          // The harness paces the emulated UART at 10 bit times per byte at 115200 baud, like the USB bridge of
          // a real Nano (simavr 1.6 alone would take 11: firmware/sim/nanosynapse-sim.c, fix_uart_byte_time).
          row.put("retransmits", r.retransmits());
          row.put("verifiedByReadBack", r.verified());
          rows.add(row);
        }
      }
    } finally {
      if (sim != null) {
        sim.close();
      }
    }
    print(rows);
    return rows.stream().allMatch(r -> (Boolean) r.get("verifiedByReadBack")) ? NanoSynapse.EXIT_OK
        : NanoSynapse.EXIT_FAILURE;
  }

  private SerialBoard open(EmulatedBoards sim, int window) {
    if (sim != null) {
      return sim.connect(sim.ids().get(0), LinkOptions.emulated().withStageWindow(window));
    }
    if (target.equals("virtual")) {
      var t = new ThrottledTransport(new VirtualBoardTransport(new VirtualBoard(), "virtual (paced to " + baud + " baud)"),
          baud);
      return SerialBoard.connect(t, LinkOptions.emulated().withStageWindow(window));
    }
    BoardAddresses.Endpoint e = BoardAddresses.open(target);
    return SerialBoard.connect(e.transport(), e.options().withStageWindow(window));
  }

  private void print(List<Map<String, Object>> rows) {
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      try {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    } else {
      for (Map<String, Object> r : rows) {
        out.println(String.format(Locale.ROOT,
            "%s, window %d: %d uploads x %d synapses, %d code bytes in %.3f s = %.0f B/s = %.1f %% of %.0f B/s"
                + " (framing ceiling %.1f %%; all protocol payload %.1f %%), %d retransmits, read-back %s",
            r.get("target"), r.get("window"), r.get("uploads"), r.get("synapsesPerUpload"), r.get("usefulBytes"),
            r.get("seconds"), r.get("usefulBytesPerS"), 100 * (Double) r.get("fractionOfLineRate"),
            r.get("lineRateBytesPerS"), 100 * (Double) r.get("framingCeiling"),
            100 * (Double) r.get("protocolPayloadFractionOfLineRate"), r.get("retransmits"),
            (Boolean) r.get("verifiedByReadBack") ? "ok" : "MISMATCH"));
      }
    }
    out.flush();
  }
}
