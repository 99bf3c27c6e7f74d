/* Native unit tests of the portable core. Usage: test_main REPO_ROOT
 * Reads test-fixtures/protocol-vectors.txt and test-fixtures/fixedpoint-vectors.txt under REPO_ROOT.
 * Ends with "N passed, M failed" and exits non-zero on any failure. */
#include "../nanosynapse/ns_cobs.h"
#include "../nanosynapse/ns_crc16.h"
#include "../nanosynapse/ns_device.h"
#include "../nanosynapse/ns_neuron.h"
#include "../nanosynapse/ns_protocol.h"
#include "test_platform.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;
#define CHECK(cond, ...)                                              \
    do {                                                              \
        if (cond) {                                                   \
            passed++;                                                 \
        } else {                                                      \
            failed++;                                                 \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);               \
            printf(__VA_ARGS__);                                      \
            printf("\n");                                             \
        }                                                             \
    } while (0)

static ns_board board;   /* ~1 KB: static, like on the Nano */

/* ---------- helpers ---------- */
static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* hex -> bytes; returns length or -1 */
static int parse_hex(const char *s, uint8_t *out, int cap)
{
    int n = 0;
    if (strcmp(s, "-") == 0)
        return 0;
    while (s[0] && s[1]) {
        int hi = hexval(s[0]), lo = hexval(s[1]);
        if (hi < 0 || lo < 0 || n >= cap)
            return -1;
        out[n++] = (uint8_t)(hi << 4 | lo);
        s += 2;
    }
    return s[0] ? -1 : n;
}

static uint8_t sink[600];
static unsigned sink_len;
static void sink_put(uint8_t b) { sink[sink_len++] = b; }

/* ver seq type payload -> wire bytes (COBS + 00) in sink */
static unsigned make_frame(uint8_t ver, uint8_t seq, uint8_t type, const uint8_t *p, uint8_t n)
{
    uint8_t body[NS_MAX_BODY + 8];
    uint16_t crc;
    body[0] = ver;
    body[1] = seq;
    body[2] = type;
    memcpy(body + 3, p, n);
    crc = ns_crc16(body, (uint16_t)(3 + n));
    body[3 + n] = (uint8_t)crc;
    body[4 + n] = (uint8_t)(crc >> 8);
    sink_len = 0;
    ns_cobs_encode(body, (uint8_t)(n + 5), sink_put);
    sink_put(0);
    return sink_len;
}

static void feed(const uint8_t *wire, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++)
        ns_board_rx(&board, wire[i]);
}

/* Decodes the board's output (tp_out) as exactly one frame; returns body length or -1. */
static int one_response(uint8_t *body)
{
    ns_cobs_decoder d;
    unsigned i;
    int len = -1;
    ns_cobs_decoder_init(&d, body, NS_MAX_BODY);
    for (i = 0; i < tp_out_len; i++) {
        uint8_t r = ns_cobs_feed(&d, tp_out[i]);
        if (r == NS_COBS_FRAME && i == tp_out_len - 1)
            len = d.len;
        else if (r != NS_COBS_MORE)
            return -1;
    }
    if (len < 0 || ns_frame_check(body, (uint8_t)len) != NS_FRAME_OK)
        return -1;
    return len;
}

/* Sends a request built here; returns the response payload length (or -1) with its type. */
static int request(uint8_t seq, uint8_t type, const uint8_t *p, uint8_t n, uint8_t *rtype, uint8_t *payload)
{
    uint8_t body[NS_MAX_BODY];
    int len;
    unsigned w = make_frame(NS_PROTOCOL_VERSION, seq, type, p, n);
    uint8_t wire[sizeof sink];
    memcpy(wire, sink, w);
    tp_out_len = 0;
    feed(wire, w);
    len = one_response(body);
    if (len < 0 || body[1] != seq)
        return -1;
    *rtype = body[2];
    memcpy(payload, body + 3, (size_t)(len - 5));
    return len - 5;
}

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t le32(const uint8_t *p) { return le16(p) | (uint32_t)le16(p + 2) << 16; }
static float lef(const uint8_t *p)
{
    uint32_t u = le32(p);
    float f;
    memcpy(&f, &u, 4);
    return f;
}

/* the persistent and staged state; the counters and the link are excluded */
typedef struct {
    ns_config cfg;
    ns_device_params dev;
    float rs;
    uint16_t code[NS_MAX_SYNAPSES][2];
    int16_t weight[NS_MAX_SYNAPSES];
    uint16_t stage[NS_MAX_SYNAPSES][2];
    uint8_t staged[sizeof board.staged];
    uint16_t board_id;
} snapshot;

static void take(snapshot *s)
{
    memset(s, 0, sizeof *s);
    s->cfg = board.cfg;
    memcpy(&s->dev, &board.dev, sizeof s->dev);
    s->rs = board.series_resistor_ohm;
    memcpy(s->code, board.code, sizeof s->code);
    memcpy(s->weight, board.weight, sizeof s->weight);
    memcpy(s->stage, board.stage, sizeof s->stage);
    memcpy(s->staged, board.staged, sizeof s->staged);
    s->board_id = board.board_id;
}

