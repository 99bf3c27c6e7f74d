/*
 * nanosynapse-sim - runs one or several emulated Arduino Nanos (ATmega328P, 16 MHz) from the real firmware ELF.
 *
 * Every board's UART0 is a raw pty behind a symlink the caller names; the boards run in lock-step by cycle
 * count in one process, paced to the wall clock; pins can be wired between boards; each board has a simulated
 * memristor on its physical channel (memristor.h). Control: SIGUSR1 resets all boards; lines on stdin (or on
 * the --control FIFO) reset, stop and start single boards. Run with --help for the options; see README.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sim_avr.h"
#include "sim_elf.h"
#include "avr_ioport.h"
#include "avr_uart.h"
#include "avr_eeprom.h"
#include "memristor.h"
#include "pty_link.h"

#define MAX_BOARDS 16
#define F_CPU_HZ 16000000u
#define POLL_EVERY_CYCLES 4000u     /* service ptys and the clock every 250 us of emulated time (3 byte times) */
#define FRAME_DELIMITER 0x00        /* COBS frame end, used only for the --timing report */
#define LINK_BAUD 115200u           /* the USB bridge's line rate: a byte never crosses the link faster */
#define EXIT_BAD_INPUT 2

typedef struct {
	int id;
	char elf_path[PATH_MAX];
	char eeprom_path[PATH_MAX];      /* optional: EEPROM image kept across harness runs */
	elf_firmware_t fw;
	avr_t *avr;
	int running;
	avr_cycle_count_t target;        /* lock-step: run until avr->cycle reaches this */
	pty_link_t link;
	avr_irq_t *uart_in;
	avr_uart_t *uart;
	int xon, feeding;
	afe_t afe;
	avr_cycle_count_t rx_arrival;    /* modelled cycle at which the last fed byte reaches the firmware */
	avr_cycle_count_t request_end;
	int awaiting_response;
} board_t;

static board_t *boards[MAX_BOARDS];
static int board_count;
static struct {
	const char *elf;
	double speed;                    /* 1 = real time, 0 = unthrottled */
	unsigned quantum;
	int reset_on_open, timing, verbose, afe_on, exit_on_eof;
	const char *control_path;
	afe_params_t afe;
} opt = { .speed = 1.0, .quantum = 16, .afe_on = 1 };

static volatile sig_atomic_t quit_requested, reset_all_requested;

static void die_bad_input(const char *fmt, const char *what)
{
	fprintf(stderr, "nanosynapse-sim: ");
	fprintf(stderr, fmt, what);
	fprintf(stderr, "\n");
	exit(EXIT_BAD_INPUT);
}

static board_t *board_by_id(int id)
{
	for (int i = 0; i < board_count; i++)
		if (boards[i]->id == id) return boards[i];
	return NULL;
}

/* ---- UART <-> pty ---- */

/* simavr's UART0 module, for the exact cycles per byte it paces received bytes with. */
static avr_uart_t *find_uart0(avr_t *avr)
{
	for (avr_io_t *io = avr->io_port; io; io = io->next)
		if (io->irq_ioctl_get == AVR_IOCTL_UART_GETIRQ('0')) return (avr_uart_t *)io;
	return NULL;
}

static avr_cycle_count_t uart_byte_cycles(board_t *b)
{
	return b->uart ? b->uart->cycles_per_byte : 0;
}

/* simavr 1.6 times every UART byte as start + data + parity + stop bits, also when parity is off (avr_uart.c,
 * avr_uart_baud_write), so 8N1 bytes took 11 bit times instead of 10 (10,695 instead of 11,765 bytes/s at the
 * Nano's 117,647 baud). Recomputed here from the firmware's own UART registers (UBRR0, U2X0, UCSR0C/B frame
 * format), and never shorter than the byte time of the USB bridge at LINK_BAUD, which paces a real link: so an
 * emulated 8N1 link at 115200 moves 11,520 bytes/s each way, like a Nano on USB. */
