package org.nanosynapse.network;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.io.AtomicFiles;
import org.nanosynapse.nn.Activation;

/**
 * Reads and writes topology files (JSON). Format, version 1:
 *
 * <pre>
 * {"format": "nanosynapse-topology", "version": 1,
 *  "layers": [{"inputs": 9, "neurons": 4, "activation": "sigmoid"}, ...],
 *  "boards": [{"board_id": 1, "port": "virtual:1", "layer": 0, "first_neuron": 0, "neurons": 2}, ...]}
 * </pre>
 *
 * Every error is one line: {@code FILE: FIELD: what is wrong} (or {@code FILE line L column C} for
 * malformed JSON), thrown as {@link IllegalArgumentException}.
 */
public final class TopologyFile {
  public static final String FORMAT = "nanosynapse-topology";
  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TopologyFile() {}

  public static Topology read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": topology file not found");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read topology file: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses topology JSON; {@code source} names the file in messages. */
  public static Topology parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " line " + at.getLineNr() + " column " + at.getColumnNr();
      throw new IllegalArgumentException(source + where + ": malformed JSON: " + e.getOriginalMessage());
    }
    try {
      return fromJson(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static Topology fromJson(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("top level: expected a JSON object");
    }
    String format = text(root, "format", "format");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format: expected \"" + FORMAT + "\", got \"" + format + "\"");
    }
    int version = integer(root, "version", "version");
    if (version != VERSION) {
      throw new IllegalArgumentException("version: this program reads version " + VERSION + ", got " + version);
    }
    JsonNode layersNode = array(root, "layers", "layers");
    List<LayerSpec> layers = new ArrayList<>();
    for (int i = 0; i < layersNode.size(); i++) {
      JsonNode n = layersNode.get(i);
      String at = "layers[" + i + "]";
      if (!n.isObject()) {
        throw new IllegalArgumentException(at + ": expected an object");
      }
      int inputs = integer(n, "inputs", at + ".inputs");
      int neurons = integer(n, "neurons", at + ".neurons");
      String act = text(n, "activation", at + ".activation");
      Activation activation;
      try {
        activation = Activation.parse(act);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "." + e.getMessage());
      }
      try {
        layers.add(new LayerSpec(inputs, neurons, activation));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "." + e.getMessage());
      }
    }
    JsonNode boardsNode = array(root, "boards", "boards");
    List<BoardSlot> boards = new ArrayList<>();
    for (int i = 0; i < boardsNode.size(); i++) {
      JsonNode n = boardsNode.get(i);
      String at = "boards[" + i + "]";
      if (!n.isObject()) {
        throw new IllegalArgumentException(at + ": expected an object");
      }
      int id = integer(n, "board_id", at + ".board_id");
      String port = text(n, "port", at + ".port");
      int layer = integer(n, "layer", at + ".layer");
      int first = integer(n, "first_neuron", at + ".first_neuron");
      int neurons = integer(n, "neurons", at + ".neurons");
      try {
        boards.add(new BoardSlot(id, port, layer, first, neurons));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "." + e.getMessage());
      }
    }
    return new Topology(layers, boards);
  }

  public static String toJson(Topology t) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ArrayNode layers = root.putArray("layers");
    for (LayerSpec l : t.layers()) {
      layers.addObject().put("inputs", l.inputs()).put("neurons", l.neurons()).put("activation", l.activation().label());
    }
    ArrayNode boards = root.putArray("boards");
    for (BoardSlot b : t.boards()) {
      boards.addObject().put("board_id", b.boardId()).put("port", b.port()).put("layer", b.layer())
          .put("first_neuron", b.firstNeuron()).put("neurons", b.neurons());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void write(Path file, Topology t) {
    AtomicFiles.writeString(file, toJson(t));
  }

  private static JsonNode field(JsonNode n, String name, String path) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(path + ": missing");
    }
    return v;
  }

  private static String text(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(path + ": expected a string, got " + v);
    }
    return v.asText();
  }

  private static int integer(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(path + ": expected an integer, got " + v);
    }
    return v.intValue();
  }

  private static JsonNode array(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isArray()) {
      throw new IllegalArgumentException(path + ": expected an array");
    }
    return v;
  }
}
