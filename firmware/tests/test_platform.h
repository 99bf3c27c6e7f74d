/* The native stand-in for the Nano (ns_platform.h) used by the unit tests and the fuzzer: the host link is
 * a byte buffer, the EEPROM 1 KB of RAM that can lose power after a given number of writes, the clock
 * reads 0, and the physical channel is off unless a test switches it on. */
#ifndef TEST_PLATFORM_H
#define TEST_PLATFORM_H
#include <stdint.h>

#define TP_OUT_CAP 4096
extern uint8_t tp_out[TP_OUT_CAP];
extern unsigned tp_out_len;
extern uint8_t tp_eeprom[1024];
extern long tp_eeprom_writes_left;   /* < 0: unlimited; reaching 0 = power lost: later writes are dropped */
extern unsigned long tp_eeprom_writes;
extern uint8_t tp_phys_channels;
extern uint16_t tp_adc_code;
extern uint32_t tp_pulse_width_us, tp_pulse_gap_us;
extern uint16_t tp_pulse_count;
extern uint8_t tp_pulse_pin;

void tp_reset(void);   /* blank EEPROM (0xFF), empty output, no phys channel, unlimited writes */
#endif