static void fix_uart_byte_time(board_t *b)
{
	const uint8_t *d = b->avr->data;
	if (!b->uart || !(d[0xC1] & ((1 << 4) | (1 << 3)))) return;        /* RXEN0 | TXEN0 */
	uint32_t ubrr = d[0xC4] | (uint32_t)(d[0xC5] & 0x0F) << 8;
	uint32_t cycles_per_bit = (ubrr + 1) * ((d[0xC0] & (1 << 1)) ? 8u : 16u);   /* U2X0 */
	static const uint8_t DATA_BITS[8] = { 5, 6, 7, 8, 8, 8, 8, 9 };              /* 4..6 reserved: as simavr, 8 */
	uint32_t size = ((d[0xC2] >> 1) & 3) | ((d[0xC1] & (1 << 2)) ? 4 : 0);       /* UCSZ0[2:0] */
	uint32_t bits = 1 + DATA_BITS[size] + (((d[0xC2] >> 4) & 3) ? 1 : 0) + ((d[0xC2] & (1 << 3)) ? 2 : 1);
	avr_cycle_count_t avr_byte = (avr_cycle_count_t)bits * cycles_per_bit;
	avr_cycle_count_t line_byte = ((avr_cycle_count_t)bits * F_CPU_HZ + LINK_BAUD - 1) / LINK_BAUD;
	b->uart->cycles_per_byte = avr_byte > line_byte ? avr_byte : line_byte;
}

static void note_rx_timing(board_t *b, uint8_t c)
{
	avr_cycle_count_t now = b->avr->cycle;
	b->rx_arrival = (b->rx_arrival > now ? b->rx_arrival : now) + uart_byte_cycles(b);
	if (c == FRAME_DELIMITER) {
		b->request_end = b->rx_arrival;
		b->awaiting_response = 1;
	}
}

/* RXEN0: while the firmware has not enabled its receiver (e.g. during boot) host bytes wait in the link's
 * buffer; simavr would drop them. */
static int uart_rx_enabled(board_t *b)
{
	return b->avr->data[0xC1] & (1 << 4);
}

/* Hands host bytes to the UART while it accepts them (XON) and the receiver is on. */
static void feed_uart(board_t *b)
{
	if (b->feeding) return;
	fix_uart_byte_time(b);
	b->feeding = 1;
	pty_link_t *l = &b->link;
	while (b->running && b->xon && l->rx_len && uart_rx_enabled(b)) {
		uint8_t c = l->rx[l->rx_head++];
		l->rx_len--;
		if (opt.timing) note_rx_timing(b, c);
		avr_raise_irq(b->uart_in, c);    /* may call uart_xoff() before returning */
	}
	b->feeding = 0;
}

static void uart_xon(avr_irq_t *irq, uint32_t v, void *param) { (void)irq; (void)v; board_t *b = param; b->xon = 1; feed_uart(b); }
static void uart_xoff(avr_irq_t *irq, uint32_t v, void *param) { (void)irq; (void)v; ((board_t *)param)->xon = 0; }

static void uart_out(avr_irq_t *irq, uint32_t value, void *param)
{
	(void)irq;
	board_t *b = param;
	if (b->awaiting_response && b->avr->cycle >= b->request_end) {
		b->awaiting_response = 0;
		printf("FRAME board=%d request_end_cycle=%llu response_start_cycle=%llu turnaround_cycles=%llu\n", b->id,
			(unsigned long long)b->request_end, (unsigned long long)b->avr->cycle,
			(unsigned long long)(b->avr->cycle - b->request_end));
	}
	unsigned long dropped = b->link.tx_dropped;
	pty_link_put(&b->link, (uint8_t)value);
	if (b->link.tx_dropped != dropped && opt.verbose)
		fprintf(stderr, "board %d: host not reading, output byte dropped (%lu so far)\n", b->id, b->link.tx_dropped);
}

/* ---- boards ---- */

#define EEPROM_BYTES 1024

static void eeprom_load(board_t *b)
{
	uint8_t image[EEPROM_BYTES];
	FILE *f = fopen(b->eeprom_path, "rb");
	if (!f) return;                                   /* first run: the erased EEPROM (0xFF) */
	size_t n = fread(image, 1, sizeof image, f);
	fclose(f);
	if (n != sizeof image) die_bad_input("eeprom=%s: not a 1024-byte EEPROM image", b->eeprom_path);
	avr_eeprom_desc_t d = { .ee = image, .offset = 0, .size = sizeof image };
	avr_ioctl(b->avr, AVR_IOCTL_EEPROM_SET, &d);
}

