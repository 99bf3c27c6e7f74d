package org.nanosynapse.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanosynapse.dataset.LineClass;
import org.nanosynapse.dataset.LineTask;
import org.nanosynapse.io.AtomicFiles;
import org.nanosynapse.nn.Activation;
import org.nanosynapse.nn.Mlp;

/**
 * A trained model as versioned JSON ({@value #FORMAT}): the network (layer sizes, activations,
 * weights [layer][output][input], bias last), the task it was trained for, how it was trained, its
 * metrics, and for memristive modes the device pairs (gain, parameter set, R⁺ and R⁻ of every synapse,
 * Ω) so deployment can program the same weights. Reading checks the format, the version and every
 * shape; errors name the file and field (and the line for JSON syntax errors).
 */
public final class ModelFile {
  public static final String FORMAT = "nanosynapse-model/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A model read back. */
  public record Saved(Mlp mlp, LineTask task, JsonNode training, JsonNode metrics, JsonNode devices) {}

  private ModelFile() {}

  public static String toJson(TrainingResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    Mlp m = r.model();
    ObjectNode net = root.putObject("network");
    ArrayNode sizes = net.putArray("layer_sizes");
    for (int s : m.sizes()) {
      sizes.add(s);
    }
    ArrayNode acts = net.putArray("activations");
    for (Activation a : m.activations()) {
      acts.add(a.label());
    }
    net.set("weights", JSON.valueToTree(m.weights()));
    LineTask t = r.config().task();
    ObjectNode task = root.putObject("task");
    task.put("rows", t.rows());
    task.put("cols", t.cols());
    ArrayNode classes = task.putArray("classes");
    t.classLabels().forEach(classes::add);
    task.put("flip_probability", t.flipProbability());
    task.put("analog_sigma", t.analogSigma());
    task.put("missing_probability", t.missingProbability());
    TrainingConfig c = r.config();
    ObjectNode tr = root.putObject("training");
    tr.put("mode", c.mode().label());
    tr.put("rule", c.synapses().rule().label());
    tr.put("seed", c.seed());
    tr.put("epochs_configured", c.epochs());
    tr.put("optimizer", c.optimizer().label());
    tr.put("learning_rate", c.learningRate());
    tr.put("loss", c.loss().label());
    tr.put("batch_size", c.batchSize());
    tr.put("train_size", c.trainSize());
    tr.put("test_size", c.testSize());
    tr.put("param_set", c.synapses().parameterSet());
    tr.put("variation_rel", c.synapses().variation());
    tr.put("pulse_noise_rel", c.synapses().pulseNoise());
    tr.put("read_noise_rel", c.synapses().readNoise());
    ObjectNode met = root.putObject("metrics");
    met.put("test_accuracy", r.testAccuracy());
    met.put("train_accuracy", r.trainAccuracy());
    met.put("epochs", r.epochs());
    met.put("pulses", r.pulses());
    met.put("energy_j", r.energyJ());
    met.put("write_time_s", r.writeTimeS());
    if (r.devices() != null) {
      DevicePairArray d = r.devices();
      ObjectNode dev = root.putObject("devices");
      dev.put("param_set", d.population().parameterSet().name());
      dev.put("gain", d.gain());
      dev.put("start_resistance_ohm", d.startResistanceOhm());
      dev.put("population_seed", d.population().seed());
      ArrayNode plus = dev.putArray("r_plus_ohm");
      ArrayNode minus = dev.putArray("r_minus_ohm");
      for (int s = 0; s < d.synapseCount(); s++) {
        plus.add(d.population().resistanceOhm(2 * s));
        minus.add(d.population().resistanceOhm(2 * s + 1));
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void write(TrainingResult r, Path file) {
    AtomicFiles.writeString(file, toJson(r));
  }

  public static Saved read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  public static Saved parse(String text, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new IllegalArgumentException(name + ":" + line + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw bad(name, "format", "not a model file");
    }
    String format = root.path("format").asText("");
    if (!format.equals(FORMAT)) {
      throw bad(name, "format", format.startsWith("nanosynapse-model/")
          ? "version " + format + " is not supported (this build reads " + FORMAT + ")"
          : "expected " + FORMAT + ", got '" + format + "'");
    }
    JsonNode net = root.path("network");
    JsonNode sizesNode = net.path("layer_sizes");
    if (!sizesNode.isArray() || sizesNode.size() < 2) {
      throw bad(name, "network.layer_sizes", "need at least an input and an output size");
    }
    int[] sizes = new int[sizesNode.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = sizesNode.get(i).asInt(-1);
    }
    JsonNode actsNode = net.path("activations");
    if (!actsNode.isArray() || actsNode.size() != sizes.length - 1) {
      throw bad(name, "network.activations", "need one per layer (" + (sizes.length - 1) + ")");
    }
    Activation[] acts = new Activation[actsNode.size()];
    for (int i = 0; i < acts.length; i++) {
      try {
        acts[i] = Activation.parse(actsNode.get(i).asText());
      } catch (IllegalArgumentException e) {
        throw bad(name, "network.activations[" + i + "]", e.getMessage());
      }
    }
    Mlp mlp;
    try {
      mlp = new Mlp(sizes, acts);
    } catch (IllegalArgumentException e) {
      throw bad(name, "network", e.getMessage());
    }
    JsonNode w = net.path("weights");
    if (!w.isArray() || w.size() != mlp.layerCount()) {
      throw bad(name, "network.weights", "need " + mlp.layerCount() + " layers");
    }
    for (int l = 0; l < mlp.layerCount(); l++) {
      double[][] layer = mlp.weights()[l];
      JsonNode wl = w.get(l);
      if (!wl.isArray() || wl.size() != layer.length) {
        throw bad(name, "network.weights[" + l + "]", "need " + layer.length + " rows");
      }
      for (int j = 0; j < layer.length; j++) {
        JsonNode row = wl.get(j);
        if (!row.isArray() || row.size() != layer[j].length) {
          throw bad(name, "network.weights[" + l + "][" + j + "]", "need " + layer[j].length + " numbers (inputs + bias)");
        }
        for (int i = 0; i < layer[j].length; i++) {
          if (!row.get(i).isNumber()) {
            throw bad(name, "network.weights[" + l + "][" + j + "][" + i + "]", "not a number");
          }
          layer[j][i] = row.get(i).asDouble();
        }
      }
    }
    JsonNode t = root.path("task");
    LineTask task;
    try {
      List<LineClass> classes = new ArrayList<>();
      for (JsonNode c : t.path("classes")) {
        classes.add(LineClass.parse(c.asText()));
      }
      task = new LineTask(t.path("rows").asInt(-1), t.path("cols").asInt(-1), classes,
          t.path("flip_probability").asDouble(0), t.path("analog_sigma").asDouble(0),
          t.path("missing_probability").asDouble(0));
    } catch (IllegalArgumentException e) {
      throw bad(name, "task", e.getMessage());
    }
    if (task.pixels() != sizes[0] || task.classCount() != sizes[sizes.length - 1]) {
      throw bad(name, "task", "image size and classes do not match the network's input and output sizes");
    }
    return new Saved(mlp, task, root.path("training"), root.path("metrics"), root.path("devices"));
  }

  private static IllegalArgumentException bad(String file, String field, String message) {
    return new IllegalArgumentException(file + ": " + field + ": " + message);
  }
}
