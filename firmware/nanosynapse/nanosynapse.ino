// NanoSynapse firmware for the Arduino Nano (ATmega328P, 16 MHz): a thin shell around the portable core
// (ns_*.c), which implements firmware/PROTOCOL.md. Opens in the Arduino IDE (board "Arduino Nano");
// `make -C firmware` builds the same files without the IDE.
//
// This file only connects the core to the hardware: Serial at 115200 baud, the EEPROM, micros(), and
// the physical channel for one real memristor:
//   D5 = SET pulse pin, D6 = RESET pulse pin (idle low, high for the pulse width);
//   A0 = middle of a divider 5 V -> R_s -> A0 -> memristor -> GND (R = R_s * code / (1023 - code)).
#include <avr/eeprom.h>
#include "ns_platform.h"
#include "ns_protocol.h"

static const uint8_t SET_PIN_BIT = 5;     // D5 = PD5
static const uint8_t RESET_PIN_BIT = 6;   // D6 = PD6

static ns_board board;

void ns_platform_putc(uint8_t byte) { Serial.write(byte); }

uint32_t ns_platform_micros(void) { return micros(); }

uint8_t ns_platform_eeprom_read(uint16_t addr) { return eeprom_read_byte((const uint8_t *)addr); }

// update, not write: unchanged bytes cost neither time (3.4 ms each) nor EEPROM wear
void ns_platform_eeprom_write(uint16_t addr, uint8_t value) { eeprom_update_byte((uint8_t *)addr, value); }

uint8_t ns_platform_phys_channels(void) { return 1; }

static void wait_us(uint32_t us)
{
    if (us >= 1000) {
        delay(us / 1000);
        us %= 1000;
    }
    if (us)
        delayMicroseconds((unsigned int)us);
}

void ns_platform_pulse(uint8_t pin, uint32_t width_us, uint16_t count, uint32_t gap_us)
{
    uint8_t mask = _BV(pin ? RESET_PIN_BIT : SET_PIN_BIT);
    for (uint16_t i = 0; i < count; i++) {
        // Direct port writes: digitalWrite takes ~4 us, longer than the shortest pulses. Pulses under 1 ms
        // run with interrupts off so the timer interrupt cannot stretch them; longer ones keep millis() alive.
        uint8_t quiet = width_us < 1000;
        uint8_t sreg = SREG;
        if (quiet)
            cli();
        PORTD |= mask;
        wait_us(width_us);
        PORTD &= (uint8_t)~mask;
        SREG = sreg;
        if (i + 1 < count)
            wait_us(gap_us);
    }
}

uint16_t ns_platform_adc_read(void) { return (uint16_t)analogRead(A0); }

void setup()
{
    DDRD |= _BV(SET_PIN_BIT) | _BV(RESET_PIN_BIT);
    PORTD &= (uint8_t)~(_BV(SET_PIN_BIT) | _BV(RESET_PIN_BIT));
    Serial.begin(115200);
    ns_board_init(&board);   // no banner: the host speaks first (PROTOCOL.md §Link)
}

void loop()
{
    while (Serial.available() > 0)
        ns_board_rx(&board, (uint8_t)Serial.read());
}
