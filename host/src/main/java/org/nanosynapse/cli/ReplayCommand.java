package org.nanosynapse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nanosynapse.board.BoardAddresses;
import org.nanosynapse.link.Frame;
import org.nanosynapse.link.FrameLink;
import org.nanosynapse.link.MessageFields;
import org.nanosynapse.link.MessageType;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.records.ReplayScript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nanosynapse replay}: reads recorded serial transcripts, prints what was exchanged, and with
 * {@code --against} re-sends the recorded requests to a board and compares its answers with the
 * recorded ones. The other direction (a transcript acting as a fake board for host code) is the
 * {@code replay:FILE} board address.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay serial transcripts (a run folder's transcripts/*.txt, or single files).",
      "Without --against: check and print the recorded exchanges. With --against ADDRESS: send the recorded "
          + "requests to that board (virtual:N, a port, a pty) and compare every answer with the recorded one; "
          + "exit 1 on any difference.",
      "Any command taking a board address also takes replay:FILE, a transcript acting as a fake board."
    })
public final class ReplayCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Transcript files or run folders.")
  List<Path> sources;

  @Option(names = "--against", paramLabel = "ADDRESS",
      description = "Board to send the recorded requests to, e.g. virtual:1, /dev/ttyUSB0, /tmp/ns/board0.")
  String against;

  @Option(names = "--strict",
      description = "Also compare elapsed_us, COUNTERS answers and board ids (which differ between sessions).")
  boolean strict;

  @Option(names = "--quiet", description = "Print only the summary and differences.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = new ArrayList<>();
    for (Path s : sources) {
      files.addAll(transcriptsOf(s));
    }
    int differences = 0;
    for (Path file : files) {
      ReplayScript script = ReplayScript.read(file);
      out.println(file + ": board " + script.boardAddress() + ", " + script.exchanges().size() + " requests, "
          + script.exchanges().stream().mapToInt(ReplayScript.Exchange::retransmits).sum() + " retransmits, "
          + script.exchanges().stream().filter(e -> e.answer() != null && e.answer().isNack()).count() + " NACKs, "
          + script.exchanges().stream().filter(e -> e.answer() == null).count() + " unanswered, "
          + script.badFramesFromBoard() + " damaged frames from the board");
      if (against == null) {
        if (!quiet) {
          for (ReplayScript.Exchange e : script.exchanges()) {
            out.printf("  %9.6f s  line %-5d %s%n      -> %s%n", e.timeS(), e.lineNumber(),
                ReplayScript.describe(e.request(), false),
                e.answer() == null ? "(no answer)" : ReplayScript.describe(e.answer(), true));
          }
        }
        continue;
      }
      differences += replayAgainst(script, out);
    }
    out.flush();
    if (against != null) {
      out.println(differences == 0 ? "replay: every answer matched the recording"
          : "replay: " + differences + " answer(s) differ from the recording");
      out.flush();
    }
    return differences == 0 ? NanoSynapse.EXIT_OK : NanoSynapse.EXIT_FAILURE;
  }

  private int replayAgainst(ReplayScript script, PrintWriter out) {
    int differences = 0;
    try (SerialBoard board = BoardAddresses.connect(against)) {
      for (ReplayScript.Exchange e : script.exchanges()) {
        if (e.answer() == null) {
          continue;
        }
        MessageType type = MessageType.of(e.request().type());
        if (type == null) {
          continue;
        }
        Frame answer = board.link().exchange(new FrameLink.Request(type, e.request().payload(),
            type == MessageType.SAVE_EEPROM ? 1_600 : 3L * 1000));
        String difference = compare(type, e.answer(), answer);
        if (difference != null) {
          differences++;
          out.println("  line " + e.lineNumber() + " request " + (e.index() + 1) + " "
              + ReplayScript.describe(e.request(), false) + ": " + difference);
        } else if (!quiet) {
          out.println("  line " + e.lineNumber() + " " + type + ": same answer");
        }
      }
    }
    return differences;
  }

  private String compare(MessageType type, Frame recorded, Frame now) {
    if (recorded.type() != now.type()) {
      return "recorded " + ReplayScript.describe(recorded, true) + ", board answered " + ReplayScript.describe(now, true);
    }
    if (!strict && type == MessageType.COUNTERS) {
      return null;
    }
    Map<String, String> a;
    Map<String, String> b;
    try {
      a = MessageFields.decode(recorded.type(), true, recorded.payload());
      b = MessageFields.decode(now.type(), true, now.payload());
    } catch (IllegalArgumentException ex) {
      return java.util.Arrays.equals(recorded.payload(), now.payload()) ? null
          : "recorded payload differs from the board's: " + ex.getMessage();
    }
    if (!strict) {
      a.remove("elapsed_us");
      b.remove("elapsed_us");
      a.remove("board_id");
      b.remove("board_id");
    }
    if (a.equals(b)) {
      return null;
    }
    List<String> diffs = new ArrayList<>();
    for (String k : a.keySet()) {
      if (!a.get(k).equals(b.get(k))) {
        diffs.add(k + " recorded " + a.get(k) + ", now " + b.get(k));
      }
    }
    if (diffs.isEmpty()) {
      diffs.add("the board's answer has other fields: " + b.keySet());
    }
    return String.join("; ", diffs.subList(0, Math.min(6, diffs.size())));
  }

  private static List<Path> transcriptsOf(Path source) {
    if (!Files.exists(source)) {
      throw new BadInputException("replay: " + source + ": no such file or folder");
    }
    if (!Files.isDirectory(source)) {
      return List.of(source);
    }
    Path dir = Files.isDirectory(source.resolve("transcripts")) ? source.resolve("transcripts") : source;
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
      if (files.isEmpty()) {
        throw new BadInputException("replay: " + source + ": no transcripts (*.txt) in " + dir);
      }
      return files;
    } catch (IOException e) {
      throw new BadInputException("replay: " + source + ": cannot list: " + e.getMessage());
    }
  }
}
