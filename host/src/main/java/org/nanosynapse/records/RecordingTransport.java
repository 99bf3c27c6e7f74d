package org.nanosynapse.records;

import org.nanosynapse.link.Transport;

/** Wraps a transport and writes every byte that crosses it to a transcript as it happens. */
public final class RecordingTransport implements Transport {
  private final Transport inner;
  private final TranscriptWriter transcript;

  public RecordingTransport(Transport inner, TranscriptWriter transcript) {
    this.inner = inner;
    this.transcript = transcript;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    transcript.tx(bytes, offset, length);
    inner.write(bytes, offset, length);
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    int n = inner.read(buffer, offset, length, timeoutMillis);
    transcript.rx(buffer, offset, n);
    return n;
  }

  @Override
  public void discardInput() {
    inner.discardInput();
  }

  @Override
  public void reopen() {
    transcript.note("reopen " + inner.name());
    inner.reopen();
  }

  @Override
  public java.util.List<String> relocationCandidates() {
    return inner.relocationCandidates();
  }

  @Override
  public void moveTo(String path) {
    transcript.note("move " + inner.name() + " -> " + path);
    inner.moveTo(path);
  }

  @Override
  public void close() {
    try {
      inner.close();
    } finally {
      transcript.close();
    }
  }
}
