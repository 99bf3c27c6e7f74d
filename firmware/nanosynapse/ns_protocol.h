/* The board behind the wire protocol (PROTOCOL.md): frame reception, duplicate suppression, the message
 * handlers and the board state. Portable C: no Arduino calls (those are in ns_platform.h). */
#ifndef NS_PROTOCOL_H
#define NS_PROTOCOL_H
#include <stdint.h>
#include "ns_cobs.h"
#include "ns_device.h"
#ifdef __cplusplus
extern "C" {
#endif

#define NS_FW_NAME "nanosynapse"
#define NS_FW_MAJOR 1
#define NS_FW_MINOR 1
#define NS_FW_PATCH 0
#define NS_PROTOCOL_VERSION 1

/* Capacities (IDENTIFY). 68 synapses = 4 neurons x (16 inputs + bias); the pool may be shaped otherwise. */
#define NS_MAX_NEURONS 8
#define NS_MAX_INPUTS 32
#define NS_MAX_SYNAPSES 68
#define NS_MAX_AMPLITUDES 4
/* Request payloads up to NS_MAX_PAYLOAD: a WRITE_STAGE carries up to NS_MAX_STAGE_COUNT synapses, so the 68 of the
 * largest configuration go in two frames (any limit from 139 to 250 bytes needs two; 160 keeps SRAM margin).
 * The board's own responses are at most NS_MAX_RESP_PAYLOAD (READ_WEIGHTS: 10 synapses = 63 bytes), so the
 * response buffer (the duplicate cache) stays small. */
#define NS_MAX_PAYLOAD 160
#define NS_MAX_STAGE_COUNT ((NS_MAX_PAYLOAD - 3) / 4)
#define NS_MAX_RESP_PAYLOAD 64
#define NS_MAX_READ_COUNT 10
#define NS_HEADER 3
#define NS_MAX_BODY (NS_HEADER + NS_MAX_PAYLOAD + 2)
#define NS_MAX_RESP_BODY (NS_HEADER + NS_MAX_RESP_PAYLOAD + 2)
#define NS_STAGE_UNORDERED 0xFF

enum {
    NS_T_IDENTIFY = 0x01, NS_T_CONFIGURE, NS_T_LOAD_DEVICE_PARAMS, NS_T_READ_DEVICE_PARAMS, NS_T_WRITE_STAGE,
    NS_T_COMMIT, NS_T_ABORT_STAGE, NS_T_READ_WEIGHTS, NS_T_APPLY_PULSES, NS_T_READ_SYNAPSE, NS_T_INFER,
    NS_T_SAVE_EEPROM, NS_T_LOAD_EEPROM, NS_T_COUNTERS, NS_T_RESET, NS_T_SET_BOARD_ID, NS_T_PHYS_CONFIG,
    NS_T_PHYS_PULSE, NS_T_PHYS_READ,
    NS_T_ACK_FLAG = 0x80,
    NS_T_NACK = 0xFF
};

enum {
    NS_OK = 0, NS_E_BAD_VERSION, NS_E_UNKNOWN_TYPE, NS_E_BAD_LENGTH, NS_E_BAD_ARG, NS_E_STAGE_COUNT,
    NS_E_STAGE_INCOMPLETE, NS_E_STAGE_CRC, NS_E_NO_PARAMS, NS_E_EEPROM_EMPTY, NS_E_EEPROM_FAIL,
    NS_E_PHYS_UNAVAILABLE
};

typedef struct {
    uint8_t n_neurons;
    uint8_t n_inputs;
    uint8_t activation;
    uint8_t frac_bits;
    uint16_t k;
} ns_config;

typedef struct {
    float g_lsb_s;          /* conductance of one code step */
    float read_voltage_v;   /* recorded for the host */
    float pulse_width_s;    /* recorded for the host */
    uint8_t loaded;         /* bit (polarity * NS_MAX_AMPLITUDES + amp_index) */
    ns_powerlaw law[2][NS_MAX_AMPLITUDES];   /* [polarity 0 SET / 1 RESET][amplitude index] */
} ns_device_params;

typedef struct {
    uint32_t frames_good, frames_bad, duplicates, nacks, pulses, phys_pulses, eeprom_saves;
} ns_counters;

typedef struct {
    /* what SAVE_EEPROM keeps */
    ns_config cfg;
    ns_device_params dev;
    float series_resistor_ohm;
    uint16_t code[NS_MAX_SYNAPSES][2];       /* [synapse][0 = c+, 1 = c-] */
    /* derived and volatile */
    int16_t weight[NS_MAX_SYNAPSES];         /* cache of ns_weight(code) */
    uint16_t stage[NS_MAX_SYNAPSES][2];
    uint8_t staged[(NS_MAX_SYNAPSES + 7) / 8];
    uint16_t stage_crc;                      /* CRC of the codes staged in order from synapse 0 ... */
    uint8_t stage_next;                      /* ... up to here; NS_STAGE_UNORDERED after any other write */
    uint16_t board_id;
    ns_counters counters;
    /* link */
    ns_cobs_decoder rx;
    uint8_t rx_buf[NS_MAX_BODY];
    uint8_t resp[NS_MAX_RESP_BODY];          /* the last response, re-sent for a duplicate */
    uint8_t resp_len;
    uint8_t cache_valid;
    uint8_t weights_stale;                   /* COMMIT replaced the codes: recompute after its answer is out */
    uint8_t last_seq, last_type;
    uint16_t last_crc;
} ns_board;

/* Integrity of a decoded body (PROTOCOL.md §Framing): length >= 5 and CRC. */
enum { NS_FRAME_OK = 0, NS_FRAME_TOO_SHORT, NS_FRAME_BAD_CRC };
uint8_t ns_frame_check(const uint8_t *body, uint8_t len);

/* power-on: state from the newest valid EEPROM slot (else defaults), empty duplicate cache */
void ns_board_init(ns_board *b);
/* feed one received byte; a complete frame is handled and answered through ns_platform_putc */
void ns_board_rx(ns_board *b, uint8_t byte);
uint16_t ns_board_synapses(const ns_board *b);

#ifdef __cplusplus
}
#endif
#endif