/* Written whole or not at all: a temporary file renamed over the image. */
static void eeprom_save(board_t *b)
{
	if (!b->eeprom_path[0]) return;
	uint8_t image[EEPROM_BYTES];
	avr_eeprom_desc_t d = { .ee = image, .offset = 0, .size = sizeof image };
	avr_ioctl(b->avr, AVR_IOCTL_EEPROM_GET, &d);      /* simavr 1.6 returns -1 here even when it copied */
	char tmp[PATH_MAX + 8];
	snprintf(tmp, sizeof tmp, "%s.tmp", b->eeprom_path);
	FILE *f = fopen(tmp, "wb");
	if (f && fwrite(image, 1, sizeof image, f) == sizeof image && fclose(f) == 0) rename(tmp, b->eeprom_path);
	else { if (f) fclose(f); unlink(tmp); fprintf(stderr, "nanosynapse-sim: board %d: cannot write eeprom=%s\n", b->id, b->eeprom_path); }
}

/* simavr's default logger prints its chatter on stdout, which is ours for READY/OK lines. */
static void log_to_stderr(avr_t *avr, const int level, const char *format, va_list ap)
{
	if (level <= (avr ? avr->log : LOG_ERROR) || level <= (opt.verbose ? LOG_WARNING : LOG_ERROR))
		vfprintf(stderr, format, ap);
}

static void no_sleep(avr_t *avr, avr_cycle_count_t how_long) { (void)avr; (void)how_long; }   /* we pace */

static void board_reset(board_t *b)
{
	avr_reset(b->avr);
	b->target = b->avr->cycle;
	b->xon = 1;
	b->awaiting_response = 0;
	b->rx_arrival = 0;
	b->link.rx_len = 0;
	if (opt.afe_on) {
		b->afe.pin_high[0] = b->afe.pin_high[1] = 0;
		afe_update_adc(&b->afe);
	}
}

