#include "ns_protocol.h"
#include "ns_crc16.h"
#include "ns_eeprom.h"
#include "ns_neuron.h"
#include "ns_platform.h"
#include <math.h>
#include <string.h>

/* ---- EEPROM records (PROTOCOL.md §Persistence). State data: config, device params, R_s, codes. ---- */
#define STATE_FIXED (sizeof(ns_config) + sizeof(ns_device_params) + sizeof(float))
/* Built on the stack where used: on the AVR a static const would sit in SRAM. */
#define ID_RECORD_INIT {0, 2, 0x4449}                                     /* "ID" */
#define STATE_RECORD_INIT {32, STATE_FIXED + 4 * NS_MAX_SYNAPSES, 0x5331}  /* "S1" */

/* ---- little-endian field access (floats as their IEEE bits, so the byte order is explicit) ---- */
static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | (uint16_t)p[1] << 8); }
static uint32_t rd32(const uint8_t *p) { return rd16(p) | (uint32_t)rd16(p + 2) << 16; }
static float rdf(const uint8_t *p)
{
    uint32_t u = rd32(p);
    float f;
    memcpy(&f, &u, 4);
    return f;
}
static uint8_t *wr16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    return p + 2;
}
static uint8_t *wr32(uint8_t *p, uint32_t v) { return wr16(wr16(p, (uint16_t)v), (uint16_t)(v >> 16)); }
static uint8_t *wrf(uint8_t *p, float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return wr32(p, u);
}

/* ---- state ---- */
uint16_t ns_board_synapses(const ns_board *b)
{
    return (uint16_t)(b->cfg.n_neurons * (b->cfg.n_inputs + 1));
}

static void recompute_weight(ns_board *b, uint16_t s)
{
    b->weight[s] = ns_weight(b->code[s][0], b->code[s][1], b->cfg.k);
}

static void recompute_weights(ns_board *b)
{
    uint16_t s;
    for (s = 0; s < NS_MAX_SYNAPSES; s++)
        recompute_weight(b, s);
}

static void clear_stage(ns_board *b)
{
    memset(b->staged, 0, sizeof b->staged);
    b->stage_crc = NS_CRC16_INIT;
    b->stage_next = 0;
}

static uint8_t config_valid(const ns_config *c)
{
    return c->n_neurons >= 1 && c->n_neurons <= NS_MAX_NEURONS && c->n_inputs <= NS_MAX_INPUTS
        && c->n_neurons * (c->n_inputs + 1) <= NS_MAX_SYNAPSES && c->activation < NS_ACT_COUNT
        && c->frac_bits <= 14 && c->k <= 32767;
}

/* Power-on defaults (PROTOCOL.md §CONFIGURE and §LOAD_DEVICE_PARAMS): 4 x 16, identity, F 8, k 256, codes 0,
 * SET amplitude 0 = the published Groningen set (R0 200 ohm, R1 2.3e8 ohm, a -0.146). */
static void set_defaults(ns_board *b)
{
    b->cfg.n_neurons = 4;
    b->cfg.n_inputs = 16;
    b->cfg.activation = NS_ACT_IDENTITY;
    b->cfg.frac_bits = 8;
    b->cfg.k = 256;
    memset(&b->dev, 0, sizeof b->dev);
    b->dev.g_lsb_s = 1e-12f;
    b->dev.read_voltage_v = -1.0f;
    b->dev.pulse_width_s = 0.1f;
    b->dev.law[0][0].r0_ohm = 200.0f;
    b->dev.law[0][0].r1_ohm = 2.3e8f;
    b->dev.law[0][0].a = -0.146f;
    b->dev.loaded = 1;
    b->series_resistor_ohm = 100000.0f;
    memset(b->code, 0, sizeof b->code);
}

