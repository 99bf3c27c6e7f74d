/* pty_link.c - raw pty behind a caller-named symlink. See pty_link.h. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "pty_link.h"

static int make_parent_dirs(const char *path)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s", path);
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = 0;
			if (mkdir(dir, 0755) && errno != EEXIST) return -1;
			*p = '/';
		}
	return 0;
}

int pty_link_open(pty_link_t *l, const char *link_path, char *err, size_t errlen)
{
	memset(l, 0, sizeof *l);
	l->fd = -1;
	snprintf(l->link_path, sizeof l->link_path, "%s", link_path);
	struct stat st;
	if (lstat(link_path, &st) == 0) {
		if (!S_ISLNK(st.st_mode)) {
			snprintf(err, errlen, "link=%s exists and is not a symlink", link_path);
			return -1;
		}
		unlink(link_path);
	}
	if (make_parent_dirs(link_path)) {
		snprintf(err, errlen, "link=%s: cannot create its folder: %s", link_path, strerror(errno));
		return -1;
	}
	struct termios tio;
	memset(&tio, 0, sizeof tio);
	cfmakeraw(&tio);              /* raw, no echo: the board's boot output must not come back to it */
	cfsetspeed(&tio, B115200);
	int slave;
	if (openpty(&l->fd, &slave, l->slave_name, &tio, NULL)) {
		snprintf(err, errlen, "openpty: %s", strerror(errno));
		return -1;
	}
	close(slave);                 /* with no slave open the master reports POLLHUP: "port closed" */
	fcntl(l->fd, F_SETFL, fcntl(l->fd, F_GETFL) | O_NONBLOCK);
	fcntl(l->fd, F_SETFD, FD_CLOEXEC);
	if (symlink(l->slave_name, link_path)) {
		snprintf(err, errlen, "link=%s: %s", link_path, strerror(errno));
		close(l->fd);
		l->fd = -1;
		return -1;
	}
	return 0;
}

void pty_link_close(pty_link_t *l)
{
	if (l->fd < 0) return;
	char target[64];
	ssize_t n = readlink(l->link_path, target, sizeof target - 1);
	if (n > 0) {
		target[n] = 0;
		if (!strcmp(target, l->slave_name)) unlink(l->link_path);   /* only our own link */
	}
	close(l->fd);
	l->fd = -1;
}

void pty_link_put(pty_link_t *l, uint8_t byte)
{
	if (!l->connected) return;                   /* nobody listening: the byte is lost, as on a real adapter */
	if (l->tx_len == sizeof l->tx) { l->tx_dropped++; return; }
	l->tx[l->tx_len++] = byte;
}

short pty_link_events(const pty_link_t *l)
{
	short ev = 0;
	if (l->rx_head + l->rx_len < sizeof l->rx) ev |= POLLIN;
	if (l->tx_len) ev |= POLLOUT;
	return ev;
}

void pty_link_service(pty_link_t *l, short revents)
{
	l->connected = !(revents & POLLHUP);
	if (!l->connected) { l->tx_len = 0; return; }
	if (l->rx_len == 0) l->rx_head = 0;
	if (revents & POLLIN) {
		size_t end = l->rx_head + l->rx_len;
		ssize_t n = read(l->fd, l->rx + end, sizeof l->rx - end);
		if (n > 0) l->rx_len += (size_t)n;
	}
	if (l->tx_len) {
		ssize_t n = write(l->fd, l->tx, l->tx_len);
		if (n > 0) {
			memmove(l->tx, l->tx + n, l->tx_len - (size_t)n);
			l->tx_len -= (size_t)n;
		}
	}
}