static int same_state(const snapshot *a)
{
    snapshot b;
    take(&b);
    return memcmp(&a->cfg, &b.cfg, sizeof a->cfg) == 0 && memcmp(&a->dev, &b.dev, sizeof a->dev) == 0
        && a->rs == b.rs && memcmp(a->code, b.code, sizeof a->code) == 0
        && memcmp(a->weight, b.weight, sizeof a->weight) == 0 && memcmp(a->stage, b.stage, sizeof a->stage) == 0
        && memcmp(a->staged, b.staged, sizeof a->staged) == 0 && a->board_id == b.board_id;
}

static FILE *open_fixture(const char *root, const char *name)
{
    char path[1024];
    FILE *f;
    snprintf(path, sizeof path, "%s/test-fixtures/%s", root, name);
    f = fopen(path, "r");
    CHECK(f != NULL, "cannot open %s", path);
    return f;
}

/* ---------- CRC and COBS ---------- */
static void test_crc(void)
{
    CHECK(ns_crc16((const uint8_t *)"123456789", 9) == 0x29B1, "CRC-16/CCITT-FALSE check value");
    CHECK(ns_crc16(NULL, 0) == 0xFFFF, "CRC of nothing is the init value");
}

static int decode_all(const uint8_t *wire, unsigned n, uint8_t *out, uint8_t cap, uint8_t *len)
{
    ns_cobs_decoder d;
    unsigned i;
    uint8_t r = NS_COBS_MORE;
    ns_cobs_decoder_init(&d, out, cap);
    for (i = 0; i < n; i++)
        r = ns_cobs_feed(&d, wire[i]);
    *len = d.len;
    return r;
}

static void test_cobs(void)
{
    static const uint8_t ex1[] = {0x11, 0x00, 0x22}, ex1w[] = {0x02, 0x11, 0x02, 0x22};
    static const uint8_t ex2[] = {0x00}, ex2w[] = {0x01, 0x01};
    uint8_t body[NS_MAX_BODY + 1], out[NS_MAX_BODY + 1], len;
    unsigned trial, i;
    uint32_t x = 12345;
    sink_len = 0;
    ns_cobs_encode(ex1, 3, sink_put);
    CHECK(sink_len == 4 && memcmp(sink, ex1w, 4) == 0, "COBS 11 00 22");
    sink_len = 0;
    ns_cobs_encode(ex2, 1, sink_put);
    CHECK(sink_len == 2 && memcmp(sink, ex2w, 2) == 0, "COBS 00");
    /* round trips of random bodies with many zeros, every length up to the maximum */
    for (trial = 0; trial < 2000; trial++) {
        uint8_t n = (uint8_t)(trial % (NS_MAX_BODY + 1)), ok = 1;
        for (i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            body[i] = (x >> 16) % 3 == 0 ? 0 : (uint8_t)(x >> 24);
        }
        sink_len = 0;
        ns_cobs_encode(body, n, sink_put);
        for (i = 0; i < sink_len; i++)
            ok &= sink[i] != 0;
        sink_put(0);
        if (n == 0) {
            ok &= decode_all(sink, sink_len, out, NS_MAX_BODY, &len) == NS_COBS_FRAME && len == 0;
        } else {
            ok &= decode_all(sink, sink_len, out, NS_MAX_BODY, &len) == NS_COBS_FRAME && len == n
                && memcmp(out, body, n) == 0;
        }
        if (!ok) {
            CHECK(0, "COBS round trip of %u bytes", n);
            return;
        }
    }
    passed++;
    {
        static const uint8_t bad[] = {0x05, 0x01, 0x02, 0x03, 0x00}, empty[] = {0x00};
        CHECK(decode_all(bad, 5, out, NS_MAX_BODY, &len) == NS_COBS_BAD, "COBS overrun");
        CHECK(decode_all(empty, 1, out, NS_MAX_BODY, &len) == NS_COBS_EMPTY, "lone delimiter");
    }
    memset(body, 0x55, NS_MAX_BODY + 1);
    sink_len = 0;
    ns_cobs_encode(body, NS_MAX_BODY + 1, sink_put);
    sink_put(0);
    CHECK(decode_all(sink, sink_len, out, NS_MAX_BODY, &len) == NS_COBS_OVERSIZED, "%d bytes > %d: oversized",
          NS_MAX_BODY + 1, NS_MAX_BODY);
}

/* ---------- fixed point ---------- */
static int parse_list(const char *s, long *v, int cap)
{
    int n = 0;
    char *end;
    if (strcmp(s, "-") == 0)
        return 0;
    for (;;) {
        if (n >= cap)
            return -1;
        v[n++] = strtol(s, &end, 10);
        if (end == s)
            return -1;
        if (*end == ':' || *end == ',')
            s = end + 1;
        else
            return *end ? -1 : n;
    }
}

