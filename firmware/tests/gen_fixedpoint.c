/* Writes the fixed-point vectors (test-fixtures/fixedpoint-vectors.txt) from a fixed seed.
 * The expected values come from a reference written straight from PROTOCOL.md §Arithmetic with 64-bit
 * integers and explicit floor division, independent of ns_neuron.c, which `make test` checks against them
 * (as the Java side does). Usage: gen_fixedpoint OUTPUT_FILE */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t rng_state = 20260521u;   /* fixed seed: the file must not change between runs */

static uint32_t rng(void)   /* xorshift32 */
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static int32_t rng_range(int32_t lo, int32_t hi) { return lo + (int32_t)(rng() % (uint32_t)(hi - lo + 1)); }

/* floor(v / 2^s), what §Arithmetic's arithmetic shift means */
static int64_t floor_shift(int64_t v, int s)
{
    int64_t d = (int64_t)1 << s;
    return v >= 0 ? v / d : -((-v + d - 1) / d);
}

static int64_t clamp(int64_t v, int64_t lo, int64_t hi) { return v < lo ? lo : (v > hi ? hi : v); }

static int64_t plan(int64_t v, int F)
{
    int64_t one = (int64_t)1 << F, a = v < 0 ? -v : v, s;
    if (a >= 5 * one)
        s = one;
    else if (a >= floor_shift(19 * one, 3))
        s = floor_shift(a, 5) + floor_shift(27 * one, 5);
    else if (a >= one)
        s = floor_shift(a, 3) + floor_shift(5 * one, 3);
    else
        s = floor_shift(a, 2) + floor_shift(one, 1);
    return v >= 0 ? s : one - s;
}

static int64_t activate(int act, int64_t z, int F)
{
    int64_t one = (int64_t)1 << F;
    switch (act) {
    case 0: return z;
    case 1: return z > 0 ? one : 0;
    case 2: return z > 0 ? one : (z < 0 ? -one : 0);
    case 3: return z > 0 ? z : 0;
    case 4: return plan(z, F);
    default: return 2 * plan(2 * z, F) - one;
    }
}

typedef struct {
    int F, act, k, n;
    uint16_t cp[33], cm[33];
    int16_t x[32];
} vcase;

static void emit(FILE *f, const vcase *c)
{
    int64_t w[33], acc = 0, one = (int64_t)1 << c->F;
    int i;
    fprintf(f, "F=%d act=%d k=%d n=%d codes=", c->F, c->act, c->k, c->n);
    for (i = 0; i <= c->n; i++) {
        w[i] = clamp(floor_shift(((int64_t)c->cp[i] - c->cm[i]) * c->k, 8), -32768, 32767);
        fprintf(f, "%s%u:%u", i ? "," : "", c->cp[i], c->cm[i]);
    }
    fprintf(f, " x=");
    if (c->n == 0)
        fprintf(f, "-");
    for (i = 0; i < c->n; i++)
        fprintf(f, "%s%d", i ? "," : "", c->x[i]);
    fprintf(f, " w=");
    for (i = 0; i <= c->n; i++) {
        acc = clamp(acc + w[i] * (i < c->n ? c->x[i] : one), INT32_MIN, INT32_MAX);
        fprintf(f, "%s%lld", i ? "," : "", (long long)w[i]);
    }
    fprintf(f, " y=%lld\n", (long long)activate(c->act, clamp(floor_shift(acc, c->F), -32768, 32767), c->F));
}

static const int FS[] = {0, 1, 4, 8, 12, 14};

