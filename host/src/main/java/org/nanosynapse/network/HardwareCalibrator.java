package org.nanosynapse.network;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.nanosynapse.calibration.Branch;
import org.nanosynapse.calibration.CalibrationFile;
import org.nanosynapse.calibration.Calibrator;
import org.nanosynapse.calibration.FitOptions;
import org.nanosynapse.calibration.PowerLawFit;
import org.nanosynapse.calibration.PowerLawFitter;
import org.nanosynapse.calibration.PulseData;
import org.nanosynapse.calibration.PulseSeries;
import org.nanosynapse.device.Polarity;
import org.nanosynapse.device.PowerLawParameters;
import org.nanosynapse.link.Board;
import org.nanosynapse.link.PhysicalPulse;
import org.nanosynapse.link.PhysicalReading;

/**
 * Calibration of the memristor on a board's physical channel: PHYS_CONFIG with the bench's series
 * resistor, a conditioning SET train (read only at its end), then a RESET train and a SET train of
 * single PHYS_PULSEs with a PHYS_READ after every pulse; each train's reads are fitted by the
 * calibration module ({@link Calibrator}, hence {@code PowerLawFitter}) and the result is a
 * calibration file as {@code calibrate fit} writes.
 *
 * <p>Why the conditioning train and the pulse offset: the device is history-free (its present R
 * fixes its place n on each branch's law), so a train that starts at R_start begins at
 * n₀ = ((R_start − R0)/R1)^(1/a), not at 0. The SET train starts from the top of the RESET train,
 * where n₀ of SET is tiny; the RESET train starts after the conditioning SET train, where n₀ of
 * RESET is a fraction of a pulse. Each train is fitted as R(k) = R0 + R1·(k + n₀)^a with n₀ ≥ 0
 * profiled ({@link PulseOffsetProfile}); the series in the calibration file carry n = k + n₀.
 *
 * <p>Reads whose mean ADC code lies outside [{@link #ADC_LOW_CODE}, {@link #ADC_HIGH_CODE}] are
 * kept in the record but not fitted: there one count is more than 10 % of R.
 */
public final class HardwareCalibrator {
  /** Fewest/most counts of a read that is fitted: at m = 10 or 1013 one count is ≈ 10 % of R. */
  public static final int ADC_LOW_CODE = 10;
  public static final int ADC_HIGH_CODE = 1013;

  /**
   * @param seriesResistorOhm R_s of the bench's divider, Ω (sent with PHYS_CONFIG)
   * @param pulseWidthUs width of every pulse, µs
   * @param pulsesPerTrain pulses of the RESET train and of the SET train (each read after every pulse)
   * @param conditioningPulses SET pulses before the RESET train (0 = none)
   * @param adcSamples ADC readings averaged by each PHYS_READ, 1..64
   * @param fixedR0Ohm R0 held fixed in the fits, Ω (R0 below the ADC's range cannot be fitted)
   * @param fitPulseOffset true: fit n₀ ≥ 0 per train; false: n = k as {@code calibrate fit} counts
   * @param setAmplitudeV amplitude of the bench's SET pulses, V (&gt; 0; recorded, the board does not know it)
   * @param resetAmplitudeV amplitude of the bench's RESET pulses, V (&lt; 0)
   * @param readVoltageV read voltage recorded in the parameter set, V
   */
  public record Settings(double seriesResistorOhm, long pulseWidthUs, int pulsesPerTrain, int conditioningPulses,
      int adcSamples, double fixedR0Ohm, boolean fitPulseOffset, double setAmplitudeV, double resetAmplitudeV,
      double readVoltageV) {
    public Settings {
      if (!(seriesResistorOhm > 0) || Double.isInfinite(seriesResistorOhm)) {
        throw new IllegalArgumentException("series_resistor_ohm: must be finite and > 0, got " + seriesResistorOhm);
      }
      if (pulseWidthUs < 1 || pulseWidthUs > PhysicalPulse.MAX_WIDTH_US) {
        throw new IllegalArgumentException("pulse_width_us: must be 1.." + PhysicalPulse.MAX_WIDTH_US + ", got "
            + pulseWidthUs);
      }
      if (pulsesPerTrain < 4 || pulsesPerTrain > 5000) {
        throw new IllegalArgumentException("pulses: a calibration train needs 4..5000 pulses, got " + pulsesPerTrain);
      }
      if (conditioningPulses < 0 || conditioningPulses > 100_000) {
        throw new IllegalArgumentException("conditioning_pulses: must be 0..100000, got " + conditioningPulses);
      }
      if (adcSamples < 1 || adcSamples > PhysicalReading.MAX_SAMPLES) {
        throw new IllegalArgumentException("adc_samples: must be 1.." + PhysicalReading.MAX_SAMPLES + ", got "
            + adcSamples);
      }
      if (!(fixedR0Ohm >= 0) || Double.isInfinite(fixedR0Ohm)) {
        throw new IllegalArgumentException("fix_r0_ohm: must be a finite resistance >= 0, got " + fixedR0Ohm);
      }
      if (!(setAmplitudeV > 0) || !(resetAmplitudeV < 0)) {
        throw new IllegalArgumentException("amplitudes: SET must be > 0 V and RESET < 0 V, got " + setAmplitudeV
            + " and " + resetAmplitudeV);
      }
    }

    public double pulseWidthS() {
      return pulseWidthUs * 1e-6;
    }
  }