static void board_create(board_t *b)
{
	if (elf_read_firmware(b->elf_path, &b->fw))
		die_bad_input("cannot read the firmware ELF %s", b->elf_path);
	b->avr = avr_make_mcu_by_name("atmega328p");
	if (!b->avr) die_bad_input("%s", "simavr has no atmega328p core");
	avr_init(b->avr);
	avr_load_firmware(b->avr, &b->fw);
	b->avr->frequency = F_CPU_HZ;
	b->avr->sleep = no_sleep;
	if (b->eeprom_path[0]) eeprom_load(b);
	if (opt.verbose) b->avr->log = LOG_WARNING;

	uint32_t flags = 0;      /* no console echo of UART lines, no usleep while the firmware polls */
	avr_ioctl(b->avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
	flags &= ~(AVR_UART_FLAG_STDIO | AVR_UART_FLAG_POLL_SLEEP);
	avr_ioctl(b->avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
	b->uart = find_uart0(b->avr);
	b->uart_in = avr_io_getirq(b->avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT);
	avr_irq_register_notify(avr_io_getirq(b->avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), uart_out, b);
	avr_irq_register_notify(avr_io_getirq(b->avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XON), uart_xon, b);
	avr_irq_register_notify(avr_io_getirq(b->avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XOFF), uart_xoff, b);
	if (opt.afe_on) afe_attach(&b->afe, b->avr, &opt.afe, b->id, opt.verbose);
	b->running = 1;
	b->xon = 1;
	b->target = b->avr->cycle;
}

/* Runs board b for one lock-step quantum. */
static void board_step(board_t *b)
{
	b->target += opt.quantum;
	while (b->running && b->avr->cycle < b->target) {
		avr_cycle_count_t before = b->avr->cycle;
		int state = avr_run(b->avr);
		if (b->avr->cycle < before) b->target = b->avr->cycle + opt.quantum;   /* the core reset its counter */
		if (state == cpu_Done || state == cpu_Crashed) {
			b->running = 0;
			printf("CRASHED board=%d state=%s pc=0x%x\n", b->id, state == cpu_Done ? "done" : "crashed",
				(unsigned)b->avr->pc);
		}
	}
}

/* ---- pins: "PB5", "D13", "A0" -> port letter and bit ---- */

static int parse_pin(const char *s, char *port, int *bit)
{
	char *end;
	if (s[0] == 'P' && s[1] >= 'B' && s[1] <= 'D' && s[2] >= '0' && s[2] <= '7' && !s[3]) {
		*port = s[1];
		*bit = s[2] - '0';
		return 0;
	}
	if (s[0] != 'D' && s[0] != 'A') return -1;
	long n = strtol(s + 1, &end, 10);
	if (end == s + 1 || *end) return -1;
	if (s[0] == 'A' && n >= 0 && n <= 5) { *port = 'C'; *bit = (int)n; return 0; }
	if (s[0] == 'D' && n >= 0 && n <= 7) { *port = 'D'; *bit = (int)n; return 0; }
	if (s[0] == 'D' && n >= 8 && n <= 13) { *port = 'B'; *bit = (int)n - 8; return 0; }
	return -1;
}

/* "1:PB5->2:PD2": the output pin of board 1 drives the input pin of board 2. */
static void add_wire(const char *spec)
{
	char buf[64], from_pin[8], to_pin[8], from_port, to_port;
	int from_id, to_id, from_bit, to_bit;
	snprintf(buf, sizeof buf, "%s", spec);
	char *arrow = strstr(buf, "->");
	if (!arrow) die_bad_input("--wire %s: expected BOARD:PIN->BOARD:PIN, e.g. 1:PB5->2:PD2", spec);
	*arrow = 0;
	if (sscanf(buf, "%d:%7s", &from_id, from_pin) != 2 || sscanf(arrow + 2, "%d:%7s", &to_id, to_pin) != 2)
		die_bad_input("--wire %s: expected BOARD:PIN->BOARD:PIN, e.g. 1:PB5->2:PD2", spec);
	if (parse_pin(from_pin, &from_port, &from_bit) || parse_pin(to_pin, &to_port, &to_bit))
		die_bad_input("--wire %s: a pin is PB0..PD7, D0..D13 or A0..A5", spec);
	board_t *from = board_by_id(from_id), *to = board_by_id(to_id);
	if (!from || !to) die_bad_input("--wire %s: no such board id", spec);
	avr_connect_irq(avr_io_getirq(from->avr, AVR_IOCTL_IOPORT_GETIRQ(from_port), from_bit),
		avr_io_getirq(to->avr, AVR_IOCTL_IOPORT_GETIRQ(to_port), to_bit));
}

/* ---- control lines: "reset 2", "reset all", "stop 2", "start 2", "status", "set-r 2 150000", "quit" ---- */

static void print_status(board_t *b)
{
	printf("STATUS board=%d state=%s cycle=%llu connected=%d tx_dropped=%lu", b->id,
		b->running ? "running" : "stopped", (unsigned long long)b->avr->cycle, b->link.connected, b->link.tx_dropped);
	if (opt.afe_on)
		printf(" r_ohm=%.6g adc_v=%.4f set_pulses=%lu reset_pulses=%lu short_pulses=%lu last_width_us=%.3f",
			b->afe.r_ohm, afe_adc_volts(&b->afe), b->afe.set_pulses, b->afe.reset_pulses, b->afe.short_pulses,
			b->afe.last_width_s * 1e6);
	printf("\n");
}

static void control_line(char *line)
{
	char cmd[16] = "", arg[32] = "";
	double value = 0;
	int n = sscanf(line, "%15s %31s %lf", cmd, arg, &value);
	if (n < 1) return;
	if (!strcmp(cmd, "quit")) { quit_requested = 1; printf("OK quit\n"); return; }
	if (!strcmp(cmd, "status") && n == 1) { for (int i = 0; i < board_count; i++) print_status(boards[i]); return; }
	if (!strcmp(cmd, "reset") && !strcmp(arg, "all")) {
		for (int i = 0; i < board_count; i++) if (boards[i]->running) board_reset(boards[i]);
		printf("OK reset all\n");
		return;
	}
	board_t *b = n >= 2 ? board_by_id(atoi(arg)) : NULL;
	if (!b) { printf("ERR line '%s': unknown command or board (reset|stop|start|status ID, reset all, set-r ID OHM, quit)\n", line); return; }
	if (!strcmp(cmd, "reset")) {
		if (b->running) board_reset(b);
		printf(b->running ? "OK reset board=%d\n" : "ERR reset board=%d: stopped\n", b->id);
	} else if (!strcmp(cmd, "stop")) {
		b->running = 0;
		eeprom_save(b);
		printf("OK stop board=%d\n", b->id);
	} else if (!strcmp(cmd, "start")) {
		b->running = 1;        /* power on: a cold start from reset, EEPROM kept */
		board_reset(b);
		printf("OK start board=%d\n", b->id);
	} else if (!strcmp(cmd, "status")) {
		print_status(b);
	} else if (!strcmp(cmd, "set-r") && n == 3 && opt.afe_on && value > 0) {
		b->afe.r_ohm = value;
		afe_update_adc(&b->afe);
		printf("OK set-r board=%d r_ohm=%.6g\n", b->id, value);
	} else {
		printf("ERR line '%s': unknown command\n", line);
	}
}

typedef struct { int fd; char buf[512]; size_t len; } line_reader_t;

static int read_lines(line_reader_t *r)
{
	ssize_t n = read(r->fd, r->buf + r->len, sizeof r->buf - 1 - r->len);
	if (n == 0) return -1;
	if (n < 0) return errno == EAGAIN || errno == EINTR ? 0 : -1;
	r->len += (size_t)n;
	char *start = r->buf, *nl;
	while ((nl = memchr(start, '\n', r->len - (size_t)(start - r->buf)))) {
		*nl = 0;
		control_line(start);
		start = nl + 1;
	}
	r->len -= (size_t)(start - r->buf);
	memmove(r->buf, start, r->len);
	if (r->len == sizeof r->buf - 1) r->len = 0;   /* an over-long line: drop it */
	return 0;
}

/* ---- main loop ---- */

static void on_signal(int sig)
{
	if (sig == SIGUSR1) reset_all_requested = 1;
	else quit_requested = 1;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: nanosynapse-sim [options] --board id=N,link=PATH[,elf=PATH][,eeprom=PATH] ...\n"
		"  --elf PATH            firmware ELF for boards without elf=\n"
		"  --board id=N,link=PATH[,elf=PATH][,eeprom=PATH]\n"
		"                        one emulated Nano; its UART0 is a raw pty behind PATH (repeatable, max %d);\n"
		"                        eeprom=PATH: 1024-byte EEPROM image loaded at start, saved on stop and exit\n"
		"  --wire A:PIN->B:PIN   pin PIN of board A drives pin PIN of board B; PB0..PD7, D0..D13, A0..A5 (repeatable)\n"
		"  --speed X             emulated 16 MHz paced at X times the wall clock (default 1; 0 = unthrottled)\n"
		"  --reset-on-open       reset a board when a program opens its port (a real Nano resets through DTR)\n"
		"  --afe K=V[,K=V...]    memristor front-end: set_r0 set_r1 set_a reset_r0 reset_r1 reset_a (Ohm, Ohm, 1),\n"
		"                        r_min r_max r_init (Ohm), noise (relative step std), rs (series Ohm), vcc (V),\n"
		"                        min_width_us (shortest pulse that counts), seed\n"
		"  --no-afe              no memristor on D5/D6/A0\n"
		"  --control PATH        also read control lines from this FIFO (created, removed at exit)\n"
		"  --timing              print FRAME lines: cycles from a request's last byte (0x00) to the first reply byte\n"
		"  --quantum N           lock-step quantum in cycles (default 16)\n"
		"  --exit-on-stdin-eof   quit when stdin closes (e.g. the parent process died)\n"
		"  -v                    log pulses and UART overflow on stderr\n"
		"stdin/--control lines: reset ID|all, stop ID, start ID, status [ID], set-r ID OHM, quit.  SIGUSR1: reset all.\n",
		MAX_BOARDS);
}

static void add_board(char *spec)
{
	if (board_count == MAX_BOARDS) die_bad_input("--board: at most %s boards", "16");
	board_t *b = calloc(1, sizeof *b);
	char *link = NULL, *save, *kv;
	b->id = -1;
	for (kv = strtok_r(spec, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
		if (!strncmp(kv, "id=", 3)) {
			char *end;
			long id = strtol(kv + 3, &end, 10);
			if (end == kv + 3 || *end || id < 0 || id > 65535) die_bad_input("--board: %s is not an id 0..65535", kv);
			b->id = (int)id;
		}
		else if (!strncmp(kv, "link=", 5)) link = kv + 5;
		else if (!strncmp(kv, "elf=", 4)) snprintf(b->elf_path, sizeof b->elf_path, "%s", kv + 4);
		else if (!strncmp(kv, "eeprom=", 7)) snprintf(b->eeprom_path, sizeof b->eeprom_path, "%s", kv + 7);
		else die_bad_input("--board: unknown field '%s' (id=, link=, elf=, eeprom=)", kv);
	}
	if (b->id < 0) die_bad_input("--board: field id=N missing%s", "");
	if (board_by_id(b->id)) die_bad_input("--board: id=%s used twice", spec + 3);
	if (!link || !*link) die_bad_input("--board: field link=PATH missing%s", "");
	snprintf(b->link.link_path, sizeof b->link.link_path, "%s", link);
	b->link.fd = -1;
	boards[board_count++] = b;
}

static double parse_number(const char *s, const char *field)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end) die_bad_input("%s: not a number", field);
	return v;
}

