/* Replays the host->board frames of test-fixtures/protocol-vectors.txt on the real AVR binary in simavr and
 * checks every reply, so the shipped ELF (avr-gcc, 32-bit float, the Arduino core) is held to the same vectors
 * as the native build. Bytes go in at the pace of a 115200-baud line. It also prints the emulated cycles from
 * the last byte of a request to the first byte of its reply for INFER and APPLY_PULSES (framing included;
 * the harness in sim/ measures the bare computation).
 * Usage: sim_vectors FIRMWARE.elf VECTORS_FILE */
#include <simavr/avr_adc.h>
#include <simavr/avr_uart.h>
#include <simavr/sim_avr.h>
#include <simavr/sim_elf.h>
#include <simavr/sim_irq.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define F_CPU_HZ 16000000ull
#define BYTE_CYCLES 1389ull   /* 10 bits at 115200 baud */

static avr_t *avr;
static uint8_t out[1024];
static unsigned out_len;
static avr_cycle_count_t first_out_cycle;

static void uart_out(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)param;
    if (out_len == 0)
        first_out_cycle = avr->cycle;
    if (out_len < sizeof out)
        out[out_len++] = (uint8_t)value;
}

static void run_cycles(avr_cycle_count_t n)
{
    avr_cycle_count_t end = avr->cycle + n;
    while (avr->cycle < end) {
        int state = avr_run(avr);
        if (state == cpu_Done || state == cpu_Crashed) {
            printf("FAIL: the AVR stopped (state %d)\n", state);
            exit(1);
        }
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static const char *ERR[] = {"?", "BAD_VERSION", "UNKNOWN_TYPE", "BAD_LENGTH", "BAD_ARG", "STAGE_COUNT",
                            "STAGE_INCOMPLETE", "STAGE_CRC", "NO_PARAMS", "EEPROM_EMPTY", "EEPROM_FAIL",
                            "PHYS_UNAVAILABLE"};

/* the reply in the vector file's words: none / ACK hex / NACK NAME detail=D */
static void describe_reply(char *got, size_t cap)
{
    uint8_t body[300];
    unsigned n = 0, i = 0, k;
    int o;
    if (out_len == 0) {
        snprintf(got, cap, "none");
        return;
    }
    if (out[out_len - 1] != 0) {
        snprintf(got, cap, "unterminated reply");
        return;
    }
    while (i < out_len - 1) {   /* COBS decode */
        uint8_t code = out[i++];
        for (k = 1; k < code && i < out_len - 1; k++)
            body[n++] = out[i++];
        if (code < 255 && i < out_len - 1)
            body[n++] = 0;
    }
    if (n < 5) {
        snprintf(got, cap, "short reply");
    } else if (body[2] == 0xFF && n == 9) {
        snprintf(got, cap, "NACK %s detail=%u", body[4] < sizeof ERR / sizeof ERR[0] ? ERR[body[4]] : "?",
                 body[5] | body[6] << 8);
    } else {
        o = snprintf(got, cap, "ACK %s", n == 5 ? "-" : "");
        for (k = 3; k + 2 < n; k++)
            o += snprintf(got + o, cap - (size_t)o, "%02x", body[k]);
    }
}

static int matches(const char *got, const char *want)
{
    size_t i;
    if (strlen(got) != strlen(want))
        return 0;
    for (i = 0; got[i]; i++)
        if (want[i] != '?' && want[i] != got[i])
            return 0;
    return 1;
}

int main(int argc, char **argv)
{
    elf_firmware_t fw;
    uint32_t flags = 0;
    avr_irq_t *in;
    FILE *f;
    char line[4096];
    int ok = 0, bad = 0;
    if (argc != 3) {
        fprintf(stderr, "usage: sim_vectors FIRMWARE.elf VECTORS_FILE\n");
        return 2;
    }
    memset(&fw, 0, sizeof fw);
    if (elf_read_firmware(argv[1], &fw) != 0 || !(avr = avr_make_mcu_by_name("atmega328p"))) {
        fprintf(stderr, "sim_vectors: cannot load %s\n", argv[1]);
        return 1;
    }
    avr_init(avr);
    avr_load_firmware(avr, &fw);
    avr->frequency = F_CPU_HZ;
    avr->log = 0;
    avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);   /* no echo of the UART to stdout */
    in = avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), uart_out, NULL);
    /* the physical channel's analog side: 5 V supply and reference, A0 held at a quarter of it (the PHYS_READ
     * replies' ADC bytes are wildcards in the file; this only makes the printed ones meaningful) */
    avr->vcc = avr->avcc = avr->aref = 5000;
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0), 1250);
    run_cycles(F_CPU_HZ / 10);   /* boot */
    if (!(f = fopen(argv[2], "r"))) {
        perror(argv[2]);
        return 1;
    }
    while (fgets(line, sizeof line, f)) {
        char *fld[6], *p = line, got[600];
        int n = 0;
        avr_cycle_count_t last_in = 0, deadline;
        if (strncmp(line, "H2B | ", 6) != 0)
            continue;
        line[strcspn(line, "\n")] = 0;
        while (n < 6) {   /* split at " | " */
            char *bar = strstr(p, " | ");
            fld[n++] = p;
            if (!bar)
                break;
            *bar = 0;
            p = bar + 3;
        }
        if (n != 6) {
            printf("FAIL: malformed vector line\n");
            bad++;
            continue;
        }
        out_len = 0;
        for (p = fld[2]; p[0] && p[1]; p += 2) {
            avr_raise_irq(in, (uint32_t)(hexval(p[0]) << 4 | hexval(p[1])));
            last_in = avr->cycle;
            run_cycles(BYTE_CYCLES);
        }
        /* a reply ends with 00; frames that get none are given 20 ms, others up to 2 s (EEPROM writes) */
        deadline = avr->cycle + (strcmp(fld[5], "none") == 0 ? F_CPU_HZ / 50 : 2 * F_CPU_HZ);
        while (avr->cycle < deadline && !(out_len && out[out_len - 1] == 0))
            run_cycles(500);
        describe_reply(got, sizeof got);
        if (matches(got, fld[5])) {
            ok++;
        } else {
            bad++;
            printf("FAIL vector %s on the AVR: got %s, expected %s\n", fld[1], got, fld[5]);
        }
        if (strncmp(fld[1], "phys_read.", 10) == 0)   /* the ADC's bytes are wildcards: show what simavr gave */
            printf("simavr: %-24s %s\n", fld[1], got);
        if (out_len && (strstr(fld[1], "infer") || strstr(fld[1], "pulse.")))
            printf("simavr: %-24s %8llu cycles from the last request byte to the first reply byte\n", fld[1],
                   (unsigned long long)(first_out_cycle - last_in));
    }
    fclose(f);
    printf("%d passed, %d failed (protocol vectors on the AVR binary %s in simavr)\n", ok, bad, argv[1]);
    return bad ? 1 : 0;
}
