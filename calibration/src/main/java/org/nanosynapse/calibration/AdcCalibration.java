package org.nanosynapse.calibration;

import java.util.List;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Read-out calibration of one board: how its measured ADC code c departs from the ideal code u of
 * {@link AdcFrontEnd} for known reference resistors.
 *
 * <pre>
 *   c = offset + gain·u + nonlinearity·4u·(M − u)/M²        (M = 2^bits − 1, all in LSB)
 * </pre>
 *
 * gain (dimensionless) and offset (LSB) are the linear errors (resistor tolerance, reference
 * voltage, ADC gain/offset); nonlinearity (LSB) is the mid-scale height of a bow-shaped integral
 * nonlinearity, zero at both ends of the range. Fitted by ordinary least
 * squares (the model is linear in the three parameters); SEs from the OLS covariance. Applying it
 * inverts the quadratic for u, then the front-end equation for R.
 *
 * @param boardId the board
 * @param frontEnd its nominal read-out circuit
 * @param gain dimensionless
 * @param offsetLsb LSB
 * @param nonlinearityLsb LSB
 * @param gainSe SE of gain
 * @param offsetLsbSe SE of offset
 * @param nonlinearityLsbSe SE of nonlinearity
 * @param rmsResidualLsb RMS of the fit residuals, LSB
 * @param maxAbsResidualLsb largest |residual|, LSB
 * @param nPoints references used
 * @param minReferenceOhm smallest reference resistor
 * @param maxReferenceOhm largest reference resistor
 */
public record AdcCalibration(
    String boardId,
    AdcFrontEnd frontEnd,
    double gain,
    double offsetLsb,
    double nonlinearityLsb,
    double gainSe,
    double offsetLsbSe,
    double nonlinearityLsbSe,
    double rmsResidualLsb,
    double maxAbsResidualLsb,
    int nPoints,
    double minReferenceOhm,
    double maxReferenceOhm) {

  /** Fewest references: three parameters plus two degrees of freedom for the residual variance. */
  public static final int MIN_REFERENCES = 5;

  /**
   * Fits one board's readings (all must have a reference value). Readings at the rails (code 0 or
   * the maximum) are excluded: a saturated code carries no information on the slope.
   */
  public static AdcCalibration fit(String boardId, List<AdcReading> readings) {
    List<AdcReading> used = readings.stream()
        .filter(r -> r.code() > 0 && r.code() < r.frontEnd().maxCode())
        .toList();
    for (AdcReading r : readings) {
      if (Double.isNaN(r.referenceOhm())) {
        throw new IllegalArgumentException("board " + boardId + ", line " + r.line()
            + ": reference: every reading needs a known reference resistance to fit a calibration");
      }
    }
    if (used.size() < MIN_REFERENCES) {
      throw new IllegalArgumentException("board " + boardId + ": " + used.size()
          + " readings off the rails, at least " + MIN_REFERENCES + " reference resistors are needed");
    }
    AdcFrontEnd fe = used.get(0).frontEnd();
    double m = fe.maxCode();
    double[] y = new double[used.size()];
    double[][] x = new double[used.size()][2];
    double minRef = Double.POSITIVE_INFINITY, maxRef = 0;
    for (int i = 0; i < used.size(); i++) {
      AdcReading r = used.get(i);
      double u = fe.idealCode(r.referenceOhm());
      y[i] = r.code();
      x[i][0] = u;
      x[i][1] = bow(u, m);
      minRef = Math.min(minRef, r.referenceOhm());
      maxRef = Math.max(maxRef, r.referenceOhm());
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] b;
    double[] se;
    try {
      b = ols.estimateRegressionParameters();
      se = ols.estimateRegressionParametersStandardErrors();
    } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
      throw new IllegalArgumentException("board " + boardId
          + ": reference resistors do not span the range (need codes spread over the scale)");
    }
    double[] res = ols.estimateResiduals();
    double ss = 0, mx = 0;
    for (double r : res) {
      ss += r * r;
      mx = Math.max(mx, Math.abs(r));
    }
    return new AdcCalibration(boardId, fe, b[1], b[0], b[2], se[1], se[0], se[2],
        Math.sqrt(ss / res.length), mx, used.size(), minRef, maxRef);
  }

  /** The bow shape 4u(M − u)/M²: 0 at u = 0 and u = M, 1 at mid-scale. */
  static double bow(double u, double m) {
    return 4 * u * (m - u) / (m * m);
  }

  /** The code this board would read for a resistance (the forward model). */
  public double expectedCode(double resistanceOhm) {
    double u = frontEnd.idealCode(resistanceOhm);
    double m = frontEnd.maxCode();
    return offsetLsb + gain * u + nonlinearityLsb * bow(u, m);
  }

  /** The ideal code u for a measured code c: the root of the quadratic continuous with the linear case. */
  public double correctedCode(double code) {
    double m = frontEnd.maxCode();
    // c − offset = (gain + 4·nl/M)·u − (4·nl/M²)·u²
    double k = 4 * nonlinearityLsb / (m * m);
    double b = gain + 4 * nonlinearityLsb / m;
    double c = code - offsetLsb;
    double disc = b * b - 4 * k * c;
    if (disc < 0) {
      return Double.NaN;
    }
    return 2 * c / (b + Math.sqrt(disc));
  }

  /**
   * The resistance for a measured code, calibrated; NaN when the code is at a rail (saturated) or
   * maps outside the front-end's range.
   */
  public double resistanceOhm(int code) {
    if (code <= 0 || code >= frontEnd.maxCode()) {
      return Double.NaN;
    }
    return frontEnd.resistanceOhm(correctedCode(code));
  }

  /** The resistance for a measured code with the nominal front-end only (no calibration). */
  public static double uncalibratedResistanceOhm(AdcFrontEnd fe, int code) {
    if (code <= 0 || code >= fe.maxCode()) {
      return Double.NaN;
    }
    return fe.resistanceOhm(code);
  }
}