  /** One PHYS_READ: after pulse {@code pulseIndex} (1-based) of a train; 0 = the end of conditioning. */
  public record Read(String train, int pulseIndex, PhysicalReading reading) {
    public boolean inAdcRange() {
      double m = reading.meanAdcCode();
      return m >= ADC_LOW_CODE && m <= ADC_HIGH_CODE && reading.resistanceOhm() > 0
          && Double.isFinite(reading.resistanceOhm());
    }

    String csvLine() {
      return String.format(Locale.ROOT, "%s,%d,%d,%d,%.9g,%s", train, pulseIndex, reading.adcSum(), reading.samples(),
          reading.resistanceOhm(), inAdcRange() ? "1" : "0");
    }
  }

  /** One train's fit: the series as fitted (n = k + n₀), the fit, n₀, and reads left out of range. */
  public record TrainFit(Branch branch, PulseSeries series, PowerLawFit fit, double pulseOffset, int readsOutOfRange) {}

  /**
   * @param trueLaws the device's true laws where known (an emulated device), else empty
   */
  public record Result(Settings settings, List<Read> reads, TrainFit reset, TrainFit set, CalibrationFile file,
      Map<Polarity, PowerLawParameters> trueLaws) {

    public TrainFit fit(Polarity p) {
      return p == Polarity.SET ? set : reset;
    }

    /** |fitted/true − 1| of R1 for one branch; NaN when the truth is unknown. */
    public double r1Error(Polarity p) {
      PowerLawParameters t = trueLaws.get(p);
      return t == null ? Double.NaN : Math.abs(fit(p).fit().r1Ohm() / t.r1Ohm() - 1);
    }

    /** |fitted/true − 1| of the exponent a for one branch; NaN when the truth is unknown. */
    public double exponentError(Polarity p) {
      PowerLawParameters t = trueLaws.get(p);
      return t == null ? Double.NaN : Math.abs(fit(p).fit().a() / t.exponent() - 1);
    }
  }

  /** CSV header of {@link Read#csvLine()}. */
  public static final String READS_HEADER = "train,pulse_index,adc_sum,samples,resistance_ohm,fitted";

  private HardwareCalibrator() {}

