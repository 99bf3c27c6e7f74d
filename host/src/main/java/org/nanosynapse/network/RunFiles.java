package org.nanosynapse.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.link.PulseCommand;
import org.nanosynapse.link.SynapseState;
import org.nanosynapse.nn.Activation;
import org.nanosynapse.nn.FixedPointNetwork;
import org.nanosynapse.nn.Mlp;

/**
 * The files a network run folder holds besides those of {@code RunRecorder}, and their readers:
 *
 * <pre>
 *   topology.json     the topology used ({@link TopologyFile})
 *   model.json        the float model deployed: sizes, activations, weights [layer][neuron][input], bias last
 *   deployment.json   encoding (F, k, G_lsb, γ, base code), mode, and per board the codes and weights read back;
 *                     host_model: the int16 weights the host predicts with
 *   pulses.csv        write-and-verify / on-hardware pulse commands with measured and simulated codes
 *   patterns.csv      one line per test pattern, appended as the run goes
 *   counters.json     board counters before and after the run
 * </pre>
 */
public final class RunFiles {
  public static final String PATTERNS_HEADER_FIELDS =
      "index,label,board_class,board_us,host_ns,retries,inputs_raw,outputs_raw,inputs";
  static final ObjectMapper JSON = new ObjectMapper();

  private RunFiles() {}

  public static Object[] patternRow(PatternResult p, double[] inputs) {
    return new Object[] {
      p.index(), p.label(), p.boardClass(), p.boardMicros(), p.hostNanos(), p.retries(), joined(p.inputsRaw()),
      joined(p.outputsRaw()), joined(inputs)
    };
  }

  public static String[] patternHeader() {
    return PATTERNS_HEADER_FIELDS.split(",");
  }

  public static String[] pulseHeader() {
    return new String[] {
      "step", "board_id", "synapse", "device", "polarity", "amplitude_index", "count", "measured_plus",
      "measured_minus", "measured_weight_raw", "simulated_plus", "simulated_minus", "target_weight_raw"
    };
  }

  public static Object[] pulseRow(PulseStep s) {
    PulseCommand c = s.command();
    return new Object[] {
      s.step(), s.boardId(), c.synapseIndex(), c.device().name(), c.polarity().name(), c.amplitudeIndex(),
      c.count(), s.measuredPlusCode(), s.measuredMinusCode(), s.measuredWeightRaw(), s.simulatedPlusCode(),
      s.simulatedMinusCode(), s.targetWeightRaw()
    };
  }

  // ---- model.json ----