static void test_fixedpoint_vectors(const char *root)
{
    FILE *f = open_fixture(root, "fixedpoint-vectors.txt");
    char line[4096], codes[2048], xs[1024], ws[1024];
    int cases = 0, bad = 0, acts[NS_ACT_COUNT] = {0}, line_no = 0;
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        int F, act, k, n, i, nc, nx, nw;
        long y, c[80], x[40], w[40];
        int16_t wi[33], xi[32];
        line_no++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (sscanf(line, "F=%d act=%d k=%d n=%d codes=%2047s x=%1023s w=%1023s y=%ld", &F, &act, &k, &n, codes, xs,
                   ws, &y) != 8) {
            CHECK(0, "fixedpoint-vectors.txt line %d: unreadable", line_no);
            continue;
        }
        nc = parse_list(codes, c, 80);
        nx = parse_list(xs, x, 40);
        nw = parse_list(ws, w, 40);
        if (n < 0 || n > 32 || nc != 2 * (n + 1) || nx != n || nw != n + 1) {
            CHECK(0, "fixedpoint-vectors.txt line %d: list lengths", line_no);
            continue;
        }
        for (i = 0; i <= n; i++) {
            wi[i] = ns_weight((uint16_t)c[2 * i], (uint16_t)c[2 * i + 1], (uint16_t)k);
            if (wi[i] != w[i]) {
                bad++;
                printf("FAIL fixedpoint line %d: weight %d is %d, expected %ld\n", line_no, i, wi[i], w[i]);
            }
        }
        for (i = 0; i < n; i++)
            xi[i] = (int16_t)x[i];
        if (ns_neuron(wi, xi, (uint8_t)n, (uint8_t)F, (uint8_t)act) != y) {
            bad++;
            printf("FAIL fixedpoint line %d: y is %d, expected %ld\n", line_no, ns_neuron(wi, xi, (uint8_t)n,
                   (uint8_t)F, (uint8_t)act), y);
        }
        if (act >= 0 && act < NS_ACT_COUNT)
            acts[act]++;
        cases++;
    }
    fclose(f);
    CHECK(bad == 0, "%d fixed-point mismatches", bad);
    CHECK(cases >= 400, "only %d fixed-point cases", cases);
    for (int a = 0; a < NS_ACT_COUNT; a++)
        CHECK(acts[a] > 0, "activation %d not covered", a);
    printf("fixed-point vectors: %d cases\n", cases);
}

/* ---------- device emulation against the power law in double precision ---------- */
typedef struct {
    const char *name;
    ns_powerlaw law;
    double r_start_ohm, g_lsb_s;
} device_case;

static double model_pulse(double r, const ns_powerlaw *p)
{
    double n;
    if (r <= p->r0_ohm)
        return p->a < 0 ? r : p->r0_ohm + p->r1_ohm;
    n = pow((r - p->r0_ohm) / p->r1_ohm, 1.0 / p->a);
    return p->r0_ohm + p->r1_ohm * pow(n + 1.0, p->a);
}

/* Over a sequence each pulse's rounding (half a code step at most) is carried on to the next pulse, since the
 * state is the code: |R_board/R_model - 1| <= (0.5 N + 0.51)/c + 1e-4 after N pulses. Along SET curves and
 * RESET curves with a <= 1 a carried error does not grow; the worst seen deviation is printed. Once a pulse
 * moves less than half a step the code stops (finite levels) while the model goes on. */
static void run_device_case(const device_case *dc)
{
    uint16_t c = ns_ohm_to_code((float)dc->r_start_ohm, (float)dc->g_lsb_s);
    double r_model = 1.0 / (c * dc->g_lsb_s);   /* the model starts from the same, quantised, state */
    double worst_steps = 0, worst_single = 0;
    int i, ok = 1;
    for (i = 1; i <= 1000; i++) {
        double r_board, rel, exact;
        uint16_t c_prev = c;
        /* a single pulse: the code is the model's result rounded, off by f32 error at most */
        exact = 1.0 / (model_pulse(1.0 / (c_prev * dc->g_lsb_s), &dc->law) * dc->g_lsb_s);
        c = ns_device_pulse(c_prev, &dc->law, (float)dc->g_lsb_s);
        if (fabs(c - exact) > worst_single)
            worst_single = fabs(c - exact);
        r_model = model_pulse(r_model, &dc->law);
        r_board = 1.0 / (c * dc->g_lsb_s);
        rel = fabs(r_board / r_model - 1.0);
        if ((rel - 1e-4) * c > worst_steps)
            worst_steps = (rel - 1e-4) * c;
        if (c < 1000 || fabs(c - exact) > 0.51 || rel > (0.5 * i + 0.51) / c + 1e-4) {
            ok = 0;
            printf("FAIL device %s pulse %d: code %u (exact %.3f), R board %.6g, model %.6g, rel %.3g\n", dc->name,
                   i, c, exact, r_board, r_model, rel);
            break;
        }
    }
    CHECK(ok, "device tolerance %s", dc->name);
    printf("device %-24s %4d pulses: single pulse within %.3f code, sequence within %.1f code steps + 1e-4, "
           "final code %u\n", dc->name, i - 1, worst_single, worst_steps < 0 ? 0 : worst_steps, c);
}

