/* memristor.c - simulated memristor behind a board's pulse pins (D5 SET, D6 RESET) and ADC0. See memristor.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "memristor.h"
#include "avr_ioport.h"
#include "avr_adc.h"

#define PIN_SET   5   /* PD5 = Arduino D5 */
#define PIN_RESET 6   /* PD6 = Arduino D6 */
#define DDRD_ADDR 0x2A

/*
 * Defaults: the 10 um, 0.1 wt% Nb "new device", +1 V SET / -2 V RESET pulses, read at +0.3 V
 * (../shared/design/physics-and-sources.md, section 2 table). R1 is R after the first pulse of each branch;
 * a comes from R after pulse 1 and pulse 100 of the branch (SET: 8.93e5 -> 7.09e4 Ohm over 99 pulses;
 * RESET: 1.03e5 -> 4.72e6 Ohm). R0 = 200 Ohm is the lower limit of the published SET model (C1 code).
 * R_s = 100 kOhm is the firmware's default series resistor (PROTOCOL.md, PHYS_CONFIG).
 */
void afe_default_params(afe_params_t *p)
{
	p->set = (power_law_t){ .r0_ohm = 200, .r1_ohm = 8.93e5, .a = -0.55 };
	p->reset = (power_law_t){ .r0_ohm = 200, .r1_ohm = 1.03e5, .a = 0.83 };
	p->r_min_ohm = 200;
	p->r_max_ohm = 2e7;
	p->r_init_ohm = 1e6;
	p->noise_rel = 0.05;
	p->series_ohm = 1e5;
	p->vcc_v = 5.0;
	p->min_pulse_width_s = 1e-6;
	p->seed = 1;
}

int afe_set_param(afe_params_t *p, const char *key, const char *value)
{
	char *end;
	double v = strtod(value, &end);
	if (end == value || *end) return -1;
	struct { const char *name; double *field; } keys[] = {
		{ "set_r0", &p->set.r0_ohm }, { "set_r1", &p->set.r1_ohm }, { "set_a", &p->set.a },
		{ "reset_r0", &p->reset.r0_ohm }, { "reset_r1", &p->reset.r1_ohm }, { "reset_a", &p->reset.a },
		{ "r_min", &p->r_min_ohm }, { "r_max", &p->r_max_ohm }, { "r_init", &p->r_init_ohm },
		{ "noise", &p->noise_rel }, { "rs", &p->series_ohm }, { "vcc", &p->vcc_v },
		{ "min_width_us", &p->min_pulse_width_s },
	};
	if (!strcmp(key, "seed")) { p->seed = (uint64_t)v; return 0; }
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (!strcmp(key, keys[i].name)) {
			*keys[i].field = !strcmp(key, "min_width_us") ? v * 1e-6 : v;
			return 0;
		}
	return -1;
}

/* One pulse of the power law, history-free: recover n from R, step to n + 1. */
double power_law_next(const power_law_t *law, double r_ohm)
{
	double x = (r_ohm - law->r0_ohm) / law->r1_ohm;
	if (x < 1e-12) x = 1e-12;     /* at or below R0: n -> infinity (SET) or n -> 0 (RESET) */
	double n = pow(x, 1.0 / law->a);
	return law->r0_ohm + law->r1_ohm * pow(n + 1.0, law->a);
}

/* xorshift64* and Box-Muller: small, seeded, the same on every machine. */
static double uniform01(uint64_t *s)
{
	*s ^= *s >> 12; *s ^= *s << 25; *s ^= *s >> 27;
	return ((*s * 2685821657736338717ULL) >> 11) * (1.0 / 9007199254740992.0);
}

static double gaussian(uint64_t *s)
{
	double u1 = uniform01(s), u2 = uniform01(s);
	if (u1 < 1e-300) u1 = 1e-300;
	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

double afe_adc_volts(const afe_t *afe)
{
	return afe->p.vcc_v * afe->r_ohm / (afe->r_ohm + afe->p.series_ohm);
}

void afe_update_adc(afe_t *afe)
{
	avr_raise_irq(afe->adc_in, (uint32_t)lround(afe_adc_volts(afe) * 1000.0));   /* simavr wants millivolts */
}

static void apply_pulse(afe_t *afe, int reset)
{
	const power_law_t *law = reset ? &afe->p.reset : &afe->p.set;
	double r = afe->r_ohm;
	double step = power_law_next(law, r) - r;
	r += step * (1.0 + afe->p.noise_rel * gaussian(&afe->rng));
	if (r < afe->p.r_min_ohm) r = afe->p.r_min_ohm;
	if (r > afe->p.r_max_ohm) r = afe->p.r_max_ohm;
	afe->r_ohm = r;
	if (reset) afe->reset_pulses++; else afe->set_pulses++;
	afe_update_adc(afe);
	if (afe->verbose)
		fprintf(stderr, "PULSE board=%d kind=%s width_us=%.3f r_ohm=%.9g adc_v=%.4f cycle=%llu\n",
			afe->board_id, reset ? "reset" : "set", afe->last_width_s * 1e6, r, afe_adc_volts(afe), (unsigned long long)afe->avr->cycle);
}

static void pin_changed(afe_t *afe, int which, uint32_t value)
{
	int pin = which ? PIN_RESET : PIN_SET;
	if (value && !afe->pin_high[which]) {
		if (!(afe->avr->data[DDRD_ADDR] & (1 << pin))) return;   /* a pull-up, not a driven pulse */
		afe->pin_high[which] = 1;
		afe->rise_cycle[which] = afe->avr->cycle;
	} else if (!value && afe->pin_high[which]) {
		afe->pin_high[which] = 0;
		double width_s = (double)(afe->avr->cycle - afe->rise_cycle[which]) / afe->avr->frequency;
		afe->last_width_s = width_s;
		if (width_s + 1e-12 >= afe->p.min_pulse_width_s) apply_pulse(afe, which);
		else afe->short_pulses++;
	}
}

static void set_pin_hook(struct avr_irq_t *irq, uint32_t value, void *param) { (void)irq; pin_changed(param, 0, value); }
static void reset_pin_hook(struct avr_irq_t *irq, uint32_t value, void *param) { (void)irq; pin_changed(param, 1, value); }

void afe_attach(afe_t *afe, struct avr_t *avr, const afe_params_t *p, int board_id, int verbose)
{
	memset(afe, 0, sizeof *afe);
	afe->p = *p;
	afe->r_ohm = p->r_init_ohm;
	afe->rng = (p->seed * 0x9E3779B97F4A7C15ULL) ^ (uint64_t)board_id ^ 0x2545F4914F6CDD1DULL;
	if (!afe->rng) afe->rng = 1;
	afe->avr = avr;
	afe->board_id = board_id;
	afe->verbose = verbose;
	avr->vcc = avr->avcc = avr->aref = (uint32_t)lround(p->vcc_v * 1000.0);
	avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('D'), PIN_SET), set_pin_hook, afe);
	avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('D'), PIN_RESET), reset_pin_hook, afe);
	afe->adc_in = avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0);
	afe_update_adc(afe);
}
