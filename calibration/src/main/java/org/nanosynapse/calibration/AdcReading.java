package org.nanosynapse.calibration;

/**
 * One ADC read of a board's physical channel.
 *
 * @param boardId the board
 * @param frontEnd the board's read-out circuit
 * @param code the ADC code (0..2^bits − 1)
 * @param referenceOhm the known reference resistor, NaN for a read of an unknown device
 * @param line line in the readings file (1-based)
 */
public record AdcReading(String boardId, AdcFrontEnd frontEnd, int code, double referenceOhm, int line) {}
