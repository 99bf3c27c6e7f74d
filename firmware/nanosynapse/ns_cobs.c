#include "ns_cobs.h"

void ns_cobs_decoder_init(ns_cobs_decoder *d, uint8_t *buf, uint8_t cap)
{
    d->buf = buf;
    d->cap = cap;
    d->len = d->remaining = d->zero_pending = d->started = d->overflow = 0;
}

static void out(ns_cobs_decoder *d, uint8_t b)
{
    if (d->len < d->cap)
        d->buf[d->len++] = b;
    else
        d->overflow = 1;   /* keep consuming until the delimiter, then report OVERSIZED */
}

uint8_t ns_cobs_feed(ns_cobs_decoder *d, uint8_t byte)
{
    uint8_t result;
    if (byte == 0) {
        if (!d->started)
            result = NS_COBS_EMPTY;
        else if (d->overflow)
            result = NS_COBS_OVERSIZED;
        else if (d->remaining)
            result = NS_COBS_BAD;
        else
            result = NS_COBS_FRAME;
        if (result != NS_COBS_FRAME)
            d->len = 0;
        d->remaining = d->zero_pending = d->started = d->overflow = 0;
        return result;
    }
    if (!d->started) {
        d->started = 1;
        d->len = 0;
    }
    if (d->remaining == 0) {
        /* a code byte: the zero implied by the previous block is real only now that more follows */
        if (d->zero_pending)
            out(d, 0);
        d->remaining = (uint8_t)(byte - 1);
        d->zero_pending = (byte != 0xFF);
    } else {
        out(d, byte);
        d->remaining--;
    }
    return NS_COBS_MORE;
}

void ns_cobs_encode(const uint8_t *src, uint8_t len, void (*put)(uint8_t))
{
    uint8_t i = 0, j, k;
    for (;;) {
        j = i;
        while (j < len && src[j] != 0 && j - i < 254)
            j++;
        put((uint8_t)(j - i + 1));
        for (k = i; k < j; k++)
            put(src[k]);
        if (j - i == 254) {   /* full block: no zero consumed */
            i = j;
            continue;
        }
        if (j >= len)
            break;
        i = (uint8_t)(j + 1);  /* skip the zero this block stands for */
    }
}
