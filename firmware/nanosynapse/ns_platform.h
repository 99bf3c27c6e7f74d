/* What the portable core needs from the machine it runs on. The Arduino sketch implements these with
 * Serial, micros(), EEPROM and the pins; the native tests and the fuzzer implement them in RAM. */
#ifndef NS_PLATFORM_H
#define NS_PLATFORM_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

void ns_platform_putc(uint8_t byte);                 /* one byte to the host */
uint32_t ns_platform_micros(void);                   /* free-running microsecond clock (0 if none) */
uint8_t ns_platform_eeprom_read(uint16_t addr);
void ns_platform_eeprom_write(uint16_t addr, uint8_t value);
uint8_t ns_platform_phys_channels(void);             /* 1 if the pulse pins and the ADC exist, else 0 */
/* pin 0 = SET (D5), 1 = RESET (D6): count pulses high for width_us, low for gap_us between them */
void ns_platform_pulse(uint8_t pin, uint32_t width_us, uint16_t count, uint32_t gap_us);
uint16_t ns_platform_adc_read(void);                 /* one 10-bit reading of A0 */

#ifdef __cplusplus
}
#endif
#endif