static void random_case(vcase *c, int i)
{
    int j, mode = (int)(rng() % 4);
    int64_t one;
    c->act = i % 6;
    c->F = FS[(i / 6) % 6];
    one = (int64_t)1 << c->F;
    c->n = (int)(rng() % 5 == 0 ? rng_range(0, 2) : rng_range(1, 32));
    switch (rng() % 5) {
    case 0: c->k = 0; break;
    case 1: c->k = 32767; break;
    case 2: c->k = 256; break;
    default: c->k = rng_range(1, 32767); break;
    }
    for (j = 0; j <= c->n; j++) {
        if (mode == 0) {            /* full range: weights mostly saturate */
            c->cp[j] = (uint16_t)rng();
            c->cm[j] = (uint16_t)rng();
        } else if (mode == 3 && j % 3 == 0) {   /* extremes */
            c->cp[j] = rng() & 1 ? 65535 : 0;
            c->cm[j] = rng() & 1 ? 65535 : 0;
        } else {                    /* a differential pair near a common level, as on a board */
            int32_t base = rng_range(2000, 60000), d = rng_range(-1500, 1500);
            c->cp[j] = (uint16_t)base;
            c->cm[j] = (uint16_t)clamp(base + d, 0, 65535);
        }
    }
    for (j = 0; j < c->n; j++) {
        if (mode == 1)
            c->x[j] = (int16_t)clamp(rng_range(-4 * (int32_t)one, 4 * (int32_t)one), -32768, 32767);
        else if (mode == 3 && j % 2)
            c->x[j] = rng() & 1 ? 32767 : -32768;
        else
            c->x[j] = (int16_t)rng();
    }
}

/* one input with weight exactly one (k = 256, c+ - c- = one) and input v: z = v, to hit PLAN's breakpoints */
static void breakpoint_case(vcase *c, int F, int act, int32_t v)
{
    int32_t one = 1 << F;
    c->F = F;
    c->act = act;
    c->k = 256;
    c->n = 1;
    c->cp[0] = (uint16_t)(30000 + one);
    c->cm[0] = 30000;
    c->cp[1] = c->cm[1] = 30000;   /* bias 0 */
    c->x[0] = (int16_t)clamp(v, -32768, 32767);
}

int main(int argc, char **argv)
{
    FILE *f;
    vcase c;
    int i, F, act, s;
    if (argc != 2) {
        fprintf(stderr, "usage: gen_fixedpoint OUTPUT_FILE\n");
        return 2;
    }
    f = fopen(argv[1], "w");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fprintf(f, "# NanoSynapse fixed-point vectors (PROTOCOL.md §Arithmetic), generated by firmware/tests/gen_fixedpoint.c\n"
               "# with a fixed seed; do not edit by hand (`make -C firmware fixedpoint-vectors` regenerates it).\n"
               "# One neuron per line: F=frac_bits act=activation_code k=weight_scale n=inputs\n"
               "#   codes=c+:c- for synapses 0..n (synapse n is the bias, input one = 2^F)\n"
               "#   x=inputs 0..n-1 (int16, '-' when n=0)  w=the derived int16 weights 0..n  y=the int16 output\n");
    /* PLAN breakpoints for sigmoid and tanh at F = 8 and 4, both signs */
    for (F = 4; F <= 8; F += 4)
        for (act = 4; act <= 5; act++)
            for (s = -1; s <= 1; s += 2) {
                int32_t one = 1 << F, pts[] = {0, one - 1, one, (19 * one >> 3) - 1, 19 * one >> 3, 5 * one - 1, 5 * one};
                for (i = 0; i < 7; i++) {
                    breakpoint_case(&c, F, act, act == 5 ? s * pts[i] / 2 : s * pts[i]);   /* tanh: PLAN(2z) */
                    emit(f, &c);
                }
            }
    /* the int32 accumulator saturates: 32 products of 2^30, positive then negative, bias pulls back */
    for (s = -1; s <= 1; s += 2) {
        c.F = 8;
        c.act = 0;
        c.k = 32767;
        c.n = 32;
        for (i = 0; i < 32; i++) {
            c.cp[i] = 65535;
            c.cm[i] = 0;
            c.x[i] = s > 0 ? 32767 : -32768;
        }
        c.cp[32] = 0;
        c.cm[32] = 65535;
        emit(f, &c);
    }
    for (i = 0; i < 400; i++) {
        random_case(&c, i);
        emit(f, &c);
    }
    if (fclose(f) != 0) {
        perror(argv[1]);
        return 1;
    }
    return 0;
}