/* Loads the newest valid state slot; nothing changes unless the slot is complete and its config valid. */
static ns_ee_found load_state(ns_board *b)
{
    const ns_ee_record STATE_RECORD = STATE_RECORD_INIT;
    ns_ee_found f = ns_ee_newest(&STATE_RECORD);
    ns_config c;
    if (f.slot < 0)
        return f;
    ns_ee_read(&STATE_RECORD, (uint8_t)f.slot, 0, &c, sizeof c);
    if (!config_valid(&c) || f.length != STATE_FIXED + 4u * (uint16_t)(c.n_neurons * (c.n_inputs + 1))) {
        f.slot = -1;
        return f;
    }
    b->cfg = c;
    ns_ee_read(&STATE_RECORD, (uint8_t)f.slot, sizeof c, &b->dev, sizeof b->dev);
    ns_ee_read(&STATE_RECORD, (uint8_t)f.slot, sizeof c + sizeof b->dev, &b->series_resistor_ohm, sizeof(float));
    memset(b->code, 0, sizeof b->code);
    ns_ee_read(&STATE_RECORD, (uint8_t)f.slot, STATE_FIXED, b->code, (uint16_t)(f.length - STATE_FIXED));
    recompute_weights(b);
    clear_stage(b);
    return f;
}

/* The power-on state without touching the link (RESET keeps the duplicate cache). */
static void power_on_state(ns_board *b)
{
    const ns_ee_record ID_RECORD = ID_RECORD_INIT;
    ns_ee_found f;
    set_defaults(b);
    recompute_weights(b);
    clear_stage(b);
    load_state(b);
    b->board_id = 0;
    f = ns_ee_newest(&ID_RECORD);
    if (f.slot >= 0 && f.length == 2) {
        uint8_t id[2];
        ns_ee_read(&ID_RECORD, (uint8_t)f.slot, 0, id, 2);
        b->board_id = rd16(id);
    }
    memset(&b->counters, 0, sizeof b->counters);
}

void ns_board_init(ns_board *b)
{
    power_on_state(b);
    ns_cobs_decoder_init(&b->rx, b->rx_buf, NS_MAX_BODY);
    b->cache_valid = 0;
    b->weights_stale = 0;
    b->resp_len = 0;
}

/* ---- handlers: each gets the request payload and writes its ACK payload; returns NS_OK or an error ---- */
typedef struct {
    const uint8_t *p;   /* request payload */
    uint8_t n;          /* its length */
    uint8_t *out;       /* ACK payload */
    uint8_t out_n;
    uint16_t detail;    /* NACK detail */
} ns_req;

static uint8_t fail(ns_req *r, uint8_t err, uint16_t detail)
{
    r->detail = detail;
    return err;
}
#define NEED_LEN(len) do { if (r->n != (len)) return fail(r, NS_E_BAD_LENGTH, (len)); } while (0)
#define BAD_ARG(off) fail(r, NS_E_BAD_ARG, (off))

static uint8_t h_identify(ns_board *b, ns_req *r)
{
    uint8_t *o = r->out;
    NEED_LEN(0);
    *o++ = NS_PROTOCOL_VERSION;
    *o++ = NS_FW_MAJOR;
    *o++ = NS_FW_MINOR;
    *o++ = NS_FW_PATCH;
    o = wr16(o, b->board_id);
    *o++ = NS_MAX_NEURONS;
    *o++ = NS_MAX_INPUTS;
    o = wr16(o, NS_MAX_SYNAPSES);
    *o++ = NS_MAX_AMPLITUDES;
    *o++ = ns_platform_phys_channels();
    *o++ = NS_MAX_PAYLOAD;
    *o++ = b->cfg.n_neurons;
    *o++ = b->cfg.n_inputs;
    *o++ = b->cfg.activation;
    *o++ = b->cfg.frac_bits;
    o = wr16(o, b->cfg.k);
    memcpy(o, NS_FW_NAME, sizeof NS_FW_NAME - 1);
    r->out_n = (uint8_t)(o - r->out + sizeof NS_FW_NAME - 1);
    return NS_OK;
}

