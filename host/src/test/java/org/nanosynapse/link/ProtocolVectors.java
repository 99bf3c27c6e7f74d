package org.nanosynapse.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reader of test-fixtures/protocol-vectors.txt (format: PROTOCOL.md §Test vectors). */
final class ProtocolVectors {
  record Vector(
      int line, boolean hostToBoard, String name, byte[] wire, String decode, Map<String, String> fields,
      String reply) {}

  static Path file() {
    String root = System.getProperty("nanosynapse.root", ".");
    return Path.of(root, "test-fixtures", "protocol-vectors.txt");
  }

  static List<Vector> read() {
    List<Vector> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split(" \\| ", -1);
      if (f.length != 6) {
        throw new IllegalStateException("vector line " + (i + 1) + ": expected 6 fields, got " + f.length);
      }
      Map<String, String> fields = null;
      if (!f[4].trim().equals("-")) {
        fields = new LinkedHashMap<>();
        for (String kv : f[4].trim().split(" ")) {
          int eq = kv.indexOf('=');
          fields.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      out.add(new Vector(i + 1, f[0].trim().equals("H2B"), f[1].trim(),
          HexFormat.of().parseHex(f[2].trim()), f[3].trim(), fields, f[5].trim()));
    }
    return out;
  }
}