static void test_device(void)
{
    static const device_case cases[] = {
        /* the published Groningen SET set (physics-and-sources.md §1.1) from 1e8 ohm, two code resolutions */
        {"SET published, g 1e-12", {200.0f, 2.3e8f, -0.146f}, 1e8, 1e-12},
        {"SET published, g 2e-13", {200.0f, 2.3e8f, -0.146f}, 1e8, 2e-13},
        /* a steeper SET like the 10 um device (a ~ -0.4 .. -0.8 in the notes' fits) */
        {"SET a=-0.6", {4000.0f, 1.0e5f, -0.6f}, 1.5e5, 5e-9},
        /* RESET branch, a > 0 (measured +0.66 .. +1.25) */
        {"RESET a=0.8", {1e5f, 2e6f, 0.8f}, 1e5, 1e-12},
        {"RESET a=1.2", {1e5f, 5e5f, 1.2f}, 2e5, 1e-13},
    };
    unsigned i;
    ns_powerlaw set = {200.0f, 2.3e8f, -0.146f};
    /* the published curve: R(1) = R0 + R1 exactly from an open device, then R(2) = 2.079e8 */
    uint16_t c = ns_device_pulse(0, &set, 1e-13f);
    CHECK(c == ns_ohm_to_code(2.3e8f + 200.0f, 1e-13f), "open device -> R(1)");
    c = ns_device_pulse(c, &set, 1e-13f);
    CHECK(fabs(1.0 / (c * 1e-13) / 2.079e8 - 1.0) < 1e-3, "R(2) = 2.079e8 ohm, got %g", 1.0 / (c * 1e-13));
    CHECK(ns_device_pulse(ns_ohm_to_code(150.0f, 1e-6f), &set, 1e-6f) == ns_ohm_to_code(150.0f, 1e-6f),
          "SET below R0 does not move");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_device_case(&cases[i]);
}

/* ---------- protocol vectors: replay on one fresh board ---------- */
static const char *ERR_NAMES[] = {"", "BAD_VERSION", "UNKNOWN_TYPE", "BAD_LENGTH", "BAD_ARG", "STAGE_COUNT",
                                  "STAGE_INCOMPLETE", "STAGE_CRC", "NO_PARAMS", "EEPROM_EMPTY", "EEPROM_FAIL",
                                  "PHYS_UNAVAILABLE"};

static int err_code(const char *name)
{
    int i;
    for (i = 1; i < (int)(sizeof ERR_NAMES / sizeof ERR_NAMES[0]); i++)
        if (strcmp(name, ERR_NAMES[i]) == 0)
            return i;
    return -1;
}

static char *trim(char *s)
{
    char *e;
    while (*s == ' ')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r'))
        *--e = 0;
    return s;
}

/* splits "a | b | c" in place */
static int split(char *line, char **f, int max)
{
    int n = 0;
    char *p = line, *bar;
    while (n < max) {
        bar = strstr(p, " | ");
        f[n++] = trim(p);
        if (!bar)
            break;
        *bar = 0;
        f[n - 1] = trim(p);
        p = bar + 3;
    }
    return n;
}

/* compares a payload with a hex pattern where ?? matches any byte */
static int match_pattern(const char *pat, const uint8_t *p, int n)
{
    int i;
    if (strcmp(pat, "-") == 0)
        return n == 0;
    if ((int)strlen(pat) != 2 * n)
        return 0;
    for (i = 0; i < n; i++) {
        if (pat[2 * i] == '?' && pat[2 * i + 1] == '?')
            continue;
        if (hexval(pat[2 * i]) << 4 != (p[i] & 0xF0) || hexval(pat[2 * i + 1]) != (p[i] & 0x0F))
            return 0;
    }
    return 1;
}

typedef struct {
    int ok;                 /* 1: decodes; 0: decode error */
    char err[32];
    unsigned ver, seq, type;
    uint8_t payload[NS_MAX_PAYLOAD];
    int n;
} decoded;

static int parse_decode(const char *s, decoded *d)
{
    char hex[400];   /* 2 * NS_MAX_PAYLOAD hex digits and more */
    memset(d, 0, sizeof *d);
    if (sscanf(s, "ERR %31s", d->err) == 1)
        return 1;
    if (sscanf(s, "OK ver=%u seq=%u type=%u payload=%399s", &d->ver, &d->seq, &d->type, hex) != 4)
        return 0;
    d->ok = 1;
    d->n = parse_hex(hex, d->payload, sizeof d->payload);
    return d->n >= 0;
}