  /**
   * Runs the trains and fits them.
   *
   * @param parameterSetName name of the parameter set in the calibration file
   * @param trueLaws the device's true laws for the comparison, or an empty map
   * @param onRead called with every read as it arrives (to record it)
   */
  public static Result calibrate(Board board, Settings s, String parameterSetName,
      Map<Polarity, PowerLawParameters> trueLaws, Consumer<Read> onRead) {
    if (board.identify().physicalChannels() < 1) {
      throw new IllegalStateException("board " + board.address()
          + ": IDENTIFY reports no physical channel (phys_channels 0); calibrate its emulated device with "
          + "--hw-channel device instead");
    }
    board.configurePhysicalChannel(s.seriesResistorOhm());
    List<Read> reads = new ArrayList<>();
    if (s.conditioningPulses() > 0) {
      int left = s.conditioningPulses();
      while (left > 0) {
        int n = Math.min(left, PhysicalPulse.MAX_COUNT);
        // Keep each request within the protocol's 120 s per train.
        n = (int) Math.min(n, Math.max(1, PhysicalPulse.MAX_TRAIN_US / (2 * s.pulseWidthUs())));
        board.physicalPulses(new PhysicalPulse(Polarity.SET, s.pulseWidthUs(), n, s.pulseWidthUs()));
        left -= n;
      }
      Read r = new Read("condition", 0, board.readPhysical(s.adcSamples()));
      reads.add(r);
      onRead.accept(r);
    }
    List<Read> resetReads = train(board, s, Polarity.RESET, reads, onRead);
    List<Read> setReads = train(board, s, Polarity.SET, reads, onRead);
    FitOptions options = FitOptions.fixedR0(s.fixedR0Ohm());
    TrainFit resetFit = fitTrain(board, s, Branch.RESET, resetReads, options);
    TrainFit setFit = fitTrain(board, s, Branch.SET, setReads, options);

    StringBuilder csv = new StringBuilder(READS_HEADER).append('\n');
    reads.forEach(r -> csv.append(r.csvLine()).append('\n'));
    PulseData data = new PulseData(Path.of("reads.csv"), "nanosynapse-phys-read", sha256(csv.toString()),
        List.of(resetFit.series(), setFit.series()), List.of());
    Calibrator.Result fitted = Calibrator.run(data, List.of(Branch.SET, Branch.RESET), options, parameterSetName,
        s.readVoltageV(), s.pulseWidthS());
    return new Result(s, List.copyOf(reads), resetFit, setFit, fitted.file(), Map.copyOf(trueLaws));
  }

  private static List<Read> train(Board board, Settings s, Polarity p, List<Read> all, Consumer<Read> onRead) {
    String name = p == Polarity.SET ? "set" : "reset";
    List<Read> out = new ArrayList<>(s.pulsesPerTrain());
    for (int k = 1; k <= s.pulsesPerTrain(); k++) {
      board.physicalPulses(new PhysicalPulse(p, s.pulseWidthUs(), 1, 0));
      Read r = new Read(name, k, board.readPhysical(s.adcSamples()));
      out.add(r);
      all.add(r);
      onRead.accept(r);
    }
    return out;
  }

  private static TrainFit fitTrain(Board board, Settings s, Branch branch, List<Read> reads, FitOptions options) {
    List<Read> in = reads.stream().filter(Read::inAdcRange).toList();
    if (in.size() < 6) {
      throw new IllegalStateException("board " + board.address() + ": " + branch.label() + " train: only " + in.size()
          + " of " + reads.size() + " reads lie inside the ADC's useful range (mean code " + ADC_LOW_CODE + ".."
          + ADC_HIGH_CODE + "); choose a series resistor near the device's resistance (R_s now "
          + s.seriesResistorOhm() + " Ohm)");
    }
    double[] k = new double[in.size()];
    double[] r = new double[in.size()];
    for (int i = 0; i < in.size(); i++) {
      k[i] = in.get(i).pulseIndex();
      r[i] = in.get(i).reading().resistanceOhm();
    }
    double minOhm = Arrays.stream(r).min().orElseThrow();
    if (!(minOhm > s.fixedR0Ohm())) {
      throw new IllegalStateException(String.format(Locale.ROOT, "board %s: %s train: reads go down to %.4g Ohm, not "
          + "above the fixed R0 = %.4g Ohm; is the series resistor right (R_s %.6g Ohm told to the board)?",
          board.address(), branch.label(), minOhm, s.fixedR0Ohm(), s.seriesResistorOhm()));
    }
    double offset = s.fitPulseOffset() ? PulseOffsetProfile.bestOffset(k, r, options) : 0;
    double[] n = new double[k.length];
    for (int i = 0; i < k.length; i++) {
      n[i] = k[i] + offset;
    }
    double amplitude = branch == Branch.SET ? s.setAmplitudeV() : s.resetAmplitudeV();
    PulseSeries series = new PulseSeries("phys-" + branch.label(), board.address(), branch, amplitude,
        s.pulseWidthS(), s.readVoltageV(), n, r, String.format(Locale.ROOT,
            "PHYS_PULSE/PHYS_READ through %s, R_s %.6g Ohm, n = pulse index + %.4g", board.address(),
            s.seriesResistorOhm(), offset));
    PowerLawFit fit = PowerLawFitter.fit(series, options);
    return new TrainFit(branch, series, fit, offset, reads.size() - in.size());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
