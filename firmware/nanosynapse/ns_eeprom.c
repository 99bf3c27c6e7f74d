#include "ns_eeprom.h"
#include "ns_crc16.h"
#include "ns_platform.h"

static uint16_t slot_addr(const ns_ee_record *r, uint8_t slot)
{
    return (uint16_t)(r->base + slot * (NS_EE_HEADER + r->capacity));
}

static uint32_t read_le(uint16_t addr, uint8_t n)
{
    uint32_t v = 0;
    while (n--)
        v = (v << 8) | ns_platform_eeprom_read((uint16_t)(addr + n));
    return v;
}

static void write_le(uint16_t addr, uint32_t v, uint8_t n)
{
    uint8_t i;
    for (i = 0; i < n; i++, v >>= 8)
        ns_platform_eeprom_write((uint16_t)(addr + i), (uint8_t)v);
}

static uint16_t crc_le(uint16_t crc, uint32_t v, uint8_t n)
{
    for (; n; n--, v >>= 8)
        crc = ns_crc16_update(crc, (uint8_t)v);
    return crc;
}

/* 1 if the slot holds a complete record: magic, sane length, CRC over generation, length and data */
static uint8_t slot_valid(const ns_ee_record *r, uint8_t slot, uint32_t *gen, uint16_t *len)
{
    uint16_t a = slot_addr(r, slot), crc, i;
    if (read_le(a, 2) != r->magic)
        return 0;
    *gen = read_le((uint16_t)(a + 2), 4);
    *len = (uint16_t)read_le((uint16_t)(a + 6), 2);
    if (*len > r->capacity)
        return 0;
    crc = crc_le(crc_le(NS_CRC16_INIT, *gen, 4), *len, 2);
    for (i = 0; i < *len; i++)
        crc = ns_crc16_update(crc, ns_platform_eeprom_read((uint16_t)(a + NS_EE_HEADER + i)));
    return crc == (uint16_t)read_le((uint16_t)(a + 8), 2);
}

ns_ee_found ns_ee_newest(const ns_ee_record *r)
{
    ns_ee_found f;
    uint32_t gen;
    uint16_t len;
    uint8_t s;
    f.slot = -1;
    f.generation = 0;
    f.length = 0;
    for (s = 0; s < 2; s++) {
        if (slot_valid(r, s, &gen, &len) && (f.slot < 0 || gen > f.generation)) {
            f.slot = (int8_t)s;
            f.generation = gen;
            f.length = len;
        }
    }
    return f;
}

void ns_ee_read(const ns_ee_record *r, uint8_t slot, uint16_t offset, void *dst, uint16_t len)
{
    uint8_t *d = (uint8_t *)dst;
    uint16_t a = (uint16_t)(slot_addr(r, slot) + NS_EE_HEADER + offset);
    while (len--)
        *d++ = ns_platform_eeprom_read(a++);
}

void ns_ee_begin(ns_ee_writer *w, const ns_ee_record *r, uint16_t length)
{
    ns_ee_found f = ns_ee_newest(r);
    w->r = r;
    w->slot = f.slot == 0 ? 1 : 0;
    w->generation = f.slot < 0 ? 1 : f.generation + 1;
    w->length = length;
    w->written = 0;
    w->crc = crc_le(crc_le(NS_CRC16_INIT, w->generation, 4), length, 2);
    write_le(slot_addr(r, w->slot), 0, 2);   /* invalidate first: from here on this slot is not trusted */
}

void ns_ee_put(ns_ee_writer *w, const void *src, uint16_t len)
{
    const uint8_t *s = (const uint8_t *)src;
    uint16_t a = (uint16_t)(slot_addr(w->r, w->slot) + NS_EE_HEADER + w->written);
    while (len-- && w->written < w->length) {
        w->crc = ns_crc16_update(w->crc, *s);
        ns_platform_eeprom_write(a++, *s++);
        w->written++;
    }
}

int8_t ns_ee_end(ns_ee_writer *w)
{
    uint16_t a = slot_addr(w->r, w->slot);
    uint32_t gen;
    uint16_t len;
    write_le((uint16_t)(a + 2), w->generation, 4);
    write_le((uint16_t)(a + 6), w->length, 2);
    write_le((uint16_t)(a + 8), w->crc, 2);
    write_le(a, w->r->magic, 2);             /* last: the slot becomes valid only when complete */
    if (w->written != w->length || !slot_valid(w->r, w->slot, &gen, &len) || gen != w->generation)
        return -1;
    return 0;
}
