/*
 * testfw.c - tiny ATmega328P test firmware for the harness tests (plain avr-libc, no Arduino core).
 * 115200 8N1 with U2X like the Arduino core. Line commands, one reply line each:
 *   E<text>\n  echoes the whole line back byte by byte as it arrives (no buffer, any length)
 *   A\n        "A <adc0>" : one 10-bit conversion of A0 against AVCC
 *   S<n>\n     n SET pulses, 10 us each, on D5 (PD5)      -> "S ok"
 *   R<n>\n     n RESET pulses, 10 us each, on D6 (PD6)    -> "R ok"
 *   s\n        one 2-cycle (0.125 us) glitch on D5        -> "s ok"
 *   H\n / L\n  D13 (PB5) high / low                       -> "H ok" / "L ok"
 *   P\n        "P <D2>" : the level of D2 (PD2, input)
 * At boot it prints "BOOT n=<boot count>"; the count lives in EEPROM (erased 0xFFFF + 1 = 0 on the first boot),
 * so it survives resets.
 */
#include <avr/io.h>
#include <avr/eeprom.h>
#include <util/delay.h>
#include <stdint.h>

static void put(char c) { while (!(UCSR0A & (1 << UDRE0))); UDR0 = c; }
static char get(void) { while (!(UCSR0A & (1 << RXC0))); return UDR0; }
static void puts_(const char *s) { while (*s) put(*s++); }

static void put_uint(uint16_t v)
{
	char buf[6];
	int i = 0;
	do { buf[i++] = '0' + v % 10; v /= 10; } while (v);
	while (i) put(buf[--i]);
}

static uint16_t read_number(void)    /* digits up to the newline */
{
	uint16_t v = 0;
	char c;
	while ((c = get()) != '\n') if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
	return v;
}

static void skip_line(void) { while (get() != '\n'); }

static uint16_t adc0(void)
{
	ADMUX = (1 << REFS0);                     /* AVCC reference, channel 0 */
	ADCSRA = (1 << ADEN) | (1 << ADSC) | 7;   /* prescaler 128 */
	while (ADCSRA & (1 << ADSC));
	return ADC;
}

static void pulses(uint8_t pin, uint16_t n)
{
	while (n--) {
		PORTD |= (1 << pin);
		_delay_us(10);
		PORTD &= ~(1 << pin);
		_delay_us(10);
	}
}

int main(void)
{
	UCSR0A = (1 << U2X0);
	UBRR0 = 16;                               /* 115200 at 16 MHz, as the Arduino core sets it */
	UCSR0B = (1 << RXEN0) | (1 << TXEN0);
	UCSR0C = (1 << UCSZ01) | (1 << UCSZ00);
	DDRD = (1 << PD5) | (1 << PD6);
	DDRB = (1 << PB5);

	uint16_t boots = eeprom_read_word((uint16_t *)0) + 1;
	eeprom_write_word((uint16_t *)0, boots);
	puts_("BOOT n="); put_uint(boots); put('\n');

	for (;;) {
		char c = get();
		switch (c) {
		case 'E': put(c); do { c = get(); put(c); } while (c != '\n'); break;
		case 'A': skip_line(); puts_("A "); put_uint(adc0()); put('\n'); break;
		case 'S': pulses(PD5, read_number()); puts_("S ok\n"); break;
		case 'R': pulses(PD6, read_number()); puts_("R ok\n"); break;
		case 's': skip_line(); PORTD |= (1 << PD5); PORTD &= ~(1 << PD5); puts_("s ok\n"); break;
		case 'H': skip_line(); PORTB |= (1 << PB5); puts_("H ok\n"); break;
		case 'L': skip_line(); PORTB &= ~(1 << PB5); puts_("L ok\n"); break;
		case 'P': skip_line(); puts_("P "); put((PIND & (1 << PD2)) ? '1' : '0'); put('\n'); break;
		case '\n': break;
		default: skip_line(); puts_("? unknown\n"); break;
		}
	}
}