  public static ObjectNode modelJson(Mlp mlp) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "nanosynapse-mlp-weights");
    root.put("version", 1);
    root.set("sizes", JSON.valueToTree(mlp.sizes()));
    ArrayNode acts = root.putArray("activations");
    for (Activation a : mlp.activations()) {
      acts.add(a.label());
    }
    root.set("weights", JSON.valueToTree(mlp.weights()));
    return root;
  }

  public static Mlp readModel(Path file) {
    JsonNode root = readJson(file);
    try {
      int[] sizes = JSON.treeToValue(need(root, "sizes", file), int[].class);
      JsonNode actsNode = need(root, "activations", file);
      Activation[] acts = new Activation[actsNode.size()];
      for (int i = 0; i < acts.length; i++) {
        acts[i] = Activation.parse(actsNode.get(i).asText());
      }
      Mlp mlp = new Mlp(sizes, acts);
      double[][][] w = JSON.treeToValue(need(root, "weights", file), double[][][].class);
      double[][][] live = mlp.weights();
      if (w.length != live.length) {
        throw new IllegalArgumentException(file + ": weights: " + w.length + " layers, sizes say " + live.length);
      }
      for (int l = 0; l < w.length; l++) {
        if (w[l].length != live[l].length) {
          throw new IllegalArgumentException(file + ": weights[" + l + "]: wrong number of neurons");
        }
        for (int j = 0; j < w[l].length; j++) {
          if (w[l][j].length != live[l][j].length) {
            throw new IllegalArgumentException(file + ": weights[" + l + "][" + j + "]: wrong number of inputs");
          }
          System.arraycopy(w[l][j], 0, live[l][j], 0, w[l][j].length);
        }
      }
      return mlp;
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(file.toString())
          ? e : new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  // ---- deployment.json ----

  public static ObjectNode deploymentJson(DeploymentResult d, String parameterSet, String parameterSource) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "nanosynapse-deployment");
    root.put("version", 1);
    root.put("mode", d.mode().name().toLowerCase(java.util.Locale.ROOT));
    WeightEncoding e = d.plan().encoding();
    ObjectNode enc = root.putObject("encoding");
    enc.put("fractional_bits", e.fractionalBits()).put("weight_scale_k", e.weightScale())
        .put("conductance_lsb_s", e.conductanceLsbS()).put("gain", e.gain()).put("base_code", e.baseCode())
        .put("r0_ohm", e.r0Ohm()).put("r1_ohm", e.r1Ohm());
    root.put("parameter_set", parameterSet);
    root.put("parameter_source", parameterSource);
    root.put("max_weight_error_raw", d.maxWeightErrorRaw());
    root.put("pulses", d.pulseCount());
    root.put("duration_ms", d.durationMillis());
    ArrayNode boards = root.putArray("boards");
    for (var entry : d.readBack().entrySet()) {
      BoardSlot s = entry.getKey();
      ObjectNode b = boards.addObject();
      b.put("board_id", s.boardId()).put("port", s.port()).put("layer", s.layer())
          .put("first_neuron", s.firstNeuron()).put("neurons", s.neurons());
      ArrayNode codes = b.putArray("codes");
      ArrayNode weights = b.putArray("weights_raw");
      for (SynapseState st : entry.getValue()) {
        codes.addArray().add(st.codes().plusCode()).add(st.codes().minusCode());
        weights.add(st.weightRaw());
      }
    }
    ObjectNode host = root.putObject("host_model");
    host.put("fractional_bits", d.hostModel().fractionBits());
    ArrayNode layers = host.putArray("layers");
    for (FixedPointNetwork.Layer l : d.hostModel().layers()) {
      ObjectNode ln = layers.addObject();
      ln.put("activation_code", l.activationCode());
      ln.set("weights_raw", JSON.valueToTree(l.weights()));
    }
    return root;
  }

  /** The host's fixed-point model as recorded in deployment.json. */
  public static FixedPointNetwork readHostModel(Path deploymentJson) {
    JsonNode root = readJson(deploymentJson);
    JsonNode host = need(root, "host_model", deploymentJson);
    try {
      int f = need(host, "fractional_bits", deploymentJson).intValue();
      List<FixedPointNetwork.Layer> layers = new ArrayList<>();
      for (JsonNode ln : need(host, "layers", deploymentJson)) {
        short[][] w = JSON.treeToValue(need(ln, "weights_raw", deploymentJson), short[][].class);
        layers.add(new FixedPointNetwork.Layer(w, need(ln, "activation_code", deploymentJson).intValue()));
      }
      return new FixedPointNetwork(layers, f);
    } catch (IOException e) {
      throw new IllegalArgumentException(deploymentJson + ": host_model: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(deploymentJson + ": host_model: " + e.getMessage(), e);
    }
  }

  // ---- patterns.csv / pulses.csv ----

  /** Patterns recorded by a run (a run that crashed gives the patterns recorded before it). */
  public static List<PatternResult> readPatterns(Path csv, List<double[]> inputsOut) {
    List<String> lines = readLines(csv);
    List<PatternResult> out = new ArrayList<>();
    if (lines.isEmpty() || !lines.get(0).equals(PATTERNS_HEADER_FIELDS)) {
      throw new IllegalArgumentException(csv + " line 1: expected header " + PATTERNS_HEADER_FIELDS);
    }
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 9) {
        throw new IllegalArgumentException(csv + " line " + (n + 1) + ": expected 9 fields, got " + f.length);
      }
      try {
        out.add(new PatternResult(
            Integer.parseInt(f[0]), Integer.parseInt(f[1]), shorts(f[6]), shorts(f[7]), Integer.parseInt(f[2]),
            Long.parseLong(f[3]), Long.parseLong(f[4]), Integer.parseInt(f[5])));
        inputsOut.add(doubles(f[8]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(csv + " line " + (n + 1) + ": not a number: " + e.getMessage());
      }
    }
    return out;
  }

  public static List<PulseStep> readPulses(Path csv) {
    List<PulseStep> out = new ArrayList<>();
    if (!Files.exists(csv)) {
      return out;
    }
    List<String> lines = readLines(csv);
    for (int n = 1; n < lines.size(); n++) {
      String[] f = lines.get(n).split(",", -1);
      if (f.length != 13) {
        throw new IllegalArgumentException(csv + " line " + (n + 1) + ": expected 13 fields, got " + f.length);
      }
      try {
        PulseCommand c = new PulseCommand(
            Integer.parseInt(f[2]), PulseCommand.PairDevice.valueOf(f[3]), Polarity.valueOf(f[4]),
            Integer.parseInt(f[5]), Integer.parseInt(f[6]));
        out.add(new PulseStep(
            Integer.parseInt(f[0]), Integer.parseInt(f[1]), c, Integer.parseInt(f[7]), Integer.parseInt(f[8]),
            Integer.parseInt(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]), Integer.parseInt(f[12])));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(csv + " line " + (n + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }

  static String joined(short[] v) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      s.append(i == 0 ? "" : ";").append(v[i]);
    }
    return s.toString();
  }

  static String joined(double[] v) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      s.append(i == 0 ? "" : ";").append(v[i]);
    }
    return s.toString();
  }

  private static short[] shorts(String s) {
    if (s.isEmpty()) {
      return new short[0];
    }
    String[] p = s.split(";");
    short[] v = new short[p.length];
    for (int i = 0; i < p.length; i++) {
      v[i] = Short.parseShort(p[i]);
    }
    return v;
  }

  private static double[] doubles(String s) {
    if (s.isEmpty()) {
      return new double[0];
    }
    String[] p = s.split(";");
    double[] v = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      v[i] = Double.parseDouble(p[i]);
    }
    return v;
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": not found");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      throw new IllegalArgumentException(
          file + (at == null ? "" : " line " + at.getLineNr() + " column " + at.getColumnNr()) + ": malformed JSON: "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": not found");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static JsonNode need(JsonNode n, String field, Path file) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(file + ": " + field + ": missing");
    }
    return v;
  }
}
