/* libFuzzer target on the frame decoder and the dispatcher.
 * Input byte 0 chooses the mode: even = the rest is raw wire bytes (framing, COBS, CRC paths);
 * odd = the rest is cut into requests (length byte, then ver/seq/type/payload) that are given a valid CRC
 * and COBS-encoded, so the fuzzer reaches every handler. Besides crashes and sanitizer reports it aborts
 * when a property breaks: one reply at most per frame, a NACKed or unanswered frame changes no state, and
 * the weight cache matches the codes. */
#include "../nanosynapse/ns_cobs.h"
#include "../nanosynapse/ns_crc16.h"
#include "../nanosynapse/ns_neuron.h"
#include "../nanosynapse/ns_protocol.h"
#include "test_platform.h"
#include <stdlib.h>
#include <string.h>

static ns_board board, before;
static uint8_t wire[2 * NS_MAX_BODY + 8];
static unsigned wire_len;
static void put(uint8_t b) { wire[wire_len++] = b; }

static int persistent_same(void)
{
    return memcmp(&board.cfg, &before.cfg, sizeof board.cfg) == 0
        && memcmp(&board.dev, &before.dev, sizeof board.dev) == 0
        && memcmp(board.code, before.code, sizeof board.code) == 0
        && memcmp(board.stage, before.stage, sizeof board.stage) == 0
        && memcmp(board.staged, before.staged, sizeof board.staged) == 0
        && board.series_resistor_ohm == before.series_resistor_ohm && board.board_id == before.board_id;
}

static void check_invariants(void)
{
    uint16_t s;
    for (s = 0; s < NS_MAX_SYNAPSES; s++)
        if (board.weight[s] != ns_weight(board.code[s][0], board.code[s][1], board.cfg.k))
            abort();
    if (ns_board_synapses(&board) > NS_MAX_SYNAPSES)
        abort();
    /* the running CRC of in-order staging is the CRC of the staged codes 0 .. stage_next-1, all staged */
    if (board.stage_next != NS_STAGE_UNORDERED) {
        uint16_t crc = NS_CRC16_INIT;
        if (board.stage_next > ns_board_synapses(&board))
            abort();
        for (s = 0; s < board.stage_next; s++) {
            if (!(board.staged[s >> 3] & (1u << (s & 7))))
                abort();
            crc = ns_crc16_update(crc, (uint8_t)board.stage[s][0]);
            crc = ns_crc16_update(crc, (uint8_t)(board.stage[s][0] >> 8));
            crc = ns_crc16_update(crc, (uint8_t)board.stage[s][1]);
            crc = ns_crc16_update(crc, (uint8_t)(board.stage[s][1] >> 8));
        }
        if (crc != board.stage_crc)
            abort();
    }
}

/* the output since the frame was fed: nothing, or one frame; returns its type (0 for none) */
static int reply_type(void)
{
    uint8_t body[NS_MAX_BODY];
    ns_cobs_decoder d;
    unsigned i;
    if (tp_out_len == 0)
        return 0;
    ns_cobs_decoder_init(&d, body, NS_MAX_BODY);
    for (i = 0; i < tp_out_len; i++) {
        uint8_t r = ns_cobs_feed(&d, tp_out[i]);
        if ((r == NS_COBS_FRAME) != (i == tp_out_len - 1) || (r != NS_COBS_FRAME && r != NS_COBS_MORE))
            abort();
    }
    if (ns_frame_check(body, d.len) != NS_FRAME_OK)
        abort();
    return body[2];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t i = 1;
    if (size < 1)
        return 0;
    tp_reset();
    tp_phys_channels = data[0] & 2 ? 1 : 0;
    tp_adc_code = (uint16_t)(size * 37 % 1024);
    ns_board_init(&board);
    if (!(data[0] & 1)) {
        for (; i < size; i++)
            ns_board_rx(&board, data[i]);
        check_invariants();
        return 0;
    }
    while (i < size) {
        uint8_t body[NS_MAX_BODY + 2];
        size_t n = data[i++] % (NS_MAX_BODY - 1);   /* ver, seq, type, payload: up to NS_MAX_BODY - 2 */
        uint16_t crc;
        int type;
        if (n > size - i)
            n = size - i;
        memcpy(body, data + i, n);
        i += n;
        crc = ns_crc16(body, (uint16_t)n);
        body[n] = (uint8_t)crc;
        body[n + 1] = (uint8_t)(crc >> 8);
        wire_len = 0;
        ns_cobs_encode(body, (uint8_t)(n + 2), put);
        put(0);
        memcpy(&before, &board, sizeof board);
        tp_out_len = 0;
        for (unsigned k = 0; k < wire_len; k++)
            ns_board_rx(&board, wire[k]);
        type = reply_type();
        /* RESET and LOAD_EEPROM may legitimately replace the state with what the EEPROM holds */
        if ((type == 0 || type == NS_T_NACK) && !persistent_same())
            abort();
        check_invariants();
    }
    return 0;
}
