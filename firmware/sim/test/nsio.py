#!/usr/bin/env python3
"""nsio.py - opens an emulated board's port (raw, no echo) for the harness tests.

  nsio.py talk LINK LINE...        send each LINE + '\\n', print the reply line to each (or TIMEOUT)
  nsio.py echo LINK NBYTES [SEED]  send 'E' + NBYTES printable bytes + '\\n'; print 'ok N' if echoed byte-exact
  nsio.py lines LINK N TEXT        send TEXT + '\\n' at once after opening; print the first N lines received
  nsio.py listen LINK SECONDS [READY_FILE]  print the first line received within SECONDS (or nothing);
                                   touch READY_FILE once the port is open
"""
import os
import random
import select
import sys
import termios
import time
import tty


def open_port(path):
    fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
    tty.setraw(fd)
    attrs = termios.tcgetattr(fd)
    attrs[3] &= ~termios.ECHO
    termios.tcsetattr(fd, termios.TCSANOW, attrs)
    return fd


def read_until(fd, pred, timeout_s):
    data = b""
    end = time.monotonic() + timeout_s
    while not pred(data) and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            data += os.read(fd, 4096)
    return data


def main():
    cmd, link = sys.argv[1], sys.argv[2]
    fd = open_port(link)
    if cmd == "talk":
        for line in sys.argv[3:]:
            os.write(fd, line.encode() + b"\n")
            reply = read_until(fd, lambda d: d.endswith(b"\n"), 3.0)
            print(reply.decode(errors="replace").strip() if reply.endswith(b"\n") else "TIMEOUT")
    elif cmd == "echo":
        n = int(sys.argv[3])
        rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
        payload = b"E" + bytes(rnd.randrange(33, 127) for _ in range(n)) + b"\n"
        os.write(fd, payload)   # the kernel pty buffer takes it; the harness paces it into the UART
        got = read_until(fd, lambda d: len(d) >= len(payload), 10.0 + n / 5000)
        print(f"ok {n}" if got == payload else f"MISMATCH sent {len(payload)} got {len(got)}")
    elif cmd == "lines":
        n = int(sys.argv[3])
        os.write(fd, sys.argv[4].encode() + b"\n")
        got = read_until(fd, lambda d: d.count(b"\n") >= n, 5.0)
        sys.stdout.write(got.decode(errors="replace"))
    elif cmd == "listen":
        if len(sys.argv) > 4:
            open(sys.argv[4], "w").close()
        got = read_until(fd, lambda d: b"\n" in d, float(sys.argv[3]))
        sys.stdout.write(got.decode(errors="replace"))
    os.close(fd)


if __name__ == "__main__":
    main()
