/* The fixed-point neuron of PROTOCOL.md §Arithmetic (normative; the Java virtual board and the host's
 * prediction compute exactly the same). */
#ifndef NS_NEURON_H
#define NS_NEURON_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

enum { NS_ACT_IDENTITY = 0, NS_ACT_STEP, NS_ACT_SIGN, NS_ACT_RELU, NS_ACT_SIGMOID, NS_ACT_TANH, NS_ACT_COUNT };

int16_t ns_sat16(int32_t v);
/* w = sat16(((c+ - c-) * k) >> 8) */
int16_t ns_weight(uint16_t c_plus, uint16_t c_minus, uint16_t k);
/* PLAN piecewise-linear sigmoid of v (Q F, int32), result Q F */
int32_t ns_plan(int32_t v, uint8_t frac_bits);
int16_t ns_activate(uint8_t activation, int16_t z, uint8_t frac_bits);
/* n inputs x[0..n-1]; w[0..n] with w[n] the bias weight (its input is one = 2^F) */
int16_t ns_neuron(const int16_t *w, const int16_t *x, uint8_t n, uint8_t frac_bits, uint8_t activation);

#ifdef __cplusplus
}
#endif
#endif
