#include "test_platform.h"
#include "../nanosynapse/ns_platform.h"
#include <string.h>

uint8_t tp_out[TP_OUT_CAP];
unsigned tp_out_len;
uint8_t tp_eeprom[1024];
long tp_eeprom_writes_left = -1;
unsigned long tp_eeprom_writes;
uint8_t tp_phys_channels;
uint16_t tp_adc_code;
uint32_t tp_pulse_width_us, tp_pulse_gap_us;
uint16_t tp_pulse_count;
uint8_t tp_pulse_pin;

void tp_reset(void)
{
    memset(tp_eeprom, 0xFF, sizeof tp_eeprom);   /* an erased ATmega EEPROM reads 0xFF */
    tp_out_len = 0;
    tp_eeprom_writes_left = -1;
    tp_eeprom_writes = 0;
    tp_phys_channels = 0;
    tp_adc_code = 0;
}

void ns_platform_putc(uint8_t byte)
{
    if (tp_out_len < TP_OUT_CAP)
        tp_out[tp_out_len++] = byte;
}

uint32_t ns_platform_micros(void) { return 0; }

uint8_t ns_platform_eeprom_read(uint16_t addr) { return addr < sizeof tp_eeprom ? tp_eeprom[addr] : 0xFF; }

void ns_platform_eeprom_write(uint16_t addr, uint8_t value)
{
    if (addr >= sizeof tp_eeprom || tp_eeprom_writes_left == 0)
        return;
    if (tp_eeprom[addr] == value)   /* like eeprom_update_byte: unchanged bytes are not written */
        return;
    tp_eeprom[addr] = value;
    tp_eeprom_writes++;
    if (tp_eeprom_writes_left > 0)
        tp_eeprom_writes_left--;
}

uint8_t ns_platform_phys_channels(void) { return tp_phys_channels; }

void ns_platform_pulse(uint8_t pin, uint32_t width_us, uint16_t count, uint32_t gap_us)
{
    tp_pulse_pin = pin;
    tp_pulse_width_us = width_us;
    tp_pulse_count = count;
    tp_pulse_gap_us = gap_us;
}

uint16_t ns_platform_adc_read(void) { return tp_adc_code; }