static uint8_t h_configure(ns_board *b, ns_req *r)
{
    ns_config c;
    NEED_LEN(6);
    c.n_neurons = r->p[0];
    c.n_inputs = r->p[1];
    c.activation = r->p[2];
    c.frac_bits = r->p[3];
    c.k = rd16(r->p + 4);
    if (c.n_neurons < 1 || c.n_neurons > NS_MAX_NEURONS)
        return BAD_ARG(0);
    if (c.n_inputs > NS_MAX_INPUTS || c.n_neurons * (c.n_inputs + 1) > NS_MAX_SYNAPSES)
        return BAD_ARG(1);
    if (c.activation >= NS_ACT_COUNT)
        return BAD_ARG(2);
    if (c.frac_bits > 14)
        return BAD_ARG(3);
    if (c.k > 32767)
        return BAD_ARG(4);
    if (c.n_neurons != b->cfg.n_neurons || c.n_inputs != b->cfg.n_inputs)
        memset(b->code, 0, sizeof b->code);   /* a new shape: old codes would land on the wrong synapses */
    b->cfg = c;
    recompute_weights(b);
    clear_stage(b);
    wr16(r->out, ns_board_synapses(b));
    r->out_n = 2;
    return NS_OK;
}

static uint8_t finite_pos(float v) { return isfinite(v) && v > 0.0f; }

static uint8_t h_load_device_params(ns_board *b, ns_req *r)
{
    const uint8_t *p = r->p;
    uint8_t pol, amp;
    float a;
    NEED_LEN(26);
    pol = p[0];
    amp = p[1];
    a = rdf(p + 10);
    if (pol > 1)
        return BAD_ARG(0);
    if (amp >= NS_MAX_AMPLITUDES)
        return BAD_ARG(1);
    if (!finite_pos(rdf(p + 2)))
        return BAD_ARG(2);
    if (!finite_pos(rdf(p + 6)))
        return BAD_ARG(6);
    if (!isfinite(a) || (pol == 0 ? !(a < 0.0f) : !(a > 0.0f)))
        return BAD_ARG(10);
    if (!finite_pos(rdf(p + 14)))
        return BAD_ARG(14);
    if (!isfinite(rdf(p + 18)))
        return BAD_ARG(18);
    if (!finite_pos(rdf(p + 22)))
        return BAD_ARG(22);
    b->dev.law[pol][amp].r0_ohm = rdf(p + 2);
    b->dev.law[pol][amp].r1_ohm = rdf(p + 6);
    b->dev.law[pol][amp].a = a;
    b->dev.g_lsb_s = rdf(p + 14);
    b->dev.read_voltage_v = rdf(p + 18);
    b->dev.pulse_width_s = rdf(p + 22);
    b->dev.loaded |= (uint8_t)(1u << (pol * NS_MAX_AMPLITUDES + amp));
    r->out_n = 0;
    return NS_OK;
}

static uint8_t h_read_device_params(ns_board *b, ns_req *r)
{
    uint8_t pol, amp, loaded, *o = r->out;
    NEED_LEN(2);
    pol = r->p[0];
    amp = r->p[1];
    if (pol > 1)
        return BAD_ARG(0);
    if (amp >= NS_MAX_AMPLITUDES)
        return BAD_ARG(1);
    loaded = (uint8_t)((b->dev.loaded >> (pol * NS_MAX_AMPLITUDES + amp)) & 1u);
    *o++ = loaded;
    *o++ = pol;
    *o++ = amp;
    o = wrf(o, loaded ? b->dev.law[pol][amp].r0_ohm : 0.0f);
    o = wrf(o, loaded ? b->dev.law[pol][amp].r1_ohm : 0.0f);
    o = wrf(o, loaded ? b->dev.law[pol][amp].a : 0.0f);
    o = wrf(o, b->dev.g_lsb_s);
    o = wrf(o, b->dev.read_voltage_v);
    o = wrf(o, b->dev.pulse_width_s);
    r->out_n = (uint8_t)(o - r->out);
    return NS_OK;
}

