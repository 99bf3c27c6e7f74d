package org.nanosynapse.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.io.AtomicFiles;
import org.nanosynapse.link.Transport;

/**
 * One folder per experiment run, written as the run goes:
 *
 * <pre>
 *   &lt;runs&gt;/&lt;yyyyMMdd-HHmmss&gt;-&lt;kind&gt;/
 *     run.json              manifest: kind, start and end time, status, and whatever the run adds
 *                           (seeds, firmware and protocol versions, board ids, calibration used)
 *     config.json ...       whole files written atomically by {@link #writeJson}
 *     transcripts/&lt;board&gt;.txt serial transcript of each board (hex, time-stamped), appended live
 *     *.csv, *.jsonl         results appended and flushed record by record
 * </pre>
 *
 * A crash keeps everything recorded before it; {@code run.json} says "running" until {@link #finish}.
 */
public final class RunRecorder implements AutoCloseable {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter FOLDER_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path folder;
  private final ObjectNode manifest;
  private final List<AutoCloseable> open = new ArrayList<>();

  private RunRecorder(Path folder, String kind) {
    this.folder = folder;
    this.manifest = JSON.createObjectNode();
    manifest.put("kind", kind);
    manifest.put("startedUtc", Instant.now().toString());
    manifest.put("status", "running");
    String version = RunRecorder.class.getPackage().getImplementationVersion();
    manifest.put("nanosynapseVersion", version == null ? "dev" : version);
    manifest.put("javaVersion", System.getProperty("java.version"));
    writeManifest();
  }

  /** Creates a new run folder under {@code runsRoot}, named by UTC start time and {@code kind}. */
  public static RunRecorder create(Path runsRoot, String kind) {
    String safeKind = safeName(kind);
    String base = FOLDER_TIME.format(Instant.now()) + "-" + safeKind;
    try {
      Files.createDirectories(runsRoot);
      for (int n = 0; ; n++) {
        Path folder = runsRoot.resolve(n == 0 ? base : base + "-" + n);
        try {
          Files.createDirectory(folder);
          return new RunRecorder(folder, kind);
        } catch (FileAlreadyExistsException e) {
          // Two runs in the same second: take the next suffix.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create run folder under " + runsRoot + ": " + e.getMessage(), e);
    }
  }

  public Path folder() {
    return folder;
  }

  /** Sets a manifest field (seeds, versions, board ids, ...) and rewrites run.json atomically. */
  public synchronized void manifest(String field, Object value) {
    manifest.set(field, JSON.valueToTree(value));
    writeManifest();
  }

  /** Writes {@code value} as pretty JSON to {@code fileName} in the run folder, atomically. */
  public void writeJson(String fileName, Object value) {
    Path target = folder.resolve(fileName);
    AtomicFiles.write(target, out -> JSON.writeValue(nonClosing(out), value));
  }

  public void writeText(String fileName, String text) {
    AtomicFiles.writeString(folder.resolve(fileName), text);
  }

  /** A transcript for one board, {@code transcripts/<label>.txt}. */
  public synchronized TranscriptWriter transcript(String boardLabel, String address) {
    TranscriptWriter w =
        TranscriptWriter.create(folder.resolve("transcripts").resolve(safeName(boardLabel) + ".txt"), address);
    open.add(w);
    return w;
  }

  /** Wraps a board's transport so every byte it carries goes to {@code transcripts/<label>.txt}. */
  public Transport record(Transport transport, String boardLabel) {
    return new RecordingTransport(transport, transcript(boardLabel, transport.name()));
  }

  /** A CSV results file, header written now, rows appended and flushed one by one. */
  public synchronized AppendLog csv(String fileName, String... header) {
    AppendLog log = AppendLog.csv(folder.resolve(fileName), List.of(header));
    open.add(log);
    return log;
  }

  /** A JSON-lines results file, one record per line, appended and flushed one by one. */
  public synchronized AppendLog jsonLines(String fileName) {
    AppendLog log = AppendLog.jsonLines(folder.resolve(fileName));
    open.add(log);
    return log;
  }

  /** Marks the run finished ("ok", "failed: ...") in run.json. */
  public synchronized void finish(String status) {
    manifest.put("status", status);
    manifest.put("endedUtc", Instant.now().toString());
    writeManifest();
  }

  private void writeManifest() {
    AtomicFiles.write(folder.resolve("run.json"), out -> JSON.writeValue(nonClosing(out), manifest));
  }

  /** Closes the logs and transcripts; the manifest keeps its last status. */
  @Override
  public synchronized void close() {
    RuntimeException first = null;
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception e) {
        if (first == null) {
          first = e instanceof RuntimeException r ? r : new RuntimeException(e);
        }
      }
    }
    open.clear();
    if (first != null) {
      throw first;
    }
  }

  static String safeName(String s) {
    String cleaned = s.replaceAll("[^A-Za-z0-9._-]+", "_");
    return cleaned.isEmpty() ? "_" : cleaned;
  }

  private static java.io.OutputStream nonClosing(java.io.OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