/* what our decoder makes of the wire bytes, in the vector file's words */
static void check_decode(const char *name, const uint8_t *wire, int n, const decoded *want)
{
    uint8_t body[NS_MAX_BODY];
    uint8_t len, r = (uint8_t)decode_all(wire, (unsigned)n, body, NS_MAX_BODY, &len);
    const char *got = r == NS_COBS_BAD ? "BAD_COBS" : r == NS_COBS_OVERSIZED ? "OVERSIZED" : r != NS_COBS_FRAME ? "?" : "";
    if (r == NS_COBS_FRAME) {
        uint8_t c = ns_frame_check(body, len);
        got = c == NS_FRAME_TOO_SHORT ? "TOO_SHORT" : c == NS_FRAME_BAD_CRC ? "BAD_CRC" : "";
    }
    if (!want->ok) {
        CHECK(strcmp(got, want->err) == 0, "vector %s: decoded as '%s', expected %s", name, got, want->err);
        return;
    }
    CHECK(got[0] == 0 && len == want->n + 5 && body[0] == want->ver && body[1] == want->seq && body[2] == want->type
              && memcmp(body + 3, want->payload, (size_t)want->n) == 0,
          "vector %s: decodes differently (%s)", name, got);
    /* and our encoder gives the same, canonical, bytes */
    sink_len = 0;
    ns_cobs_encode(body, len, sink_put);
    sink_put(0);
    CHECK((int)sink_len == n && memcmp(sink, wire, (size_t)n) == 0, "vector %s: re-encoding differs", name);
}

static void check_reply(const char *name, const char *reply, const decoded *req)
{
    uint8_t body[NS_MAX_BODY];
    int len;
    char kind[8] = "", arg[200] = "";
    unsigned detail = 0;
    if (strcmp(reply, "none") == 0) {
        CHECK(tp_out_len == 0, "vector %s: expected no reply, got %u bytes", name, tp_out_len);
        return;
    }
    len = one_response(body);
    if (len < 0) {
        CHECK(0, "vector %s: no valid response frame", name);
        return;
    }
    sscanf(reply, "%7s %199s detail=%u", kind, arg, &detail);
    CHECK(body[0] == 1 && body[1] == req->seq, "vector %s: response ver/seq", name);
    if (strcmp(kind, "ACK") == 0) {
        CHECK(body[2] == (req->type | 0x80) && match_pattern(arg, body + 3, len - 5),
              "vector %s: expected ACK %s", name, arg);
    } else {
        int e = err_code(arg);
        CHECK(strcmp(kind, "NACK") == 0 && e > 0 && body[2] == 0xFF && len == 9 && body[3] == req->type
                  && body[4] == e && le16(body + 5) == detail,
              "vector %s: expected NACK %s detail=%u, got type %u error %u detail %u", name, arg, detail,
              body[2], len == 9 ? body[4] : 0, len == 9 ? le16(body + 5) : 0);
    }
}

/* PROTOCOL.md §Test vectors: a board without the physical channel answers the PHYS_PULSE and PHYS_READ lines
 * listed with an ACK with NACK PHYS_UNAVAILABLE detail=0 */
static const char *reply_for_this_board(const decoded *req, const char *reply)
{
    if (!tp_phys_channels && req->ok && (req->type == NS_T_PHYS_PULSE || req->type == NS_T_PHYS_READ)
        && strncmp(reply, "ACK", 3) == 0)
        return "NACK PHYS_UNAVAILABLE detail=0";
    return reply;
}

/* The whole script on one fresh board, without the physical channel (phys_channels 0) or with one whose ADC
 * reads adc_code. */
static void test_protocol_vectors(const char *root, uint8_t phys_channels, uint16_t adc_code)
{
    FILE *f = open_fixture(root, "protocol-vectors.txt");
    char line[2048];
    int vectors = 0, h2b = 0, bad_unchanged = 0, bad_total = 0, phys_acks = 0;
    if (!f)
        return;
    tp_reset();
    tp_phys_channels = phys_channels;
    tp_adc_code = adc_code;
    ns_board_init(&board);
    while (fgets(line, sizeof line, f)) {
        char *fld[6];
        uint8_t wire[600];
        int n;
        decoded d;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (split(line, fld, 6) != 6 || (n = parse_hex(fld[2], wire, sizeof wire)) <= 0 || !parse_decode(fld[3], &d)) {
            CHECK(0, "protocol-vectors.txt: malformed line '%.60s'", fld[0]);
            continue;
        }
        vectors++;
        check_decode(fld[1], wire, n, &d);
        if (strcmp(fld[0], "H2B") == 0) {
            snapshot before;
            const char *reply = reply_for_this_board(&d, fld[5]);
            int refused = strcmp(reply, "none") == 0 || strncmp(reply, "NACK", 4) == 0;
            h2b++;
            if (d.ok && (d.type == NS_T_PHYS_PULSE || d.type == NS_T_PHYS_READ) && strncmp(reply, "ACK", 3) == 0)
                phys_acks++;
            take(&before);
            tp_out_len = 0;
            feed(wire, (unsigned)n);
            check_reply(fld[1], reply, &d);
            if (refused) {   /* malformed or refused frames never change the board's state */
                bad_total++;
                if (same_state(&before))
                    bad_unchanged++;
                else
                    CHECK(0, "vector %s changed the board's state", fld[1]);
            }
        }
    }
    fclose(f);
    CHECK(vectors >= 60 && h2b >= 50, "only %d vectors", vectors);
    CHECK(bad_total >= 20 && bad_unchanged == bad_total, "%d of %d refused frames left the state unchanged",
          bad_unchanged, bad_total);
    CHECK(!phys_channels || phys_acks >= 4, "only %d PHYS_PULSE/PHYS_READ vectors answered with an ACK", phys_acks);
    printf("protocol vectors (%s): %d frames, %d sent to the board, %d refused ones left its state unchanged\n",
           phys_channels ? "with the physical channel" : "no physical channel", vectors, h2b, bad_unchanged);
}

