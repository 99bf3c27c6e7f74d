package org.nanosynapse.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload layout of every message of PROTOCOL.md §Messages as named fields, both directions:
 * decodes a payload to {@code name=value} pairs (for test vectors, transcripts and error messages)
 * and encodes such pairs back to bytes. Repeated per-item fields get an index suffix
 * ({@code c_plus.0}).
 */
public final class MessageFields {
  private MessageFields() {}

  enum Kind {
    U8(1),
    U16(2),
    I16(2),
    U32(4),
    F32(4),
    /** The rest of the payload as ASCII. */
    NAME(0),
    /** A NACK's error code, shown by name. */
    ERROR(1);

    final int size;

    Kind(int size) {
      this.size = size;
    }
  }

  record Field(String name, Kind kind) {}

  /** Fixed fields, then a group repeated to fill the payload, then fixed trailing fields. */
  record Layout(List<Field> head, List<Field> repeated, List<Field> tail) {
    int fixedSize() {
      return head.stream().mapToInt(f -> f.kind().size).sum() + tail.stream().mapToInt(f -> f.kind().size).sum();
    }

    int groupSize() {
      return repeated.stream().mapToInt(f -> f.kind().size).sum();
    }
  }

  private static Field f(String name, Kind kind) {
    return new Field(name, kind);
  }

  private static Layout layout(Field... head) {
    return new Layout(List.of(head), List.of(), List.of());
  }

  private static final Field[] DEVICE_PARAMS = {
    f("polarity", Kind.U8),
    f("amp_index", Kind.U8),
    f("r0_ohm", Kind.F32),
    f("r1_ohm", Kind.F32),
    f("a", Kind.F32),
    f("g_lsb_s", Kind.F32),
    f("read_voltage_v", Kind.F32),
    f("pulse_width_s", Kind.F32)
  };

  private static final Layout NACK =
      layout(f("req_type", Kind.U8), f("error", Kind.ERROR), f("detail", Kind.U16));

  /** Layout of a request payload of {@code type}. */
  static Layout request(MessageType type) {
    return switch (type) {
      case IDENTIFY, ABORT_STAGE, SAVE_EEPROM, LOAD_EEPROM, RESET -> layout();
      case CONFIGURE -> layout(
          f("n_neurons", Kind.U8), f("n_inputs", Kind.U8), f("activation", Kind.U8),
          f("frac_bits", Kind.U8), f("k", Kind.U16));
      case LOAD_DEVICE_PARAMS -> layout(DEVICE_PARAMS);
      case READ_DEVICE_PARAMS -> layout(f("polarity", Kind.U8), f("amp_index", Kind.U8));
      case WRITE_STAGE -> new Layout(
          List.of(f("offset", Kind.U16), f("count", Kind.U8)),
          List.of(f("c_plus", Kind.U16), f("c_minus", Kind.U16)),
          List.of());
      case COMMIT -> layout(f("count", Kind.U16), f("crc", Kind.U16));
      case READ_WEIGHTS -> layout(f("offset", Kind.U16), f("count", Kind.U8));
      case APPLY_PULSES -> layout(
          f("synapse", Kind.U16), f("device", Kind.U8), f("polarity", Kind.U8),
          f("amp_index", Kind.U8), f("count", Kind.U16));
      case READ_SYNAPSE -> layout(f("synapse", Kind.U16));
      case INFER -> new Layout(List.of(), List.of(f("x", Kind.I16)), List.of());
      case COUNTERS -> layout(f("clear", Kind.U8));
      case SET_BOARD_ID -> layout(f("board_id", Kind.U16));
      case PHYS_CONFIG -> layout(f("series_resistor_ohm", Kind.F32));
      case PHYS_PULSE -> layout(
          f("pin", Kind.U8), f("width_us", Kind.U32), f("count", Kind.U16), f("gap_us", Kind.U32));
      case PHYS_READ -> layout(f("samples", Kind.U8));
    };
  }

