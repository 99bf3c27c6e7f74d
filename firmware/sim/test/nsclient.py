#!/usr/bin/env python3
"""nsclient.py - a minimal client of firmware/PROTOCOL.md v1 for the harness tests (not the host codec).

  nsclient.py identify LINK    send IDENTIFY; print "IDENTIFY ok fw=... board_id=... name=..." or "IDENTIFY fail ..."
  nsclient.py phys-read LINK RS_OHM SAMPLES            PHYS_CONFIG then PHYS_READ: "PHYS_READ ok adc_sum=.. r_ohm=.."
  nsclient.py phys-pulse LINK PIN WIDTH_US COUNT GAP_US  PHYS_PULSE (PIN 0 = SET D5, 1 = RESET D6)
  nsclient.py measure LINK     the request sequence of measure-cycles.sh: a 9-input neuron's INFER and
                               APPLY_PULSES with 1 and 101 pulses; one "REQ <label> ..." line per request, in order
"""
import os
import random
import select
import struct
import sys
import termios
import time
import tty

VERSION = 1
IDENTIFY, CONFIGURE, WRITE_STAGE, COMMIT, APPLY_PULSES, INFER = 0x01, 0x02, 0x05, 0x06, 0x09, 0x0B
PHYS_CONFIG, PHYS_PULSE, PHYS_READ = 0x11, 0x12, 0x13


def crc16(data):
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def cobs_encode(body):
    out, group = bytearray(), bytearray()
    for byte in body:
        if byte == 0:
            out += bytes([len(group) + 1]) + group
            group = bytearray()
        else:
            group.append(byte)
            if len(group) == 254:
                out += b"\xff" + group
                group = bytearray()
    return bytes(out + bytes([len(group) + 1]) + group)


def cobs_decode(data):
    out, i = bytearray(), 0
    while i < len(data):
        code = data[i]
        if code == 0 or i + code > len(data):
            raise ValueError("bad COBS")
        out += data[i + 1:i + code]
        i += code
        if code < 255 and i < len(data):
            out.append(0)
    return bytes(out)


class Link:
    def __init__(self, path):
        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd)
        self.seq = random.randrange(256)   # a fresh process must not repeat the last (seq, type, crc): a duplicate
        self.pending = b""
        os.write(self.fd, b"\x00")   # ends any partial frame (PROTOCOL.md §Link)

    def request(self, msg_type, payload=b"", timeout_s=3.0):
        self.seq = (self.seq + 1) & 0xFF
        body = bytes([VERSION, self.seq, msg_type]) + payload
        body += struct.pack("<H", crc16(body))
        os.write(self.fd, cobs_encode(body) + b"\x00")
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            while b"\x00" in self.pending:
                frame, self.pending = self.pending.split(b"\x00", 1)
                if not frame:
                    continue
                body = cobs_decode(frame)
                if len(body) < 5 or crc16(body[:-2]) != struct.unpack("<H", body[-2:])[0]:
                    raise ValueError("reply with a bad CRC")
                if body[1] == self.seq:
                    return body[2], body[3:-2]
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if ready:
                self.pending += os.read(self.fd, 4096)
        raise TimeoutError(f"no reply to type 0x{msg_type:02x}")

    def ack(self, msg_type, payload=b""):
        reply_type, reply = self.request(msg_type, payload)
        if reply_type != 0x80 + msg_type:
            raise ValueError(f"type 0x{msg_type:02x}: NACK {reply.hex()}")
        return reply


def identify(link):
    p = link.ack(IDENTIFY)
    (proto, major, minor, patch, board_id, max_neurons, max_inputs, max_synapses, max_amp, phys, max_payload,
     n_neurons, n_inputs, act, frac, k) = struct.unpack("<BBBBHBBHBBBBBBBH", p[:19])
    print(f"IDENTIFY ok fw={major}.{minor}.{patch} protocol={proto} board_id={board_id} name={p[19:].decode()} "
          f"max_neurons={max_neurons} max_inputs={max_inputs} max_synapses={max_synapses} phys_channels={phys} "
          f"config={n_neurons}x{n_inputs}")


def measure(link):
    link.ack(IDENTIFY)
    print("REQ identify")
    n_inputs = 9
    link.ack(CONFIGURE, struct.pack("<BBBBH", 1, n_inputs, 4, 8, 256))   # 1 neuron, 9 inputs, sigmoid, Q8
    print("REQ configure")
    codes = [(1000 + 37 * i, 500 + 11 * i) for i in range(n_inputs + 1)]
    staged = b"".join(struct.pack("<HH", cp, cm) for cp, cm in codes)
    link.ack(WRITE_STAGE, struct.pack("<HB", 0, len(codes)) + staged)
    print("REQ write_stage")
    link.ack(COMMIT, struct.pack("<HH", len(codes), crc16(staged)))
    print("REQ commit")
    inputs = struct.pack("<9h", *[(i * 53) % 512 - 256 for i in range(n_inputs)])
    for _ in range(5):
        reply = link.ack(INFER, inputs)
        print(f"REQ infer9 elapsed_us={struct.unpack('<I', reply[-4:])[0]}")
    for count in (1, 101):
        for _ in range(3):
            link.ack(APPLY_PULSES, struct.pack("<HBBBH", 0, 0, 0, 0, count))
            print(f"REQ pulses{count}")


def phys_read(link, rs_ohm, samples):
    link.ack(PHYS_CONFIG, struct.pack("<f", rs_ohm))
    adc_sum, n, r_ohm = struct.unpack("<HBf", link.ack(PHYS_READ, bytes([samples])))
    print(f"PHYS_READ ok adc_sum={adc_sum} samples={n} r_ohm={r_ohm:.6g}")


def phys_pulse(link, pin, width_us, count, gap_us):
    reply = link.ack(PHYS_PULSE, struct.pack("<BIHI", pin, width_us, count, gap_us))
    print(f"PHYS_PULSE ok count={struct.unpack('<H', reply)[0]}")


def main():
    cmd, path, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    try:
        link = Link(path)
        if cmd == "identify":
            identify(link)
        elif cmd == "phys-read":
            phys_read(link, float(args[0]), int(args[1]))
        elif cmd == "phys-pulse":
            phys_pulse(link, *(int(a) for a in args))
        else:
            measure(link)
    except (OSError, ValueError, TimeoutError) as e:
        print(f"{cmd.upper()} fail {e}")
        sys.exit(1)


if __name__ == "__main__":
    main()
