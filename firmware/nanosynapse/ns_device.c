#include "ns_device.h"
#include <math.h>

/* f32 throughout: the AVR has no double (avr-gcc's double is 32 bits), and the native build must give
 * the same codes, so it uses the same precision. */

float ns_code_to_ohm(uint16_t code, float g_lsb_s)
{
    if (code == 0)
        return INFINITY;
    return 1.0f / ((float)code * g_lsb_s);
}

uint16_t ns_ohm_to_code(float resistance_ohm, float g_lsb_s)
{
    float c;
    if (isinf(resistance_ohm))
        return 0;
    c = 1.0f / (resistance_ohm * g_lsb_s);
    if (!(c < 65534.5f))    /* also catches NaN */
        return 65535;
    if (c < 0.0f)
        return 0;
    return (uint16_t)(c + 0.5f);
}

uint16_t ns_device_pulse(uint16_t code, const ns_powerlaw *p, float g_lsb_s)
{
    float r = ns_code_to_ohm(code, g_lsb_s);
    float n, r_new;
    uint16_t c_new;
    int set = p->a < 0.0f;
    if (r <= p->r0_ohm) {
        if (set)
            return code;           /* n = inf: SET has reached its asymptote R0 */
        n = 0.0f;                  /* RESET restarts from R0 */
    } else if (isinf(r)) {
        if (!set)
            return code;           /* RESET from an open device stays open */
        n = 0.0f;
    } else {
        n = powf((r - p->r0_ohm) / p->r1_ohm, 1.0f / p->a);
    }
    r_new = p->r0_ohm + p->r1_ohm * powf(n + 1.0f, p->a);
    c_new = ns_ohm_to_code(r_new, g_lsb_s);
    /* f32 rounding must not move a device the wrong way (device-models guards the same way) */
    if (set)
        return c_new > code ? c_new : code;
    return c_new < code ? c_new : code;
}