static uint8_t h_write_stage(ns_board *b, ns_req *r)
{
    uint16_t offset, s;
    uint8_t count, j;
    if (r->n < 3)
        return fail(r, NS_E_BAD_LENGTH, 3);
    count = r->p[2];
    if (count < 1 || count > NS_MAX_STAGE_COUNT)
        return BAD_ARG(2);
    NEED_LEN(3 + 4 * count);
    offset = rd16(r->p);
    if (offset >= ns_board_synapses(b))
        return BAD_ARG(0);
    if (offset + count > ns_board_synapses(b))
        return BAD_ARG(2);
    /* Chunks sent in order (as the host does) extend a running CRC of the staged codes, so COMMIT need not
     * compute it while the link waits; any other write makes COMMIT compute it from the staging area. The
     * payload bytes are the staged bytes of the COMMIT CRC (c+ LE, c- LE per synapse). */
    if (offset == b->stage_next) {
        for (j = 0; j < 4 * count; j++)
            b->stage_crc = ns_crc16_update(b->stage_crc, r->p[3 + j]);
        b->stage_next = (uint8_t)(offset + count);
    } else {
        b->stage_next = NS_STAGE_UNORDERED;
    }
    for (j = 0; j < count; j++) {
        s = (uint16_t)(offset + j);
        b->stage[s][0] = rd16(r->p + 3 + 4 * j);
        b->stage[s][1] = rd16(r->p + 5 + 4 * j);
        b->staged[s >> 3] |= (uint8_t)(1u << (s & 7));
    }
    wr16(r->out, offset);
    r->out[2] = count;
    r->out_n = 3;
    return NS_OK;
}

static uint8_t h_commit(ns_board *b, ns_req *r)
{
    uint16_t n = ns_board_synapses(b), s, crc = NS_CRC16_INIT;
    uint8_t d;
    NEED_LEN(4);
    if (rd16(r->p) != n)
        return fail(r, NS_E_STAGE_COUNT, n);
    for (s = 0; s < n; s++) {
        if ((s & 7) == 0 && n - s >= 8 && b->staged[s >> 3] == 0xFF) {
            s += 7;   /* eight staged synapses at once: COMMIT's time is dead time on the link */
            continue;
        }
        if (!(b->staged[s >> 3] & (1u << (s & 7))))
            return fail(r, NS_E_STAGE_INCOMPLETE, s);
    }
    if (b->stage_next == n)
        crc = b->stage_crc;   /* staged once each, in order: the running CRC is the CRC of the staging area */
    else
        for (s = 0; s < n; s++)
            for (d = 0; d < 2; d++) {
                crc = ns_crc16_update(crc, (uint8_t)b->stage[s][d]);
                crc = ns_crc16_update(crc, (uint8_t)(b->stage[s][d] >> 8));
            }
    if (crc != rd16(r->p + 2))
        return fail(r, NS_E_STAGE_CRC, crc);
    /* all checks passed: only now the live codes change, all of them at once; the weights are recomputed
     * right after the ACK has been sent (handle_frame), before any other request is handled, so the host's
     * next upload is not kept waiting for them (PROTOCOL.md §Pipelining) */
    memcpy(b->code, b->stage, 4u * n);
    b->weights_stale = 1;
    clear_stage(b);
    wr16(r->out, n);
    r->out_n = 2;
    return NS_OK;
}

static uint8_t h_abort_stage(ns_board *b, ns_req *r)
{
    NEED_LEN(0);
    clear_stage(b);
    r->out_n = 0;
    return NS_OK;
}

static uint8_t h_read_weights(ns_board *b, ns_req *r)
{
    uint16_t offset, s;
    uint8_t count, j, *o;
    NEED_LEN(3);
    offset = rd16(r->p);
    count = r->p[2];
    if (offset >= ns_board_synapses(b))
        return BAD_ARG(0);
    if (count < 1 || count > NS_MAX_READ_COUNT || offset + count > ns_board_synapses(b))
        return BAD_ARG(2);
    o = wr16(r->out, offset);
    *o++ = count;
    for (j = 0; j < count; j++) {
        s = (uint16_t)(offset + j);
        o = wr16(o, b->code[s][0]);
        o = wr16(o, b->code[s][1]);
        o = wr16(o, (uint16_t)b->weight[s]);
    }
    r->out_n = (uint8_t)(o - r->out);
    return NS_OK;
}

static uint8_t *put_synapse_codes(ns_board *b, uint8_t *o, uint16_t s)
{
    o = wr16(o, b->code[s][0]);
    o = wr16(o, b->code[s][1]);
    return wr16(o, (uint16_t)b->weight[s]);
}

