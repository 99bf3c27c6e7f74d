/* Reset-safe EEPROM records: two slots per record, each with a CRC and a generation counter; readers take
 * the newest valid slot, writers overwrite the other one (PROTOCOL.md §Persistence).
 * Slot layout: magic u16, generation u32, length u16, crc u16, data[length]; the CRC covers generation,
 * length and data. A write erases the magic first and writes it last, so a reset anywhere in between
 * leaves the slot invalid and the other slot (the previous state) in force. */
#ifndef NS_EEPROM_H
#define NS_EEPROM_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

#define NS_EE_HEADER 10u

typedef struct {
    uint16_t base;       /* EEPROM address of slot 0 */
    uint16_t capacity;   /* largest data length; slot 1 starts at base + NS_EE_HEADER + capacity */
    uint16_t magic;      /* names the record and its data layout; never 0xFFFF (erased) */
} ns_ee_record;

typedef struct {
    int8_t slot;         /* -1: no valid slot */
    uint32_t generation;
    uint16_t length;
} ns_ee_found;

/* newest valid slot of a record (reads the whole slot to check its CRC; needs no RAM buffer) */
ns_ee_found ns_ee_newest(const ns_ee_record *r);
void ns_ee_read(const ns_ee_record *r, uint8_t slot, uint16_t offset, void *dst, uint16_t len);

/* A write in pieces, so callers stream their state without a RAM copy:
 * begin (length known up front) -> put ... -> end. end returns 0 on success, -1 if the read-back fails. */
typedef struct {
    const ns_ee_record *r;
    uint8_t slot;
    uint32_t generation;
    uint16_t length;
    uint16_t written;
    uint16_t crc;
} ns_ee_writer;

void ns_ee_begin(ns_ee_writer *w, const ns_ee_record *r, uint16_t length);
void ns_ee_put(ns_ee_writer *w, const void *src, uint16_t len);
int8_t ns_ee_end(ns_ee_writer *w);

#ifdef __cplusplus
}
#endif
#endif
