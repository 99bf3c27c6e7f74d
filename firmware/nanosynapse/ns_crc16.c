#include "ns_crc16.h"
#ifdef __AVR__
#include <util/crc16.h>
#endif

/* Bit-wise rather than table-driven: 512 bytes of table would cost flash (or SRAM on AVR). On the AVR,
 * avr-libc's _crc_xmodem_update is the same step (polynomial 0x1021, MSB first, no reflection; XMODEM differs
 * only in its init value, which is the caller's) as a short branch-free asm sequence: about 20 cycles a byte
 * instead of about 100, which the board spends checking every frame (a 165-byte body) and in COMMIT. */
uint16_t ns_crc16_update(uint16_t crc, uint8_t byte)
{
#ifdef __AVR__
    return _crc_xmodem_update(crc, byte);
#else
    uint8_t bit;
    crc ^= (uint16_t)byte << 8;
    for (bit = 0; bit < 8; bit++)
        crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
    return crc;
#endif
}

uint16_t ns_crc16(const uint8_t *data, uint16_t len)
{
    uint16_t crc = NS_CRC16_INIT;
    while (len--)
        crc = ns_crc16_update(crc, *data++);
    return crc;
}