  /** Layout of the ACK payload answering {@code type}. */
  static Layout ack(MessageType type) {
    return switch (type) {
      case IDENTIFY -> layout(
          f("protocol_version", Kind.U8), f("fw_major", Kind.U8), f("fw_minor", Kind.U8),
          f("fw_patch", Kind.U8), f("board_id", Kind.U16), f("max_neurons", Kind.U8),
          f("max_inputs", Kind.U8), f("max_synapses", Kind.U16), f("max_amplitudes", Kind.U8),
          f("phys_channels", Kind.U8), f("max_payload", Kind.U8), f("n_neurons", Kind.U8),
          f("n_inputs", Kind.U8), f("activation", Kind.U8), f("frac_bits", Kind.U8),
          f("k", Kind.U16), f("name", Kind.NAME));
      case CONFIGURE -> layout(f("n_synapses", Kind.U16));
      case LOAD_DEVICE_PARAMS, ABORT_STAGE, RESET -> layout();
      case READ_DEVICE_PARAMS -> {
        List<Field> fields = new ArrayList<>();
        fields.add(f("loaded", Kind.U8));
        fields.addAll(List.of(DEVICE_PARAMS));
        yield new Layout(fields, List.of(), List.of());
      }
      case WRITE_STAGE, READ_WEIGHTS -> type == MessageType.WRITE_STAGE
          ? layout(f("offset", Kind.U16), f("count", Kind.U8))
          : new Layout(
              List.of(f("offset", Kind.U16), f("count", Kind.U8)),
              List.of(f("c_plus", Kind.U16), f("c_minus", Kind.U16), f("w", Kind.I16)),
              List.of());
      case COMMIT -> layout(f("count", Kind.U16));
      case APPLY_PULSES -> layout(f("c_plus", Kind.U16), f("c_minus", Kind.U16), f("w", Kind.I16));
      case READ_SYNAPSE -> layout(
          f("c_plus", Kind.U16), f("c_minus", Kind.U16), f("w", Kind.I16),
          f("r_plus_ohm", Kind.F32), f("r_minus_ohm", Kind.F32));
      case INFER -> new Layout(List.of(), List.of(f("y", Kind.I16)), List.of(f("elapsed_us", Kind.U32)));
      case SAVE_EEPROM, LOAD_EEPROM -> layout(f("generation", Kind.U32), f("slot", Kind.U8));
      case COUNTERS -> layout(
          f("frames_good", Kind.U32), f("frames_bad", Kind.U32), f("duplicates", Kind.U32),
          f("nacks", Kind.U32), f("pulses", Kind.U32), f("phys_pulses", Kind.U32),
          f("eeprom_saves", Kind.U32));
      case SET_BOARD_ID -> layout(f("board_id", Kind.U16));
      case PHYS_CONFIG -> layout(f("series_resistor_ohm", Kind.F32));
      case PHYS_PULSE -> layout(f("count", Kind.U16));
      case PHYS_READ -> layout(f("adc_sum", Kind.U16), f("samples", Kind.U8), f("resistance_ohm", Kind.F32));
    };
  }

  /** The layout of a frame of {@code type} in the given direction, or null for an unknown type. */
  static Layout layoutOf(int type, boolean fromBoard) {
    if (fromBoard) {
      if (type == Frame.NACK_TYPE) {
        return NACK;
      }
      MessageType t = (type & Frame.ACK_BIT) != 0 ? MessageType.of(type & 0x7F) : null;
      return t == null ? null : ack(t);
    }
    MessageType t = MessageType.of(type);
    return t == null ? null : request(t);
  }