/* ---------- every bad vector, then the weights read back over the protocol ---------- */
static void test_bad_vectors_keep_weights(const char *root)
{
    static const uint16_t codes[8][2] = {{10300, 10000}, {10000, 10150}, {12000, 11000}, {10000, 10064},
                                         {0, 40000},     {20000, 19900}, {5, 0},         {10512, 10000}};
    uint8_t p[80], rtype, resp[80], before[80];
    int i, n, sent = 0, before_n;
    uint16_t crc = NS_CRC16_INIT;
    char line[2048];
    FILE *f = open_fixture(root, "protocol-vectors.txt");
    if (!f)
        return;
    tp_reset();
    ns_board_init(&board);
    memcpy(p, "\x02\x03\x03\x08\x00\x01", 6);
    CHECK(request(200, NS_T_CONFIGURE, p, 6, &rtype, resp) == 2 && rtype == 0x82, "configure 2x3");
    p[0] = 0;
    p[1] = 0;
    p[2] = 8;
    for (i = 0; i < 8; i++) {
        p[3 + 4 * i] = (uint8_t)codes[i][0];
        p[4 + 4 * i] = (uint8_t)(codes[i][0] >> 8);
        p[5 + 4 * i] = (uint8_t)codes[i][1];
        p[6 + 4 * i] = (uint8_t)(codes[i][1] >> 8);
    }
    crc = ns_crc16(p + 3, 32);
    CHECK(request(201, NS_T_WRITE_STAGE, p, 35, &rtype, resp) == 3 && rtype == 0x85, "stage 8 synapses");
    p[0] = 8;
    p[1] = 0;
    p[2] = (uint8_t)crc;
    p[3] = (uint8_t)(crc >> 8);
    CHECK(request(202, NS_T_COMMIT, p, 4, &rtype, resp) == 2 && rtype == 0x86, "commit");
    memcpy(p, "\x00\x00\x08", 3);
    before_n = request(203, NS_T_READ_WEIGHTS, p, 3, &rtype, before);
    CHECK(before_n == 51, "read weights before");

    while (fgets(line, sizeof line, f)) {
        char *fld[6];
        uint8_t wire[600];
        if (line[0] == '#' || split(line, fld, 6) != 6 || strcmp(fld[0], "H2B") != 0
            || strncmp(fld[1], "bad.", 4) != 0)
            continue;
        n = parse_hex(fld[2], wire, sizeof wire);
        tp_out_len = 0;
        feed(wire, (unsigned)n);
        sent++;
        if (tp_out_len) {   /* a reply to a bad frame must be a NACK, whatever state the board is in */
            uint8_t body[NS_MAX_BODY];
            int len = one_response(body);
            CHECK(len > 0 && body[2] == 0xFF, "bad vector %s was accepted", fld[1]);
        }
    }
    fclose(f);
    memcpy(p, "\x00\x00\x08", 3);
    n = request(204, NS_T_READ_WEIGHTS, p, 3, &rtype, resp);
    CHECK(sent >= 20, "only %d bad vectors", sent);
    CHECK(n == before_n && memcmp(resp, before, (size_t)n) == 0, "weights changed after the bad vectors");
    for (i = 0; i < 8; i++)
        CHECK(le16(resp + 3 + 6 * i) == codes[i][0] && le16(resp + 5 + 6 * i) == codes[i][1], "synapse %d codes", i);
    printf("bad vectors: %d sent, weights read back unchanged\n", sent);
}

/* ---------- duplicates: a retransmitted APPLY_PULSES pulses once ---------- */
static void test_duplicates(void)
{
    uint8_t p[8], rtype, r1[80], r2[80], wire[100];
    unsigned w;
    int n1, n2;
    tp_reset();
    ns_board_init(&board);
    board.code[0][0] = 10000;
    memcpy(p, "\x00\x00\x00\x00\x00\x05\x00", 7);   /* synapse 0, plus, SET, amp 0, 5 pulses */
    w = make_frame(1, 9, NS_T_APPLY_PULSES, p, 7);
    memcpy(wire, sink, w);
    tp_out_len = 0;
    feed(wire, w);
    n1 = one_response(r1);
    tp_out_len = 0;
    feed(wire, w);
    n2 = one_response(r2);
    CHECK(n1 > 0 && n1 == n2 && memcmp(r1, r2, (size_t)n1) == 0, "retransmission answered from the cache");
    CHECK(board.counters.pulses == 5 && board.counters.duplicates == 1, "pulsed once: %lu pulses",
          (unsigned long)board.counters.pulses);
    /* the same seq with another payload is a new request */
    p[5] = 1;
    CHECK(request(9, NS_T_APPLY_PULSES, p, 7, &rtype, r1) == 6 && board.counters.pulses == 6, "new content, same seq");
}

