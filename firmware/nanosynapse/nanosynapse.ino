// NanoSynapse firmware for the Arduino Nano (ATmega328P, 16 MHz): a thin shell around the portable core
// (ns_*.c), which implements firmware/PROTOCOL.md. Opens in the Arduino IDE (board "Arduino Nano");
// `make -C firmware` builds the same files without the IDE.
//
// This file only connects the core to the hardware: the UART at 115200 baud (its own small driver, not the
// Arduino Serial), the EEPROM, micros(), and
// the physical channel for one real memristor:
//   D5 = SET pulse pin, D6 = RESET pulse pin (idle low, high for the pulse width);
//   A0 = middle of a divider 5 V -> R_s -> A0 -> memristor -> GND (R = R_s * code / (1023 - code)).
#include <avr/eeprom.h>
#include "ns_platform.h"
#include "ns_protocol.h"

static const uint8_t SET_PIN_BIT = 5;     // D5 = PD5
static const uint8_t RESET_PIN_BIT = 6;   // D6 = PD6

static ns_board board;

// ---- UART: 115200 baud 8N1, a receive ring filled by the RX interrupt, transmit polled ----
// Instead of the Arduino Serial (64-byte receive and transmit rings and a vtable, 175 bytes of SRAM) the sketch
// keeps one small receive ring; the main loop feeds it to the COBS decoder. Transmission waits for the data
// register (a response is at most 71 bytes on the wire), so no transmit ring is needed; bytes keep arriving into
// the ring meanwhile. The ring covers what arrives while the main loop handles a frame and answers it (CRC of a
// 165-byte body about 1.3 ms, an answer of up to 71 bytes 6.2 ms: 64 bytes = 5.6 ms of line time). Should
// it overflow (a frame sent during a long SAVE_EEPROM or pulse train), the byte is dropped, so that frame fails
// its CRC or COBS check and the host retransmits it (PROTOCOL.md §Link).
// Baud: U2X with UBRR 16 gives 16 MHz / (8 * 17) = 117,647 baud (+2.1 %), the setting of the Arduino core and
// the bootloader; without U2X the nearest is UBRR 8 = 111,111 (-3.5 %), so U2X is the better choice.
#define UART_UBRR 16
#define RX_RING 64   // a power of two
static volatile uint8_t rx_ring[RX_RING];   // volatile: written by the ISR, read by loop()
static volatile uint8_t rx_head, rx_tail;   // ISR writes head, loop() writes tail: each 8-bit, so atomic

ISR(USART_RX_vect)
{
    uint8_t byte = UDR0;   // a byte with a framing error is kept too: the frame's CRC refuses it
    uint8_t next = (uint8_t)((rx_head + 1) & (RX_RING - 1));
    if (next != rx_tail) {
        rx_ring[rx_head] = byte;
        rx_head = next;
    }
}

static void uart_begin(void)
{
    UCSR0A = _BV(U2X0);   // before UBRR0L: simavr computes its byte time when UBRR0L is written
    UBRR0H = 0;
    UBRR0L = UART_UBRR;
    UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);   // 8 data bits, no parity, 1 stop bit
    UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
}

// The first byte goes out without waiting: UDRE0 is set after reset on the chip, but simavr 1.6 clears it when
// uart_begin() writes UCSR0A and sets it again only after a byte has been sent.
static uint8_t tx_used;

void ns_platform_putc(uint8_t byte)
{
    if (tx_used)
        while (!(UCSR0A & _BV(UDRE0))) {
        }
    UDR0 = byte;
    tx_used = 1;
}

uint32_t ns_platform_micros(void) { return micros(); }

uint8_t ns_platform_eeprom_read(uint16_t addr) { return eeprom_read_byte((const uint8_t *)addr); }

// update, not write: unchanged bytes cost neither time (3.4 ms each) nor EEPROM wear
void ns_platform_eeprom_write(uint16_t addr, uint8_t value) { eeprom_update_byte((uint8_t *)addr, value); }

uint8_t ns_platform_phys_channels(void) { return 1; }

