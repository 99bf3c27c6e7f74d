/*
 * pty_link.h - one board's serial port: a pseudo-terminal in raw mode behind a symlink the caller names.
 *
 * Written instead of simavr's uart_pty part, which always links /tmp/simavr-uart0 (parallel boards clash),
 * starts its pty in cooked mode with echo, and has a 512-byte board->host FIFO with no overflow check.
 * Here the board->host buffer is 16 KB and overflow is counted; while no program has the port open the
 * board's output is discarded, as a USB-serial adapter with a closed port does.
 */
#ifndef NS_PTY_LINK_H
#define NS_PTY_LINK_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	int fd;                   /* pty master, non-blocking */
	char link_path[512];
	char slave_name[64];
	int connected;            /* a program has the slave side open */
	uint8_t rx[4096];         /* host -> board, waiting for the AVR's UART to accept */
	size_t rx_head, rx_len;
	uint8_t tx[16384];        /* board -> host, waiting for the pty to accept */
	size_t tx_len;
	unsigned long tx_dropped;
} pty_link_t;

/* Opens the pty and makes the symlink (a stale symlink there is replaced). 0 on success, else -1 and err. */
int pty_link_open(pty_link_t *l, const char *link_path, char *err, size_t errlen);
void pty_link_close(pty_link_t *l);
/* Handles poll() results for l->fd: updates connected, reads host bytes, writes pending board bytes. */
void pty_link_service(pty_link_t *l, short revents);
void pty_link_put(pty_link_t *l, uint8_t byte);
/* Events to poll for. */
short pty_link_events(const pty_link_t *l);

#endif
