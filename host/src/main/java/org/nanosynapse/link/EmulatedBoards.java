package org.nanosynapse.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs N emulated Nanos — the real firmware ELF in simavr, through the harness
 * {@code firmware/sim/nanosynapse-sim} — each on a pty in a temporary folder, and connects
 * {@link SerialBoard}s to them through jSerialComm like to real boards. Boards reset when their port
 * is opened (as a Nano does through DTR), run throttled to real time by default, and can be reset,
 * stopped (power off) and started (power on, EEPROM kept) one by one for fault tests.
 */
public final class EmulatedBoards implements AutoCloseable {
  private static final long START_TIMEOUT_MS = 15_000;
  private static final long COMMAND_TIMEOUT_MS = 5_000;

  private final Process process;
  private final Path dir;
  private final List<Integer> ids;
  private final List<Path> links;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> log = new ArrayList<>();
  private final Writer control;

  /** Start-up settings: speed 1 = real time (0 = unthrottled), harness board ids from {@code firstId}. */
  public record Options(double speed, boolean resetOnOpen, int firstId, List<String> extraArgs) {
    public static Options realTime() {
      return new Options(1.0, true, 1, List.of());
    }
  }

  private EmulatedBoards(Process process, Path dir, List<Integer> ids, List<Path> links) {
    this.process = process;
    this.dir = dir;
    this.ids = ids;
    this.links = links;
    this.control = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readOutput, "nanosynapse-sim output");
    reader.setDaemon(true);
    reader.start();
  }

  public static Path harness(Path root) {
    return root.resolve("firmware/sim/nanosynapse-sim");
  }

  public static Path firmwareElf(Path root) {
    return root.resolve("firmware/build/nanosynapse.elf");
  }

  /** Why emulated boards cannot run here (harness or firmware not built), or empty if they can. */
  public static Optional<String> missing(Path root) {
    if (!Files.isExecutable(harness(root))) {
      return Optional.of("the simavr harness " + harness(root) + " is not built (run: make -C firmware/sim)");
    }
    if (!Files.isReadable(firmwareElf(root))) {
      return Optional.of("the firmware " + firmwareElf(root) + " is not built (run: make -C firmware all)");
    }
    return Optional.empty();
  }

  /** Starts {@code count} boards and waits until the harness reports each READY. */
  public static EmulatedBoards start(Path root, int count, Options options) {
    if (count < 1 || count > 16) {
      throw new IllegalArgumentException("emulated boards: count must be 1..16, got " + count);
    }
    missing(root).ifPresent(reason -> {
      throw new IllegalStateException("cannot start emulated boards: " + reason);
    });
    Path dir;
    try {
      dir = Files.createTempDirectory("nanosynapse-sim-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for emulated board links: " + e.getMessage(), e);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(harness(root).toString());
    cmd.add("--elf");
    cmd.add(firmwareElf(root).toString());
    cmd.add("--speed");
    cmd.add(Double.toString(options.speed()));
    if (options.resetOnOpen()) {
      cmd.add("--reset-on-open");
    }
    cmd.add("--exit-on-stdin-eof");
    List<Integer> ids = new ArrayList<>();
    List<Path> links = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int id = options.firstId() + i;
      Path link = dir.resolve("board" + id);
      ids.add(id);
      links.add(link);
      cmd.add("--board");
      cmd.add("id=" + id + ",link=" + link);
    }
    cmd.addAll(options.extraArgs());
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + harness(root) + ": " + e.getMessage(), e);
    }
    EmulatedBoards boards = new EmulatedBoards(p, dir, List.copyOf(ids), List.copyOf(links));
    try {
      boards.await("RUNNING", START_TIMEOUT_MS);
    } catch (RuntimeException e) {
      boards.close();
      throw e;
    }
    return boards;
  }

  private void readOutput() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (log) {
          log.add(line);
        }
        lines.add(line);
      }
    } catch (IOException e) {
      // The harness ended; waiting callers see its exit.
    }
  }

  /** Waits for an output line starting with {@code prefix}; an ERR line or the harness's exit fails. */
  private String await(String prefix, long timeoutMs) {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        throw new IllegalStateException("emulated boards: expected '" + prefix + "' from nanosynapse-sim within "
            + timeoutMs + " ms; its output: " + tail());
      }
      String line;
      try {
        line = lines.poll(Math.min(left, 100), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for nanosynapse-sim");
      }
      if (line == null) {
        if (!process.isAlive() && lines.isEmpty()) {
          throw new IllegalStateException("emulated boards: nanosynapse-sim exited with code " + process.exitValue()
              + " before '" + prefix + "'; its output: " + tail());
        }
        continue;
      }
      if (line.startsWith(prefix)) {
        return line;
      }
      if (line.startsWith("ERR")) {
        throw new IllegalStateException("emulated boards: nanosynapse-sim: " + line);
      }
    }
  }

  private String tail() {
    synchronized (log) {
      return String.join(" | ", log.subList(Math.max(0, log.size() - 8), log.size()));
    }
  }

  private synchronized String command(String line, String expectPrefix) {
    try {
      control.write(line + "\n");
      control.flush();
    } catch (IOException e) {
      throw new IllegalStateException("emulated boards: cannot talk to nanosynapse-sim: " + e.getMessage(), e);
    }
    return await(expectPrefix, COMMAND_TIMEOUT_MS);
  }

  public int count() {
    return ids.size();
  }

  /** Harness ids of the boards, in order. */
  public List<Integer> ids() {
    return ids;
  }

  /** The pty link of the board with harness id {@code id}. */
  public Path link(int id) {
    int i = ids.indexOf(id);
    if (i < 0) {
      throw new IllegalArgumentException("emulated boards: no board with id " + id + " (ids " + ids + ")");
    }
    return links.get(i);
  }

  public List<Path> links() {
    return links;
  }

  /**
   * Connects to the board with harness id {@code id}; a blank board (EEPROM board id 0) is given
   * the harness id as its board id, so every emulated board identifies distinctly.
   */
  public SerialBoard connect(int id, LinkOptions options) {
    SerialBoard b = SerialBoard.connect(SerialPortTransport.open(link(id).toString(), SerialPortTransport.DEFAULT_BAUD),
        options);
    if (b.identify().boardId() == 0) {
      b.setBoardId(id);
    }
    return b;
  }

  /** Connects to every board, in order, with {@link LinkOptions#emulated()}. */
  public List<Board> connectAll() {
    List<Board> out = new ArrayList<>();
    try {
      for (int id : ids) {
        out.add(connect(id, LinkOptions.emulated()));
      }
    } catch (RuntimeException e) {
      out.forEach(Board::close);
      throw e;
    }
    return out;
  }

  /** Resets one board (as its reset button would): RAM lost, EEPROM kept. */
  public void reset(int id) {
    link(id);
    command("reset " + id, "OK reset board=" + id);
  }

  /** Cuts one board's power: it stops running and hears nothing. */
  public void stop(int id) {
    link(id);
    command("stop " + id, "OK stop board=" + id);
  }

  /** Powers one board on again: a cold start, EEPROM kept. */
  public void start(int id) {
    link(id);
    command("start " + id, "OK start board=" + id);
  }

  /** Puts one board's emulated memristor (on D5/D6/A0) at this resistance, Ω ({@code set-r}). */
  public void setMemristorResistance(int id, double resistanceOhm) {
    link(id);
    command("set-r " + id + " " + resistanceOhm, "OK set-r board=" + id);
  }

  /**
   * The harness's STATUS line of one board: run state, cycle, and its memristor's {@code r_ohm},
   * {@code adc_v}, {@code set_pulses}, {@code reset_pulses}, {@code short_pulses}.
   */
  public String status(int id) {
    link(id);
    return command("status " + id, "STATUS board=" + id + " ");
  }

  /** The harness's output so far (READY lines, STATUS, errors), for diagnostics. */
  public List<String> output() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        try {
          control.write("quit\n");
          control.flush();
          control.close();
        } catch (IOException e) {
          // Already gone.
        }
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
          process.destroy();
          if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A temporary folder left behind is harmless.
      }
    }
  }
}
