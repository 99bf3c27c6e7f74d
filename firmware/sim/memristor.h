/*
 * memristor.h - the emulated analog front-end of a board's physical channel.
 *
 * A simulated memristor sits behind the board's pulse pins and its ADC pin:
 *   D5 (PD5) high for >= min width  -> one SET pulse   (R falls)
 *   D6 (PD6) high for >= min width  -> one RESET pulse (R rises)
 *   A0 (ADC0) reads the divider 5 V -> R_s -> A0 -> R -> GND,  V(A0) = Vcc * R / (R + R_s)
 *
 * Device law (power law in pulse number, history-free; physics-and-sources.md Eq. PL-step):
 *   R(n) = R0 + R1 * n^a,   n = ((R - R0) / R1)^(1/a),   R_next = R0 + R1 * (n + 1)^a
 * with separate (R0, R1, a) for SET (a < 0) and RESET (a > 0), then clipped to [r_min, r_max].
 * Cycle-to-cycle noise: the step R_next - R is scaled by (1 + noise_rel * N(0,1)), a fresh draw per pulse.
 */
#ifndef NS_MEMRISTOR_H
#define NS_MEMRISTOR_H

#include <stdint.h>
#include "sim_avr.h"

typedef struct {
	double r0_ohm;  /* asymptote of R for n -> infinity */
	double r1_ohm;  /* R0 + R1 is R at n = 1 */
	double a;       /* exponent, dimensionless: < 0 for SET, > 0 for RESET */
} power_law_t;

typedef struct {
	power_law_t set, reset;
	double r_min_ohm, r_max_ohm;   /* clip range of R */
	double r_init_ohm;             /* R at start (and kept over board resets: the device is not on the board) */
	double noise_rel;              /* std of the relative step error, cycle-to-cycle, dimensionless */
	double series_ohm;             /* R_s of the divider */
	double vcc_v;                  /* divider supply and ADC reference (AVCC) */
	double min_pulse_width_s;      /* shorter pin-high intervals do not count as pulses */
	uint64_t seed;
} afe_params_t;

typedef struct {
	afe_params_t p;
	double r_ohm;
	uint64_t rng;
	struct avr_t *avr;
	int board_id, verbose;
	avr_cycle_count_t rise_cycle[2];   /* [0] SET pin, [1] RESET pin */
	int pin_high[2];
	double last_width_s;               /* width of the last pin-high interval, counted or not */
	unsigned long set_pulses, reset_pulses, short_pulses;
	struct avr_irq_t *adc_in;
} afe_t;

void afe_default_params(afe_params_t *p);
/* Parses "key=value" (keys as in --help); returns 0 on success, -1 on an unknown key or bad value. */
int afe_set_param(afe_params_t *p, const char *key, const char *value);
double power_law_next(const power_law_t *law, double r_ohm);
void afe_attach(afe_t *afe, struct avr_t *avr, const afe_params_t *p, int board_id, int verbose);
/* Drives ADC0 with the divider voltage of the present R (call after a board reset, too). */
void afe_update_adc(afe_t *afe);
double afe_adc_volts(const afe_t *afe);

#endif