/* The largest configuration (68 synapses) in two WRITE_STAGE frames of up to NS_MAX_STAGE_COUNT synapses, one
 * more synapse than that refused, then COMMIT and a read-back of every code. */
static void test_stage_max_payload(void)
{
    uint8_t p[NS_MAX_PAYLOAD + 8], rtype, r[80], staged[4 * NS_MAX_SYNAPSES], seq = 1;
    uint16_t s, n, offset, crc;
    uint8_t count, j, ok = 1;
    tp_reset();
    ns_board_init(&board);
    memcpy(p, "\x04\x10\x00\x08\x00\x01", 6);   /* 4 x 16 = 68 synapses */
    CHECK(request(seq++, NS_T_CONFIGURE, p, 6, &rtype, r) == 2 && le16(r) == NS_MAX_SYNAPSES, "configure 4x16");
    n = NS_MAX_SYNAPSES;
    for (s = 0; s < n; s++) {
        uint16_t plus = (uint16_t)(1000 + 37 * s), minus = (uint16_t)(900 + 11 * s);
        staged[4 * s] = (uint8_t)plus;
        staged[4 * s + 1] = (uint8_t)(plus >> 8);
        staged[4 * s + 2] = (uint8_t)minus;
        staged[4 * s + 3] = (uint8_t)(minus >> 8);
    }
    p[0] = 0;
    p[1] = 0;
    p[2] = NS_MAX_STAGE_COUNT + 1;
    CHECK(request(seq++, NS_T_WRITE_STAGE, p, 3, &rtype, r) == 4 && rtype == NS_T_NACK && r[1] == NS_E_BAD_ARG
          && le16(r + 2) == 2, "count %d > %d: BAD_ARG 2", NS_MAX_STAGE_COUNT + 1, NS_MAX_STAGE_COUNT);
    for (offset = 0; offset < n; offset = (uint16_t)(offset + count)) {
        count = (uint8_t)(n - offset < NS_MAX_STAGE_COUNT ? n - offset : NS_MAX_STAGE_COUNT);
        p[0] = (uint8_t)offset;
        p[1] = (uint8_t)(offset >> 8);
        p[2] = count;
        memcpy(p + 3, staged + 4 * offset, 4u * count);
        ok &= request(seq++, NS_T_WRITE_STAGE, p, (uint8_t)(3 + 4 * count), &rtype, r) == 3 && rtype == 0x85
            && r[2] == count;
    }
    CHECK(ok && NS_MAX_STAGE_COUNT >= 34, "68 synapses staged in 2 frames of up to %d", NS_MAX_STAGE_COUNT);
    crc = ns_crc16(staged, 4u * n);
    p[0] = (uint8_t)n;
    p[1] = (uint8_t)(n >> 8);
    p[2] = (uint8_t)crc;
    p[3] = (uint8_t)(crc >> 8);
    CHECK(request(seq++, NS_T_COMMIT, p, 4, &rtype, r) == 2 && rtype == 0x86, "commit 68");
    ok = 1;
    for (offset = 0; offset < n; offset = (uint16_t)(offset + count)) {
        count = (uint8_t)(n - offset < NS_MAX_READ_COUNT ? n - offset : NS_MAX_READ_COUNT);
        p[0] = (uint8_t)offset;
        p[1] = (uint8_t)(offset >> 8);
        p[2] = count;
        ok &= request(seq++, NS_T_READ_WEIGHTS, p, 3, &rtype, r) == 3 + 6 * count;
        for (j = 0; j < count; j++)
            ok &= memcmp(r + 3 + 6 * j, staged + 4 * (offset + j), 4) == 0;
    }
    CHECK(ok, "every committed code read back");
}

/* ---------- physical channel through a fake front end ---------- */
static void test_phys(void)
{
    uint8_t p[16], rtype, r[80];
    float rs = 10000.0f, ohm;
    tp_reset();
    ns_board_init(&board);
    p[0] = 4;
    CHECK(request(7, NS_T_PHYS_READ, p, 1, &rtype, r) == 4 && rtype == 0xFF && r[1] == NS_E_PHYS_UNAVAILABLE,
          "no physical channel: PHYS_UNAVAILABLE");
    tp_phys_channels = 1;
    memcpy(p, &rs, 4);
    CHECK(request(1, NS_T_PHYS_CONFIG, p, 4, &rtype, r) == 4 && lef(r) == rs, "PHYS_CONFIG");
    tp_adc_code = 512;
    p[0] = 4;
    CHECK(request(2, NS_T_PHYS_READ, p, 1, &rtype, r) == 7 && le16(r) == 2048 && r[2] == 4, "PHYS_READ sum");
    ohm = lef(r + 3);
    CHECK(fabs(ohm - 10000.0 * 512.0 / 511.0) < 0.01, "divider: R = R_s*m/(1023-m), got %g", ohm);
    tp_adc_code = 1023;
    CHECK(request(3, NS_T_PHYS_READ, p, 1, &rtype, r) == 7 && isinf(lef(r + 3)), "open circuit: +inf");
    tp_adc_code = 0;
    CHECK(request(4, NS_T_PHYS_READ, p, 1, &rtype, r) == 7 && lef(r + 3) == 0.0f, "short: 0 ohm");
    memcpy(p, "\x01\x64\x00\x00\x00\x03\x00\x32\x00\x00\x00", 11);   /* RESET pin, 100 us, 3x, gap 50 us */
    CHECK(request(5, NS_T_PHYS_PULSE, p, 11, &rtype, r) == 2 && le16(r) == 3, "PHYS_PULSE ack");
    CHECK(tp_pulse_pin == 1 && tp_pulse_width_us == 100 && tp_pulse_count == 3 && tp_pulse_gap_us == 50
              && board.counters.phys_pulses == 3,
          "pulse reached the pins");
    memcpy(p, "\x00\x00\x87\x93\x03\xe8\x03\x00\x87\x93\x03", 11);   /* 60 s + 60 s, 1000x: too long */
    CHECK(request(6, NS_T_PHYS_PULSE, p, 11, &rtype, r) == 4 && rtype == 0xFF && r[1] == NS_E_BAD_ARG && r[2] == 7,
          "total pulse time bounded");
}

