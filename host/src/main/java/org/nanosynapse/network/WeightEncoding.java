package org.nanosynapse.network;

/**
 * How float weights become device conductance codes (firmware/PROTOCOL.md §Arithmetic).
 *
 * <pre>
 *   conductance of a device:   G = c · G_lsb                         (c uint16 code)
 *   weight on the board:       w_raw = sat16(((c⁺ − c⁻) · k) >> 8)   (Q F)
 *   weight scale:              k = round(256 · γ · 2^F · G_lsb / (1/R0 − 1/R1))
 * </pre>
 *
 * so that w_raw / 2^F ≈ γ·(Gn⁺ − Gn⁻). Both devices of a pair start at {@code baseCode}, the code of
 * the initial resistance, and the pair is nearly balanced: only one device is raised above it, by the
 * code difference the weight needs.
 *
 * @param fractionalBits F, 0..14
 * @param weightScale k, 1..32767
 * @param conductanceLsbS G_lsb in siemens
 * @param gain γ, dimensionless gain of the differential pair
 * @param baseCode code of the balanced starting state (the initial resistance)
 * @param r0Ohm nominal R0 of the SET branch used for Gn, Ω
 * @param r1Ohm nominal R1 of the SET branch used for Gn, Ω
 */
public record WeightEncoding(
    int fractionalBits, int weightScale, double conductanceLsbS, double gain, int baseCode, double r0Ohm, double r1Ohm) {

  /** Code difference c⁺ − c⁻ whose board weight is exactly {@code weightRaw} when k ≤ 256 (nearest otherwise). */
  public int codeDifference(int weightRaw) {
    if (weightScale <= 256) {
      // floor(d·k/256) = r for d = ceil(r·256/k): exact for every int16 r.
      return Math.floorDiv(weightRaw * 256 + weightScale - 1, weightScale);
    }
    return (int) Math.round(weightRaw * 256.0 / weightScale);
  }

  /** Nearly balanced pair for a code difference: one device at the base code, the other above it. */
  public org.nanosynapse.link.SynapseCodes pairFor(int codeDifference) {
    return new org.nanosynapse.link.SynapseCodes(
        baseCode + Math.max(codeDifference, 0), baseCode + Math.max(-codeDifference, 0));
  }
}
