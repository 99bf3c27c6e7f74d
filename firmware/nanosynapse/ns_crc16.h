/* CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, xorout 0; check "123456789" = 0x29B1).
 * Used for frames, the COMMIT check and EEPROM slots (PROTOCOL.md §Framing). */
#ifndef NS_CRC16_H
#define NS_CRC16_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

#define NS_CRC16_INIT 0xFFFFu

uint16_t ns_crc16_update(uint16_t crc, uint8_t byte);
uint16_t ns_crc16(const uint8_t *data, uint16_t len);

#ifdef __cplusplus
}
#endif
#endif