static uint8_t h_apply_pulses(ns_board *b, ns_req *r)
{
    uint16_t s, count, i;
    uint8_t dev, pol, amp;
    const ns_powerlaw *law;
    NEED_LEN(7);
    s = rd16(r->p);
    dev = r->p[2];
    pol = r->p[3];
    amp = r->p[4];
    count = rd16(r->p + 5);
    if (s >= ns_board_synapses(b))
        return BAD_ARG(0);
    if (dev > 1)
        return BAD_ARG(2);
    if (pol > 1)
        return BAD_ARG(3);
    if (amp >= NS_MAX_AMPLITUDES)
        return BAD_ARG(4);
    if (count < 1 || count > 1000)
        return BAD_ARG(5);
    if (!((b->dev.loaded >> (pol * NS_MAX_AMPLITUDES + amp)) & 1u))
        return fail(r, NS_E_NO_PARAMS, (uint16_t)(pol << 8 | amp));
    law = &b->dev.law[pol][amp];
    for (i = 0; i < count; i++)
        b->code[s][dev] = ns_device_pulse(b->code[s][dev], law, b->dev.g_lsb_s);
    recompute_weight(b, s);
    b->counters.pulses += count;
    put_synapse_codes(b, r->out, s);
    r->out_n = 6;
    return NS_OK;
}

static uint8_t h_read_synapse(ns_board *b, ns_req *r)
{
    uint16_t s;
    uint8_t *o;
    NEED_LEN(2);
    s = rd16(r->p);
    if (s >= ns_board_synapses(b))
        return BAD_ARG(0);
    o = put_synapse_codes(b, r->out, s);
    o = wrf(o, ns_code_to_ohm(b->code[s][0], b->dev.g_lsb_s));
    wrf(o, ns_code_to_ohm(b->code[s][1], b->dev.g_lsb_s));
    r->out_n = 14;
    return NS_OK;
}

static uint8_t h_infer(ns_board *b, ns_req *r)
{
    int16_t x[NS_MAX_INPUTS];
    uint8_t n = b->cfg.n_inputs, i, j, *o = r->out;
    uint32_t t0;
    NEED_LEN(2 * n);
    for (i = 0; i < n; i++)
        x[i] = (int16_t)rd16(r->p + 2 * i);
    t0 = ns_platform_micros();
    for (j = 0; j < b->cfg.n_neurons; j++)
        o = wr16(o, (uint16_t)ns_neuron(&b->weight[j * (n + 1)], x, n, b->cfg.frac_bits, b->cfg.activation));
    o = wr32(o, ns_platform_micros() - t0);
    r->out_n = (uint8_t)(o - r->out);
    return NS_OK;
}

static uint8_t save_state(ns_board *b, ns_ee_writer *w)
{
    const ns_ee_record STATE_RECORD = STATE_RECORD_INIT;
    uint16_t data = (uint16_t)(4 * ns_board_synapses(b));
    ns_ee_begin(w, &STATE_RECORD, (uint16_t)(STATE_FIXED + data));
    ns_ee_put(w, &b->cfg, sizeof b->cfg);
    ns_ee_put(w, &b->dev, sizeof b->dev);
    ns_ee_put(w, &b->series_resistor_ohm, sizeof(float));
    ns_ee_put(w, b->code, data);
    return ns_ee_end(w) == 0 ? NS_OK : NS_E_EEPROM_FAIL;
}

static uint8_t h_save_eeprom(ns_board *b, ns_req *r)
{
    ns_ee_writer w;
    uint8_t err;
    NEED_LEN(0);
    err = save_state(b, &w);
    if (err)
        return fail(r, err, 0);
    b->counters.eeprom_saves++;
    wr32(r->out, w.generation);
    r->out[4] = w.slot;
    r->out_n = 5;
    return NS_OK;
}

static uint8_t h_load_eeprom(ns_board *b, ns_req *r)
{
    ns_ee_found f;
    NEED_LEN(0);
    f = load_state(b);
    if (f.slot < 0)
        return fail(r, NS_E_EEPROM_EMPTY, 0);
    wr32(r->out, f.generation);
    r->out[4] = (uint8_t)f.slot;
    r->out_n = 5;
    return NS_OK;
}

