package org.nanosynapse.link;

import org.nanosynapse.device.Polarity;

/**
 * PHYS_PULSE (PROTOCOL.md §0x12): {@code count} pulses on the physical channel's SET pin D5 or RESET
 * pin D6, each high for {@code widthUs}, low for {@code gapUs} between pulses.
 *
 * @param polarity SET (pin 0, D5) or RESET (pin 1, D6)
 * @param widthUs pulse width, µs, 1 .. 60 000 000
 * @param count pulses, 1 .. 1000
 * @param gapUs low time between pulses, µs, 0 .. 60 000 000; count·(width + gap) ≤ 120 s
 */
public record PhysicalPulse(Polarity polarity, long widthUs, int count, long gapUs) {
  public static final long MAX_WIDTH_US = 60_000_000L;
  public static final int MAX_COUNT = 1000;
  public static final long MAX_TRAIN_US = 120_000_000L;

  public PhysicalPulse {
    if (polarity == null) {
      throw new IllegalArgumentException("polarity: missing");
    }
    if (widthUs < 1 || widthUs > MAX_WIDTH_US) {
      throw new IllegalArgumentException("width_us: must be 1.." + MAX_WIDTH_US + " µs, got " + widthUs);
    }
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count: must be 1.." + MAX_COUNT + ", got " + count);
    }
    if (gapUs < 0 || gapUs > MAX_WIDTH_US) {
      throw new IllegalArgumentException("gap_us: must be 0.." + MAX_WIDTH_US + " µs, got " + gapUs);
    }
    if (count * (widthUs + gapUs) > MAX_TRAIN_US) {
      throw new IllegalArgumentException("count·(width_us + gap_us): must be at most " + MAX_TRAIN_US
          + " µs, got " + count * (widthUs + gapUs));
    }
  }

  /** The PHYS_PULSE {@code pin} field: 0 = SET pin D5, 1 = RESET pin D6. */
  public int pin() {
    return polarity == Polarity.SET ? 0 : 1;
  }

  /** How long the board is busy with this train, µs. */
  public long durationUs() {
    return count * (widthUs + gapUs);
  }
}
