/* Emulated Nb:SrTiO3 device: a conductance code moved by power-law pulses (PROTOCOL.md §Device emulation).
 * R(n) = R0 + R1 * n^a, with n recovered from the present R before every pulse, so an update depends only
 * on the state and not on the history (the model of device-models, after the Groningen group's code). */
#ifndef NS_DEVICE_H
#define NS_DEVICE_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    float r0_ohm;   /* R0: asymptote of SET, start of RESET */
    float r1_ohm;   /* R1: scale, R(1) - R0 */
    float a;        /* exponent (dimensionless): < 0 for SET, > 0 for RESET */
} ns_powerlaw;

/* R = 1/(c * g_lsb); code 0 is +infinity */
float ns_code_to_ohm(uint16_t code, float g_lsb_s);
/* nearest code of R, clamped to 0..65535 (R = +inf gives 0) */
uint16_t ns_ohm_to_code(float resistance_ohm, float g_lsb_s);
/* one pulse */
uint16_t ns_device_pulse(uint16_t code, const ns_powerlaw *p, float g_lsb_s);

#ifdef __cplusplus
}
#endif
#endif