static void parse_args(int argc, char **argv)
{
	afe_default_params(&opt.afe);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		int takes_value = !strcmp(a, "--elf") || !strcmp(a, "--board") || !strcmp(a, "--wire") || !strcmp(a, "--speed")
			|| !strcmp(a, "--afe") || !strcmp(a, "--control") || !strcmp(a, "--quantum");
		if (takes_value && !next) die_bad_input("%s: value missing", a);
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); exit(0); }
		else if (!strcmp(a, "--elf")) opt.elf = argv[++i];
		else if (!strcmp(a, "--board")) add_board(argv[++i]);
		else if (!strcmp(a, "--wire")) i++;                       /* applied after the boards exist */
		else if (!strcmp(a, "--speed")) { opt.speed = parse_number(argv[++i], "--speed"); if (opt.speed < 0) die_bad_input("%s: must be >= 0", "--speed"); }
		else if (!strcmp(a, "--quantum")) { double q = parse_number(argv[++i], "--quantum"); if (q < 1 || q > 1e6) die_bad_input("%s: 1..1000000", "--quantum"); opt.quantum = (unsigned)q; }
		else if (!strcmp(a, "--reset-on-open")) opt.reset_on_open = 1;
		else if (!strcmp(a, "--timing")) opt.timing = 1;
		else if (!strcmp(a, "--no-afe")) opt.afe_on = 0;
		else if (!strcmp(a, "--exit-on-stdin-eof")) opt.exit_on_eof = 1;
		else if (!strcmp(a, "-v")) opt.verbose = 1;
		else if (!strcmp(a, "--control")) opt.control_path = argv[++i];
		else if (!strcmp(a, "--afe")) {
			char buf[512], *save, *kv;
			snprintf(buf, sizeof buf, "%s", argv[++i]);
			for (kv = strtok_r(buf, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
				char *eq = strchr(kv, '=');
				if (!eq) die_bad_input("--afe: '%s' is not KEY=VALUE", kv);
				*eq = 0;
				if (afe_set_param(&opt.afe, kv, eq + 1)) die_bad_input("--afe: unknown key or bad value '%s'", kv);
			}
		} else { usage(stderr); die_bad_input("unknown option %s", a); }
	}
	if (!board_count) { usage(stderr); die_bad_input("%s", "no --board given"); }
	const afe_params_t *p = &opt.afe;
	if (p->set.a >= 0 || p->reset.a <= 0) die_bad_input("--afe: %s", "set_a must be < 0 and reset_a > 0");
	if (p->set.r1_ohm <= 0 || p->reset.r1_ohm <= 0 || p->series_ohm <= 0 || p->vcc_v <= 0 || p->vcc_v > 5.5)
		die_bad_input("--afe: %s", "set_r1, reset_r1, rs must be > 0 Ohm and vcc in (0, 5.5] V");
	if (p->r_min_ohm <= 0 || p->r_max_ohm <= p->r_min_ohm || p->r_init_ohm < p->r_min_ohm || p->r_init_ohm > p->r_max_ohm)
		die_bad_input("--afe: %s", "need 0 < r_min <= r_init <= r_max");
	if (p->noise_rel < 0 || p->min_pulse_width_s < 0) die_bad_input("--afe: %s", "noise and min_width_us must be >= 0");
}

