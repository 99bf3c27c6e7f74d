#include "ns_neuron.h"

/* Note: `>>` of a negative int32 is implementation-defined in C; gcc, clang and avr-gcc all shift
 * arithmetically (round toward -inf), which is what §Arithmetic specifies. */

int16_t ns_sat16(int32_t v)
{
    if (v > 32767)
        return 32767;
    if (v < -32768)
        return -32768;
    return (int16_t)v;
}

int16_t ns_weight(uint16_t c_plus, uint16_t c_minus, uint16_t k)
{
    /* widen before subtracting: on the AVR int is 16 bits and uint16 - uint16 would wrap */
    int32_t diff = (int32_t)c_plus - (int32_t)c_minus;
    return ns_sat16((diff * (int32_t)k) >> 8);
}

static int32_t add_sat32(int32_t acc, int32_t p)
{
    if (p > 0 && acc > INT32_MAX - p)
        return INT32_MAX;
    if (p < 0 && acc < INT32_MIN - p)
        return INT32_MIN;
    return acc + p;
}

int32_t ns_plan(int32_t v, uint8_t frac_bits)
{
    int32_t one = (int32_t)1 << frac_bits;
    int32_t a = v < 0 ? -v : v;
    int32_t s;
    if (a >= 5 * one)
        s = one;
    else if (a >= (19 * one) >> 3)
        s = (a >> 5) + ((27 * one) >> 5);
    else if (a >= one)
        s = (a >> 3) + ((5 * one) >> 3);
    else
        s = (a >> 2) + (one >> 1);
    return v >= 0 ? s : one - s;
}

int16_t ns_activate(uint8_t activation, int16_t z, uint8_t frac_bits)
{
    int16_t one = (int16_t)(1 << frac_bits);
    switch (activation) {
    case NS_ACT_STEP:
        return z > 0 ? one : 0;
    case NS_ACT_SIGN:
        return z > 0 ? one : (z < 0 ? (int16_t)-one : 0);
    case NS_ACT_RELU:
        return z > 0 ? z : 0;
    case NS_ACT_SIGMOID:
        return (int16_t)ns_plan(z, frac_bits);
    case NS_ACT_TANH:
        return (int16_t)(2 * ns_plan(2 * (int32_t)z, frac_bits) - one);
    default:
        return z;
    }
}

int16_t ns_neuron(const int16_t *w, const int16_t *x, uint8_t n, uint8_t frac_bits, uint8_t activation)
{
    int32_t acc = 0;
    uint8_t i;
    /* the order matters once the sum saturates: inputs 0..n-1, then the bias, as in §Arithmetic */
    for (i = 0; i < n; i++)
        acc = add_sat32(acc, (int32_t)w[i] * (int32_t)x[i]);
    acc = add_sat32(acc, (int32_t)w[n] * ((int32_t)1 << frac_bits));
    return ns_activate(activation, ns_sat16(acc >> frac_bits), frac_bits);
}