  /**
   * Decodes a payload to ordered {@code name → value} strings; throws IllegalArgumentException if
   * the length does not fit the layout or the type is unknown.
   */
  public static Map<String, String> decode(int type, boolean fromBoard, byte[] payload) {
    Layout layout = layoutOf(type, fromBoard);
    if (layout == null) {
      throw new IllegalArgumentException("unknown message type " + MessageType.nameOf(type));
    }
    boolean hasName = layout.head().stream().anyMatch(x -> x.kind() == Kind.NAME);
    int variable = payload.length - layout.fixedSize();
    if (variable < 0
        || (!hasName && layout.groupSize() == 0 && variable != 0)
        || (layout.groupSize() > 0 && variable % layout.groupSize() != 0)) {
      throw new IllegalArgumentException(
          MessageType.nameOf(type) + ": payload length " + payload.length + " does not fit its layout");
    }
    PayloadReader r = new PayloadReader(payload);
    Map<String, String> out = new LinkedHashMap<>();
    for (Field field : layout.head()) {
      out.put(field.name(), read(r, field.kind()));
    }
    int groups = layout.groupSize() == 0 ? 0 : variable / layout.groupSize();
    for (int j = 0; j < groups; j++) {
      for (Field field : layout.repeated()) {
        out.put(field.name() + "." + j, read(r, field.kind()));
      }
    }
    for (Field field : layout.tail()) {
      out.put(field.name(), read(r, field.kind()));
    }
    return out;
  }

  /** Encodes {@code name → value} strings (as {@link #decode} gives them) to a payload. */
  public static byte[] encode(int type, boolean fromBoard, Map<String, String> fields) {
    Layout layout = layoutOf(type, fromBoard);
    if (layout == null) {
      throw new IllegalArgumentException("unknown message type " + MessageType.nameOf(type));
    }
    PayloadWriter w = new PayloadWriter();
    for (Field field : layout.head()) {
      write(w, field, require(fields, field.name()));
    }
    if (!layout.repeated().isEmpty()) {
      for (int j = 0; fields.containsKey(layout.repeated().get(0).name() + "." + j); j++) {
        for (Field field : layout.repeated()) {
          write(w, field, require(fields, field.name() + "." + j));
        }
      }
    }
    for (Field field : layout.tail()) {
      write(w, field, require(fields, field.name()));
    }
    return w.toBytes();
  }

  private static String require(Map<String, String> fields, String name) {
    String v = fields.get(name);
    if (v == null) {
      throw new IllegalArgumentException("field " + name + " missing");
    }
    return v;
  }

  private static String read(PayloadReader r, Kind kind) {
    return switch (kind) {
      case U8 -> Integer.toString(r.u8());
      case U16 -> Integer.toString(r.u16());
      case I16 -> Integer.toString(r.i16());
      case U32 -> Long.toString(r.u32());
      case F32 -> formatFloat(r.f32());
      case NAME -> r.restAscii();
      case ERROR -> {
        int code = r.u8();
        NackError e = NackError.of(code);
        yield e == null ? Integer.toString(code) : e.name();
      }
    };
  }

  private static void write(PayloadWriter w, Field field, String value) {
    try {
      switch (field.kind()) {
        case U8 -> w.u8(Integer.parseInt(value));
        case U16 -> w.u16(Integer.parseInt(value));
        case I16 -> w.i16(Integer.parseInt(value));
        case U32 -> w.u32(Long.parseLong(value));
        case F32 -> w.f32(parseFloat(value));
        case NAME -> w.ascii(value);
        case ERROR -> {
          NackError e = NackError.parse(value);
          w.u8(e != null ? e.code : Integer.parseInt(value));
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field " + field.name() + ": '" + value + "' is not a number");
    }
  }

  /** Shortest decimal that parses back to the same f32; infinities as "inf"/"-inf". */
  public static String formatFloat(float v) {
    if (Float.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (Float.isNaN(v)) {
      return "nan";
    }
    return Float.toString(v);
  }

  public static float parseFloat(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "inf", "+inf", "infinity", "+infinity" -> Float.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Float.NEGATIVE_INFINITY;
      case "nan" -> Float.NaN;
      default -> Float.parseFloat(t);
    };
  }
}