static void shutdown_links(void)
{
	for (int i = 0; i < board_count; i++) pty_link_close(&boards[i]->link);
	if (opt.control_path) unlink(opt.control_path);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);      /* one READY/OK line at a time to the host */
	parse_args(argc, argv);
	avr_global_logger_set(log_to_stderr);
	signal(SIGPIPE, SIG_IGN);
	struct sigaction sa = { .sa_handler = on_signal };
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);

	for (int i = 0; i < board_count; i++) {
		board_t *b = boards[i];
		if (!b->elf_path[0]) {
			if (!opt.elf) die_bad_input("--board id=%s: no elf= and no --elf", "given");
			snprintf(b->elf_path, sizeof b->elf_path, "%s", opt.elf);
		}
		if (access(b->elf_path, R_OK)) die_bad_input("firmware ELF %s: not readable", b->elf_path);
		board_create(b);
	}
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--wire")) add_wire(argv[++i]);
	atexit(shutdown_links);
	line_reader_t control = { .fd = -1 }, in = { .fd = STDIN_FILENO };
	if (opt.control_path) {
		unlink(opt.control_path);
		if (mkfifo(opt.control_path, 0600)) { fprintf(stderr, "nanosynapse-sim: --control %s: %s\n", opt.control_path, strerror(errno)); exit(EXIT_BAD_INPUT); }
		control.fd = open(opt.control_path, O_RDWR | O_NONBLOCK);   /* RDWR: never sees EOF */
	}
	for (int i = 0; i < board_count; i++) {
		board_t *b = boards[i];
		char err[600];
		char link[512];
		snprintf(link, sizeof link, "%s", b->link.link_path);
		if (pty_link_open(&b->link, link, err, sizeof err)) {
			fprintf(stderr, "nanosynapse-sim: --board id=%d: %s\n", b->id, err);
			exit(EXIT_BAD_INPUT);
		}
		printf("READY board=%d link=%s pty=%s elf=%s\n", b->id, b->link.link_path, b->link.slave_name, b->elf_path);
	}
	printf("RUNNING boards=%d speed=%g\n", board_count, opt.speed);

	struct pollfd fds[MAX_BOARDS + 2];
	double t0 = now_s();
	unsigned long long emulated_cycles = 0, since_poll = 0;
	while (!quit_requested) {
		for (int i = 0; i < board_count; i++) board_step(boards[i]);
		emulated_cycles += opt.quantum;
		since_poll += opt.quantum;
		if (since_poll < POLL_EVERY_CYCLES) continue;
		since_poll = 0;

		if (opt.speed > 0) {       /* pace: sleep until the wall clock catches up with the emulated time */
			double due_s = t0 + emulated_cycles / (F_CPU_HZ * opt.speed), now = now_s();
			if (now - due_s > 0.05) t0 += now - due_s;         /* too slow: do not burst to catch up */
			else if (due_s > now) {
				struct timespec ts = { (time_t)due_s, (long)((due_s - (time_t)due_s) * 1e9) };
				while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR && !quit_requested);
			}
		}
		int n = 0;
		for (int i = 0; i < board_count; i++) fds[n++] = (struct pollfd){ boards[i]->link.fd, pty_link_events(&boards[i]->link), 0 };
		fds[n++] = (struct pollfd){ in.fd, POLLIN, 0 };
		fds[n++] = (struct pollfd){ control.fd, POLLIN, 0 };
		if (poll(fds, (nfds_t)n, 0) < 0 && errno != EINTR) break;
		for (int i = 0; i < board_count; i++) {
			board_t *b = boards[i];
			int opened = !(fds[i].revents & POLLHUP) && !b->link.connected;
			if (opt.reset_on_open && opened && b->running) board_reset(b);    /* before reading what the host sent */
			pty_link_service(&b->link, fds[i].revents);
			if (!b->running) b->link.rx_len = 0;          /* a powered-off board hears nothing */
			feed_uart(b);
		}
		if (fds[board_count].revents & (POLLIN | POLLHUP) && read_lines(&in)) {
			in.fd = -1;                                       /* stdin closed */
			if (opt.exit_on_eof) quit_requested = 1;
		}
		if (fds[board_count + 1].revents & POLLIN) read_lines(&control);
		if (reset_all_requested) {
			reset_all_requested = 0;
			for (int i = 0; i < board_count; i++) if (boards[i]->running) board_reset(boards[i]);
			printf("OK reset all\n");
		}
	}
	shutdown_links();
	for (int i = 0; i < board_count; i++) eeprom_save(boards[i]);
	printf("STOPPED\n");
	return 0;
}