// ---- Pulse timing: Timer1 as a free-running 16 MHz clock, edges placed to the CPU cycle ----
// Every edge is scheduled on Timer1 (normal mode, no prescaler, 62.5 ns per count, set up in setup()), extended
// to 32 bits by polling (it wraps every 4.096 ms; no interrupt and no static RAM needed). Up to EDGE_GUARD_CYCLES
// before an edge the CPU waits with interrupts ON (the UART keeps receiving, millis() keeps counting); then
// interrupts go off and edge_asm() reads Timer1 and burns the exact number of cycles left before its `out`.
// So every edge sits at its scheduled cycle and widths are exact to the cycle, whatever the ISRs did before.
// Pulses up to QUIET_MAX_US run from rise to fall in one interrupts-off stretch (cycle-counted), so interrupts
// are never off for more than about EDGE_GUARD + QUIET_MAX + a few us (~90 us: less than the ~170 us in which the USART's
// 2-byte receive FIFO could overflow at 115200 baud, and less than one Timer0 tick of 1.024 ms).
#define CYCLES_PER_US (F_CPU / 1000000UL)
static const int32_t EDGE_GUARD_CYCLES = 512;   // 32 us: longer than any ISR of the Arduino core (~5 us)
static const int32_t EDGE_LEAD_CYCLES = 96;     // least lead edge() needs from its clock read to the edge
static const uint32_t QUIET_MAX_US = 50;        // pulses up to this width are one cycle-counted stretch

typedef struct {
    uint16_t base;   // TCNT1 at the start: TCNT1 = base + (uint16_t)now
    uint16_t last;   // TCNT1 at the last read
    uint32_t now;    // cycles since the start of this PHYS_PULSE
} t1_clock;

static uint32_t clock_now(t1_clock *c)
{
    uint16_t t = TCNT1;
    c->now += (uint16_t)(t - c->last);
    c->last = t;
    return c->now;
}

// Interrupts must be off. Reads TCNT1, waits until TCNT1 is `target` (+ a fixed offset, the same for every
// call), writes PORTD = v1, then exactly `after` = 6 + 4*q2 + r2 cycles later PORTD = v2 (q2 >= 1, r2 < 4).
// Delays use a 4-cycle loop and three skip pairs for the remainder, so every path up to each `out` has a fixed
// length. A target less than 4 cycles ahead (late) is moved to TCNT1 + 4; returns the target used.
static inline uint16_t edge_asm(uint16_t target, uint8_t v1, uint16_t q2, uint8_t r2, uint8_t v2)
{
    uint16_t t, d;
    uint8_t rem;
    asm volatile(
        "lds  %A[t], %[tcntl]      \n\t"   // TCNT1L first: latches TCNT1H
        "lds  %B[t], %[tcnth]      \n\t"
        "movw %A[d], %A[tg]        \n\t"
        "sub  %A[d], %A[t]         \n\t"   // d = target - TCNT1 (cycles left)
        "sbc  %B[d], %B[t]         \n\t"
        "cpi  %A[d], 4             \n\t"
        "cpc  %B[d], __zero_reg__  \n\t"
        "brge 1f                   \n\t"
        "ldi  %A[d], 4             \n\t"   // late: as soon as possible, and tell the caller when
        "ldi  %B[d], 0             \n\t"
        "movw %A[tg], %A[t]        \n\t"
        "subi %A[tg], 0xFC         \n\t"   // target = TCNT1 + 4
        "sbci %B[tg], 0xFF         \n\t"
        "1:                        \n\t"
        "mov  %[rem], %A[d]        \n\t"   // d = 4*(d>>2) + (d&3)
        "lsr  %B[d]                \n\t"
        "ror  %A[d]                \n\t"
        "lsr  %B[d]                \n\t"
        "ror  %A[d]                \n\t"
        "sbrc %[rem], 0            \n\t"   // +1 cycle if bit 0
        "rjmp .+0                  \n\t"
        "sbrc %[rem], 1            \n\t"   // +2 cycles if bit 1
        "rjmp .+0                  \n\t"
        "sbrc %[rem], 1            \n\t"
        "rjmp .+0                  \n\t"
        "2: sbiw %[d], 1           \n\t"   // 4 cycles a turn, 3 the last
        "brne 2b                   \n\t"
        "out  %[port], %[v1]       \n\t"
        "sbrc %[r2], 0             \n\t"
        "rjmp .+0                  \n\t"
        "sbrc %[r2], 1             \n\t"
        "rjmp .+0                  \n\t"
        "sbrc %[r2], 1             \n\t"
        "rjmp .+0                  \n\t"
        "3: sbiw %[q2], 1          \n\t"
        "brne 3b                   \n\t"
        "out  %[port], %[v2]       \n\t"
        : [tg] "+d"(target), [d] "=&w"(d), [q2] "+w"(q2), [t] "=&r"(t), [rem] "=&r"(rem)
        : [tcntl] "n"(_SFR_MEM_ADDR(TCNT1L)), [tcnth] "n"(_SFR_MEM_ADDR(TCNT1H)), [port] "I"(_SFR_IO_ADDR(PORTD)),
          [v1] "r"(v1), [v2] "r"(v2), [r2] "r"(r2)
        : "memory");
    return target;
}