/* ---------- EEPROM: a reset at every point of a write ---------- */
static void power_cycle(void)
{
    tp_eeprom_writes_left = -1;
    memset(&board, 0xA5, sizeof board);   /* RAM does not survive */
    ns_board_init(&board);
}

static void test_eeprom_power_loss(void)
{
    uint8_t image[1024], rtype, r[80], p[8];
    uint16_t held[NS_MAX_SYNAPSES][2], new_codes[NS_MAX_SYNAPSES][2];   /* in EEPROM before / after a save */
    unsigned long total;
    long k;
    int round, s, bad = 0, tried = 0;
    tp_reset();
    ns_board_init(&board);
    CHECK(request(1, NS_T_LOAD_EEPROM, p, 0, &rtype, r) == 4 && r[1] == NS_E_EEPROM_EMPTY, "blank EEPROM");
    memset(held, 0, sizeof held);   /* blank EEPROM: the board boots with the defaults, all codes 0 */
    for (round = 0; round < 3; round++) {   /* three saves: into slot 0, slot 1, slot 0 again */
        for (s = 0; s < NS_MAX_SYNAPSES; s++) {
            new_codes[s][0] = (uint16_t)(1000 * (round + 1) + s);
            new_codes[s][1] = (uint16_t)(50000 - s * round);
        }
        memcpy(board.code, new_codes, sizeof new_codes);
        memcpy(image, tp_eeprom, sizeof image);
        tp_eeprom_writes = 0;
        CHECK(request((uint8_t)(10 + round), NS_T_SAVE_EEPROM, p, 0, &rtype, r) == 5 && r[4] == round % 2
                  && le32(r) == (uint32_t)round + 1,
              "save %d: generation %u slot %u", round, le32(r), r[4]);
        total = tp_eeprom_writes;
        for (k = 0; k <= (long)total; k++) {
            memcpy(tp_eeprom, image, sizeof image);
            power_cycle();
            memcpy(board.code, new_codes, sizeof new_codes);
            tp_eeprom_writes_left = k;   /* the power fails after k byte writes */
            make_frame(1, 7, NS_T_SAVE_EEPROM, p, 0);
            feed(sink, sink_len);
            power_cycle();
            tried++;
            bad += memcmp(board.code, k < (long)total ? held : new_codes, sizeof held) != 0;
        }
        memcpy(held, new_codes, sizeof held);
    }
    CHECK(bad == 0, "%d of %d interrupted saves booted into a state that is neither old nor new", bad, tried);
    printf("EEPROM: %d interrupted saves, each booted into the previous or the new state\n", tried);
    /* a flipped bit in the newest slot: boot falls back to the other */
    tp_eeprom[32 + 20] ^= 0x10;   /* inside slot 0, the newest after three saves */
    power_cycle();
    CHECK(board.code[0][0] == 2000, "corrupt newest slot -> the previous slot (code %u)", board.code[0][0]);
    /* board id survives a power cycle and an interrupted rewrite */
    p[0] = 0x34;
    p[1] = 0x12;
    CHECK(request(20, NS_T_SET_BOARD_ID, p, 2, &rtype, r) == 2 && le16(r) == 0x1234, "set board id");
    tp_eeprom_writes_left = 3;
    p[0] = 0x78;
    p[1] = 0x56;
    make_frame(1, 21, NS_T_SET_BOARD_ID, p, 2);
    feed(sink, sink_len);
    power_cycle();
    CHECK(board.board_id == 0x1234, "interrupted id write keeps the old id");
}

int main(int argc, char **argv)
{
    const char *root = argc > 1 ? argv[1] : "..";
    test_crc();
    test_cobs();
    test_fixedpoint_vectors(root);
    test_device();
    test_protocol_vectors(root, 0, 0);
    test_protocol_vectors(root, 1, 512);
    test_bad_vectors_keep_weights(root);
    test_duplicates();
    test_stage_max_payload();
    test_phys();
    test_eeprom_power_loss();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
