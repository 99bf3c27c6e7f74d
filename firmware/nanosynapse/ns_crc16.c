#include "ns_crc16.h"

/* Bit-wise rather than table-driven: 512 bytes of table would cost flash (or SRAM on AVR) for a few
 * hundred bytes per second of traffic. */
uint16_t ns_crc16_update(uint16_t crc, uint8_t byte)
{
    uint8_t bit;
    crc ^= (uint16_t)byte << 8;
    for (bit = 0; bit < 8; bit++)
        crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
    return crc;
}

uint16_t ns_crc16(const uint8_t *data, uint16_t len)
{
    uint16_t crc = NS_CRC16_INIT;
    while (len--)
        crc = ns_crc16_update(crc, *data++);
    return crc;
}
