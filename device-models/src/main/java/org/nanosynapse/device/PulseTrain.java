package org.nanosynapse.device;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sequence of pulse blocks, written as text like {@code "10xRESET@-4V,10xSET@+0.1V"}: comma-separated blocks
 * {@code COUNTxPOLARITY@AMPLITUDE}, where COUNT ≥ 1 (optional, default 1), POLARITY is SET or RESET, and AMPLITUDE
 * is a signed voltage with unit V or mV (optional: the parameter set's default for the polarity). Whitespace is
 * ignored; case does not matter.
 */
public record PulseTrain(List<Block> blocks) {

  /** {@code count} pulses of one polarity; {@code amplitudeV} is NaN for "the parameter set's default". */
  public record Block(int count, Polarity polarity, double amplitudeV) {
    public Block {
      if (count < 1) {
        throw new IllegalArgumentException("pulses: a block needs a count >= 1, got " + count);
      }
      if (polarity == null) {
        throw new IllegalArgumentException("pulses: a block needs a polarity");
      }
    }

    /** The amplitude, or the set's default for this polarity when none was given. V. */
    public double amplitudeV(ParameterSet parameters) {
      return Double.isNaN(amplitudeV) ? parameters.defaultAmplitudeV(polarity) : amplitudeV;
    }

    @Override
    public String toString() {
      return count + "x" + polarity + (Double.isNaN(amplitudeV) ? "" : "@" + ParameterSet.fmt(amplitudeV) + "V");
    }
  }

  /** Called after every single pulse, when the new states are available. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param pulse 1-based index of the pulse in the whole train
     * @param block the block it belongs to
     * @param amplitudeV its amplitude, V
     */
    void afterPulse(int pulse, Block block, double amplitudeV, DevicePopulation population);
  }

  private static final Pattern BLOCK =
      Pattern.compile("(?i)^(?:(\\d+)\\s*[x*])?\\s*(SET|RESET)\\s*(?:@\\s*([+-]?\\d+(?:\\.\\d*)?(?:e[+-]?\\d+)?|[+-]?\\.\\d+(?:e[+-]?\\d+)?)\\s*(mV|V))?$");

  public PulseTrain {
    if (blocks == null || blocks.isEmpty()) {
      throw new IllegalArgumentException("pulses: the pulse train is empty");
    }
    blocks = List.copyOf(blocks);
  }

  /** Parses the text form; errors name the field "pulses" and the offending block. */
  public static PulseTrain parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("pulses: the pulse train is empty");
    }
    List<Block> blocks = new ArrayList<>();
    String[] parts = text.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].trim();
      Matcher m = BLOCK.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("pulses: block " + (i + 1) + " '" + part
            + "' is not COUNTxSET|RESET@AMPLITUDE (e.g. 10xRESET@-4V,10xSET@+0.1V)");
      }
      int count;
      try {
        count = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("pulses: block " + (i + 1) + " '" + part + "' has a count too large");
      }
      if (count < 1) {
        throw new IllegalArgumentException("pulses: block " + (i + 1) + " '" + part + "' needs a count >= 1");
      }
      Polarity polarity = Polarity.parse(m.group(2), "pulses");
      double amplitude = Double.NaN;
      if (m.group(3) != null) {
        amplitude = Double.parseDouble(m.group(3)) * (m.group(4).equalsIgnoreCase("mV") ? 1e-3 : 1.0);
        if (amplitude == 0 || Math.signum(amplitude) != polarity.amplitudeSign()) {
          throw new IllegalArgumentException("pulses: block " + (i + 1) + " '" + part + "': a " + polarity
              + " pulse needs a " + (polarity == Polarity.SET ? "positive" : "negative") + " amplitude");
        }
      }
      blocks.add(new Block(count, polarity, amplitude));
    }
    return new PulseTrain(blocks);
  }

  /** Total number of pulses. */
  public long pulseCount() {
    long n = 0;
    for (Block b : blocks) {
      n += b.count();
    }
    return n;
  }

  /**
   * Checks every block against the parameter set (amplitude within its tables) before anything runs, so a bad train
   * fails without side effects.
   */
  public void validate(ParameterSet parameters) {
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      try {
        parameters.law(b.polarity(), b.amplitudeV(parameters));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("pulses: block " + (i + 1) + " '" + b + "': " + e.getMessage(), e);
      }
    }
  }

  /**
   * Applies the train to every device, pulse by pulse; between pulses {@code intervalS} seconds pass (retention).
   * {@code threads} splits each pulse over devices (results do not depend on it).
   */
  public void apply(DevicePopulation population, double intervalS, int threads, Listener listener) {
    validate(population.parameterSet());
    int pulse = 0;
    for (Block b : blocks) {
      double amplitude = b.amplitudeV(population.parameterSet());
      for (int k = 0; k < b.count(); k++) {
        if (pulse > 0 && intervalS > 0) {
          population.advanceTime(intervalS);
        }
        population.applyPulseToAll(b.polarity(), amplitude, threads);
        pulse++;
        if (listener != null) {
          listener.afterPulse(pulse, b, amplitude, population);
        }
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(b);
    }
    return sb.toString();
  }
}
