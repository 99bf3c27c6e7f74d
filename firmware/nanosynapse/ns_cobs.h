/* COBS framing (Cheshire & Baker 1999) with 0x00 as the frame delimiter (PROTOCOL.md §Framing).
 * The decoder is fed one byte at a time, so the board never buffers more than one decoded body. */
#ifndef NS_COBS_H
#define NS_COBS_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

enum {
    NS_COBS_MORE = 0,      /* frame not finished */
    NS_COBS_FRAME,         /* a frame of d->len bytes is in d->buf */
    NS_COBS_EMPTY,         /* a lone delimiter: ignored */
    NS_COBS_BAD,           /* a code byte ran past the delimiter */
    NS_COBS_OVERSIZED      /* more than cap decoded bytes */
};

typedef struct {
    uint8_t *buf;
    uint8_t cap;
    uint8_t len;
    uint8_t remaining;     /* data bytes left in the current block */
    uint8_t zero_pending;  /* the current block ends in an implied zero, unless it is the last block */
    uint8_t started;
    uint8_t overflow;
} ns_cobs_decoder;

void ns_cobs_decoder_init(ns_cobs_decoder *d, uint8_t *buf, uint8_t cap);
uint8_t ns_cobs_feed(ns_cobs_decoder *d, uint8_t byte);

/* Writes COBS(src) (without the delimiter) through put. */
void ns_cobs_encode(const uint8_t *src, uint8_t len, void (*put)(uint8_t));

#ifdef __cplusplus
}
#endif
#endif