// The out-to-out delay of edge_asm: `after` cycles (10 .. 262,000) as its q2 and r2.
typedef struct {
    uint16_t q;
    uint8_t r;
} cycle_split;

static cycle_split split_after(uint32_t after)
{
    cycle_split s = {(uint16_t)((after - 6) >> 2), (uint8_t)((after - 6) & 3)};
    return s;
}

// PORTD = v1 at clock time *at (moved to the earliest possible time if that is too close or past: *at is
// updated to the time it happened, so the next edge is timed from the real one), and PORTD = v2 `d` later.
// Everything that does not depend on the time is computed by the caller, so the interrupts-off path from the
// clock read to edge_asm's own read of TCNT1 stays short (about 70 cycles < EDGE_LEAD_CYCLES).
static inline __attribute__((always_inline)) void edge(t1_clock *c, uint32_t *at, uint8_t v1, cycle_split d,
                                                      uint8_t v2)
{
    while ((int32_t)(*at - clock_now(c)) > EDGE_GUARD_CYCLES) {
    }
    uint8_t sreg = SREG;
    cli();
    if ((int32_t)(*at - clock_now(c)) < EDGE_LEAD_CYCLES)
        *at = c->now + EDGE_LEAD_CYCLES;
    uint16_t target = (uint16_t)(c->base + (uint16_t)*at);
    *at += (uint16_t)(edge_asm(target, v1, d.q, d.r, v2) - target);   // > 0 only if edge_asm was late
    SREG = sreg;
}

void ns_platform_pulse(uint8_t pin, uint32_t width_us, uint16_t count, uint32_t gap_us)
{
    uint8_t mask = _BV(pin ? RESET_PIN_BIT : SET_PIN_BIT);
    uint8_t hi = PORTD | mask, lo = PORTD & (uint8_t)~mask;   // no ISR writes PORTD (the UART owns D0/D1)
    uint32_t width = width_us * CYCLES_PER_US, gap = gap_us * CYCLES_PER_US;   // <= 60 s: fits in 32 bits
    uint8_t quiet = width_us <= QUIET_MAX_US;
    cycle_split after_rise = split_after(quiet ? width : 10), after_fall = split_after(10);
    uint16_t t = TCNT1;
    t1_clock c = {t, t, 0};
    uint32_t at = 0;   // the first rise as soon as possible
    for (uint16_t i = 0; i < count; i++) {
        if (quiet) {
            edge(&c, &at, hi, after_rise, lo);   // rise and fall in one cycle-counted stretch
        } else {
            edge(&c, &at, hi, after_rise, hi);
            at += width;
            edge(&c, &at, lo, after_fall, lo);
            at -= width;
        }
        at += width + gap;   // gaps shorter than the code between two edges come out longer (README)
    }
}

uint16_t ns_platform_adc_read(void) { return (uint16_t)analogRead(A0); }

void setup()
{
    DDRD |= _BV(SET_PIN_BIT) | _BV(RESET_PIN_BIT);
    PORTD &= (uint8_t)~(_BV(SET_PIN_BIT) | _BV(RESET_PIN_BIT));
    TCCR1A = 0;             // Timer1: normal mode, no prescaler, no interrupt: the pulse clock (the core's init()
    TCCR1B = _BV(CS10);     // set it up for analogWrite on D9/D10, which this sketch does not use)
    uart_begin();
    ns_board_init(&board);   // no banner: the host speaks first (PROTOCOL.md §Link)
}

void loop()
{
    while (rx_tail != rx_head) {
        uint8_t byte = rx_ring[rx_tail];
        rx_tail = (uint8_t)((rx_tail + 1) & (RX_RING - 1));
        ns_board_rx(&board, byte);
    }
}