static uint8_t h_counters(ns_board *b, ns_req *r)
{
    const ns_counters *c = &b->counters;
    uint8_t *o = r->out;
    NEED_LEN(1);
    if (r->p[0] > 1)
        return BAD_ARG(0);
    o = wr32(o, c->frames_good);
    o = wr32(o, c->frames_bad);
    o = wr32(o, c->duplicates);
    o = wr32(o, c->nacks);
    o = wr32(o, c->pulses);
    o = wr32(o, c->phys_pulses);
    o = wr32(o, c->eeprom_saves);
    if (r->p[0])
        memset(&b->counters, 0, sizeof b->counters);
    r->out_n = (uint8_t)(o - r->out);
    return NS_OK;
}

static uint8_t h_reset(ns_board *b, ns_req *r)
{
    NEED_LEN(0);
    power_on_state(b);
    r->out_n = 0;
    return NS_OK;
}

static uint8_t h_set_board_id(ns_board *b, ns_req *r)
{
    const ns_ee_record ID_RECORD = ID_RECORD_INIT;
    ns_ee_writer w;
    NEED_LEN(2);
    ns_ee_begin(&w, &ID_RECORD, 2);
    ns_ee_put(&w, r->p, 2);   /* stored little-endian, as on the wire */
    if (ns_ee_end(&w) != 0)
        return fail(r, NS_E_EEPROM_FAIL, 0);
    b->board_id = rd16(r->p);
    b->counters.eeprom_saves++;
    wr16(r->out, b->board_id);
    r->out_n = 2;
    return NS_OK;
}

static uint8_t h_phys_config(ns_board *b, ns_req *r)
{
    NEED_LEN(4);
    if (!finite_pos(rdf(r->p)))
        return BAD_ARG(0);
    b->series_resistor_ohm = rdf(r->p);
    wrf(r->out, b->series_resistor_ohm);
    r->out_n = 4;
    return NS_OK;
}

static uint8_t h_phys_pulse(ns_board *b, ns_req *r)
{
    uint8_t pin;
    uint32_t width, gap;
    uint16_t count;
    NEED_LEN(11);
    pin = r->p[0];
    width = rd32(r->p + 1);
    count = rd16(r->p + 5);
    gap = rd32(r->p + 7);
    if (pin > 1)
        return BAD_ARG(0);
    if (width < 1 || width > 60000000ul)
        return BAD_ARG(1);
    if (count < 1 || count > 1000)
        return BAD_ARG(5);
    if (gap > 60000000ul || width + gap > 120000000ul / count)
        return BAD_ARG(7);
    if (!ns_platform_phys_channels())
        return fail(r, NS_E_PHYS_UNAVAILABLE, 0);
    ns_platform_pulse(pin, width, count, gap);
    b->counters.phys_pulses += count;
    wr16(r->out, count);
    r->out_n = 2;
    return NS_OK;
}

static uint8_t h_phys_read(ns_board *b, ns_req *r)
{
    uint8_t samples, i;
    uint16_t sum = 0;
    float m, ohm;
    NEED_LEN(1);
    samples = r->p[0];
    if (samples < 1 || samples > 64)
        return BAD_ARG(0);
    if (!ns_platform_phys_channels())
        return fail(r, NS_E_PHYS_UNAVAILABLE, 0);
    for (i = 0; i < samples; i++)
        sum = (uint16_t)(sum + (ns_platform_adc_read() & 0x3FF));
    m = (float)sum / (float)samples;
    /* divider: 5 V -> R_s -> A0 -> device -> GND, so code/1023 = R / (R_s + R) */
    if (sum == 0)
        ohm = 0.0f;
    else if (m >= 1023.0f)
        ohm = INFINITY;
    else
        ohm = b->series_resistor_ohm * m / (1023.0f - m);
    wr16(r->out, sum);
    r->out[2] = samples;
    wrf(r->out + 3, ohm);
    r->out_n = 7;
    return NS_OK;
}

