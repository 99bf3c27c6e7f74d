package org.nanosynapse.calibration;

/** A pulse series with its power-law fit. */
public record SeriesFit(PulseSeries series, PowerLawFit fit) {}