/* a switch, not a table of function pointers: on the AVR the table would take 40 bytes of SRAM */
static uint8_t dispatch(ns_board *b, uint8_t type, ns_req *r)
{
    switch (type) {
    case NS_T_IDENTIFY: return h_identify(b, r);
    case NS_T_CONFIGURE: return h_configure(b, r);
    case NS_T_LOAD_DEVICE_PARAMS: return h_load_device_params(b, r);
    case NS_T_READ_DEVICE_PARAMS: return h_read_device_params(b, r);
    case NS_T_WRITE_STAGE: return h_write_stage(b, r);
    case NS_T_COMMIT: return h_commit(b, r);
    case NS_T_ABORT_STAGE: return h_abort_stage(b, r);
    case NS_T_READ_WEIGHTS: return h_read_weights(b, r);
    case NS_T_APPLY_PULSES: return h_apply_pulses(b, r);
    case NS_T_READ_SYNAPSE: return h_read_synapse(b, r);
    case NS_T_INFER: return h_infer(b, r);
    case NS_T_SAVE_EEPROM: return h_save_eeprom(b, r);
    case NS_T_LOAD_EEPROM: return h_load_eeprom(b, r);
    case NS_T_COUNTERS: return h_counters(b, r);
    case NS_T_RESET: return h_reset(b, r);
    case NS_T_SET_BOARD_ID: return h_set_board_id(b, r);
    case NS_T_PHYS_CONFIG: return h_phys_config(b, r);
    case NS_T_PHYS_PULSE: return h_phys_pulse(b, r);
    case NS_T_PHYS_READ: return h_phys_read(b, r);
    default: return NS_E_UNKNOWN_TYPE;
    }
}

/* ---- framing ---- */
static void send_response(ns_board *b)
{
    ns_cobs_encode(b->resp, b->resp_len, ns_platform_putc);
    ns_platform_putc(0);
}

uint8_t ns_frame_check(const uint8_t *body, uint8_t len)
{
    if (len < NS_HEADER + 2)
        return NS_FRAME_TOO_SHORT;
    if (ns_crc16(body, (uint16_t)(len - 2)) != rd16(body + len - 2))
        return NS_FRAME_BAD_CRC;
    return NS_FRAME_OK;
}

static void handle_frame(ns_board *b, const uint8_t *f, uint8_t len)
{
    uint16_t crc;
    ns_req r;
    uint8_t type, err;
    if (ns_frame_check(f, len) != NS_FRAME_OK) {
        b->counters.frames_bad++;   /* not even its seq can be trusted: stay silent, the host retransmits */
        return;
    }
    crc = rd16(f + len - 2);
    b->counters.frames_good++;
    type = f[2];
    if (b->cache_valid && f[1] == b->last_seq && type == b->last_type && crc == b->last_crc) {
        b->counters.duplicates++;   /* a retransmission: answer again, do not execute again */
        send_response(b);
        return;
    }
    r.p = f + NS_HEADER;
    r.n = (uint8_t)(len - NS_HEADER - 2);
    r.out = b->resp + NS_HEADER;
    r.out_n = 0;
    r.detail = 0;
    if (f[0] != NS_PROTOCOL_VERSION)
        err = fail(&r, NS_E_BAD_VERSION, NS_PROTOCOL_VERSION);
    else
        err = dispatch(b, type, &r);
    b->resp[0] = NS_PROTOCOL_VERSION;
    b->resp[1] = f[1];
    if (err) {
        b->resp[2] = NS_T_NACK;
        b->resp[3] = type;
        b->resp[4] = err;
        wr16(b->resp + 5, r.detail);
        r.out_n = 4;
        b->counters.nacks++;
    } else {
        b->resp[2] = (uint8_t)(type | NS_T_ACK_FLAG);
    }
    b->resp_len = (uint8_t)(NS_HEADER + r.out_n);
    wr16(b->resp + b->resp_len, ns_crc16(b->resp, b->resp_len));
    b->resp_len = (uint8_t)(b->resp_len + 2);
    b->cache_valid = 1;
    b->last_seq = f[1];
    b->last_type = type;
    b->last_crc = crc;
    send_response(b);
    if (b->weights_stale) {
        recompute_weights(b);
        b->weights_stale = 0;
    }
}

void ns_board_rx(ns_board *b, uint8_t byte)
{
    switch (ns_cobs_feed(&b->rx, byte)) {
    case NS_COBS_FRAME:
        handle_frame(b, b->rx_buf, b->rx.len);
        break;
    case NS_COBS_BAD:
    case NS_COBS_OVERSIZED:
        b->counters.frames_bad++;
        break;
    default:
        break;
    }
}
