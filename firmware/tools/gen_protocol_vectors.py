#!/usr/bin/env python3
"""Writes test-fixtures/protocol-vectors.txt from firmware/PROTOCOL.md.

An implementation of the spec independent of the C core (its own COBS, CRC and board arithmetic), so the
vectors check the firmware and the Java codec against the document, not against each other.
Run: python3 firmware/tools/gen_protocol_vectors.py  (rewrites the file; commit the result).
"""
import math
import os
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "test-fixtures", "protocol-vectors.txt")

VERSION = 1
MAX_PAYLOAD = 160                     # request payloads (PROTOCOL.md §Framing)
MAX_BODY = MAX_PAYLOAD + 5
MAX_STAGE_COUNT = (MAX_PAYLOAD - 3) // 4

T = dict(IDENTIFY=0x01, CONFIGURE=0x02, LOAD_DEVICE_PARAMS=0x03, READ_DEVICE_PARAMS=0x04, WRITE_STAGE=0x05,
         COMMIT=0x06, ABORT_STAGE=0x07, READ_WEIGHTS=0x08, APPLY_PULSES=0x09, READ_SYNAPSE=0x0A, INFER=0x0B,
         SAVE_EEPROM=0x0C, LOAD_EEPROM=0x0D, COUNTERS=0x0E, RESET=0x0F, SET_BOARD_ID=0x10, PHYS_CONFIG=0x11,
         PHYS_PULSE=0x12, PHYS_READ=0x13)
NACK = 0xFF
ERR = dict(BAD_VERSION=1, UNKNOWN_TYPE=2, BAD_LENGTH=3, BAD_ARG=4, STAGE_COUNT=5, STAGE_INCOMPLETE=6,
           STAGE_CRC=7, NO_PARAMS=8, EEPROM_EMPTY=9, EEPROM_FAIL=10, PHYS_UNAVAILABLE=11)
ERR_NAME = {v: k for k, v in ERR.items()}

DEVP = [("polarity", "B"), ("amp_index", "B"), ("r0_ohm", "f"), ("r1_ohm", "f"), ("a", "f"),
        ("g_lsb_s", "f"), ("read_voltage_v", "f"), ("pulse_width_s", "f")]
# Request and ACK payload layouts: fixed fields, then an optional repeated group (name, fields), then
# optional trailing fields (INFER's elapsed_us). IDENTIFY's name takes the rest of its payload.
REQ = {
    "IDENTIFY": ([], None, []),
    "CONFIGURE": ([("n_neurons", "B"), ("n_inputs", "B"), ("activation", "B"), ("frac_bits", "B"), ("k", "H")], None, []),
    "LOAD_DEVICE_PARAMS": (DEVP, None, []),
    "READ_DEVICE_PARAMS": ([("polarity", "B"), ("amp_index", "B")], None, []),
    "WRITE_STAGE": ([("offset", "H"), ("count", "B")], [("c_plus", "H"), ("c_minus", "H")], []),
    "COMMIT": ([("count", "H"), ("crc", "H")], None, []),
    "ABORT_STAGE": ([], None, []),
    "READ_WEIGHTS": ([("offset", "H"), ("count", "B")], None, []),
    "APPLY_PULSES": ([("synapse", "H"), ("device", "B"), ("polarity", "B"), ("amp_index", "B"), ("count", "H")], None, []),
    "READ_SYNAPSE": ([("synapse", "H")], None, []),
    "INFER": ([], [("x", "h")], []),
    "SAVE_EEPROM": ([], None, []),
    "LOAD_EEPROM": ([], None, []),
    "COUNTERS": ([("clear", "B")], None, []),
    "RESET": ([], None, []),
    "SET_BOARD_ID": ([("board_id", "H")], None, []),
    "PHYS_CONFIG": ([("series_resistor_ohm", "f")], None, []),
    "PHYS_PULSE": ([("pin", "B"), ("width_us", "I"), ("count", "H"), ("gap_us", "I")], None, []),
    "PHYS_READ": ([("samples", "B")], None, []),
}
COUNTER_NAMES = ["frames_good", "frames_bad", "duplicates", "nacks", "pulses", "phys_pulses", "eeprom_saves"]
ACK = {
    "IDENTIFY": ([("protocol_version", "B"), ("fw_major", "B"), ("fw_minor", "B"), ("fw_patch", "B"),
                  ("board_id", "H"), ("max_neurons", "B"), ("max_inputs", "B"), ("max_synapses", "H"),
                  ("max_amplitudes", "B"), ("phys_channels", "B"), ("max_payload", "B"), ("n_neurons", "B"),
                  ("n_inputs", "B"), ("activation", "B"), ("frac_bits", "B"), ("k", "H")], None, []),
    "CONFIGURE": ([("n_synapses", "H")], None, []),
    "LOAD_DEVICE_PARAMS": ([], None, []),
    "READ_DEVICE_PARAMS": ([("loaded", "B")] + DEVP, None, []),
    "WRITE_STAGE": ([("offset", "H"), ("count", "B")], None, []),
    "COMMIT": ([("count", "H")], None, []),
    "ABORT_STAGE": ([], None, []),
    "READ_WEIGHTS": ([("offset", "H"), ("count", "B")], [("c_plus", "H"), ("c_minus", "H"), ("w", "h")], []),
    "APPLY_PULSES": ([("c_plus", "H"), ("c_minus", "H"), ("w", "h")], None, []),
    "READ_SYNAPSE": ([("c_plus", "H"), ("c_minus", "H"), ("w", "h"), ("r_plus_ohm", "f"), ("r_minus_ohm", "f")], None, []),
    "INFER": ([], [("y", "h")], [("elapsed_us", "I")]),
    "SAVE_EEPROM": ([("generation", "I"), ("slot", "B")], None, []),
    "LOAD_EEPROM": ([("generation", "I"), ("slot", "B")], None, []),
    "COUNTERS": ([(n, "I") for n in COUNTER_NAMES], None, []),
    "RESET": ([], None, []),
    "SET_BOARD_ID": ([("board_id", "H")], None, []),
    "PHYS_CONFIG": ([("series_resistor_ohm", "f")], None, []),
    "PHYS_PULSE": ([("count", "H")], None, []),
    "PHYS_READ": ([("adc_sum", "H"), ("samples", "B"), ("resistance_ohm", "f")], None, []),
}
TYPE_NAME = {v: k for k, v in T.items()}


def crc16(data, crc=0xFFFF):
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, xorout 0."""
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


assert crc16(b"123456789") == 0x29B1


def cobs(body):
    out, group = bytearray(), bytearray()
    for b in body:
        if b == 0:
            out += bytes([len(group) + 1]) + group
            group = bytearray()
        else:
            group.append(b)
            if len(group) == 254:
                out += b"\xff" + group
                group = bytearray()
        # (bodies here are short; the 254 case only matters for the oversized vector)
    out += bytes([len(group) + 1]) + group
    return bytes(out)


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def fmt_float(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    for digits in range(6, 10):  # shortest decimal that parses back to the same f32
        s = "%.*g" % (digits, x)
        if f32(float(s)) == x:
            return s
    raise AssertionError(x)


def pack(layout, values):
    fixed, rep, trail = layout
    out = b"".join(struct.pack("<" + f, values[n]) for n, f in fixed)
    if rep:
        for item in values.get("items", []):
            out += b"".join(struct.pack("<" + f, item[n]) for n, f in rep)
    out += b"".join(struct.pack("<" + f, values[n]) for n, f in trail)
    if "name" in values:
        out += values["name"].encode("ascii")
    return out


def describe(layout, payload, has_name=False):
    """name=value text of a payload (the `fields` column)."""
    fixed, rep, trail = layout
    parts, pos = [], 0

    def take(name, f):
        nonlocal pos
        size = struct.calcsize("<" + f)
        (v,) = struct.unpack_from("<" + f, payload, pos)
        pos += size
        parts.append("%s=%s" % (name, fmt_float(v) if f == "f" else v))

    for n, f in fixed:
        take(n, f)
    if rep:
        item = struct.calcsize("<" + "".join(f for _, f in rep))
        tail = struct.calcsize("<" + "".join(f for _, f in trail)) if trail else 0
        for j in range((len(payload) - pos - tail) // item):
            for n, f in rep:
                take("%s.%d" % (n, j), f)
    for n, f in trail:
        take(n, f)
    if has_name:
        parts.append("name=" + payload[pos:].decode("ascii"))
        pos = len(payload)
    assert pos == len(payload), (layout, payload.hex())
    return " ".join(parts) if parts else "-"


def body(ver, seq, typ, payload):
    b = bytes([ver, seq, typ]) + payload
    return b + struct.pack("<H", crc16(b))


def wire(b):
    return cobs(b) + b"\x00"


def decode_col(ver, seq, typ, payload):
    return "OK ver=%d seq=%d type=%d payload=%s" % (ver, seq, typ, payload.hex() or "-")


# ---- a model of the board, just enough for the script below (PROTOCOL.md §Messages, §Arithmetic) ----

def sat16(v):
    return max(-32768, min(32767, v))


def weight(cp, cm, k):
    return sat16(((cp - cm) * k) >> 8)


def plan(v, one):
    a = abs(v)
    if a >= 5 * one:
        s = one
    elif a >= (19 * one) >> 3:
        s = (a >> 5) + ((27 * one) >> 5)
    elif a >= one:
        s = (a >> 3) + ((5 * one) >> 3)
    else:
        s = (a >> 2) + (one >> 1)
    return s if v >= 0 else one - s


def act(code, z, one):
    if code == 0:
        return z
    if code == 1:
        return one if z > 0 else 0
    if code == 2:
        return one if z > 0 else (-one if z < 0 else 0)
    if code == 3:
        return max(z, 0)
    if code == 4:
        return plan(z, one)
    return 2 * plan(2 * z, one) - one


def infer(codes, n_neurons, n_inputs, k, F, activation, xs):
    one = 1 << F
    ys = []
    for j in range(n_neurons):
        acc = 0
        for i in range(n_inputs + 1):
            cp, cm = codes[j * (n_inputs + 1) + i]
            x = xs[i] if i < n_inputs else one
            acc = max(-2**31, min(2**31 - 1, acc + weight(cp, cm, k) * x))
        ys.append(act(activation, sat16(acc >> F), one))
    return ys


def pulse(c, r0, r1, a, g_lsb):
    """One emulated pulse (PROTOCOL.md §Device emulation) in double; asserts the result is not near a
    rounding boundary, so the f32 firmware must give the same code."""
    r = math.inf if c == 0 else f32(1.0 / f32(c * g_lsb))
    if r <= r0:
        n = math.inf if a < 0 else 0.0
    elif math.isinf(r):
        n = 0.0 if a < 0 else math.inf
    else:
        n = ((r - r0) / r1) ** (1.0 / a)
    if math.isinf(n):
        rn = r0 if a < 0 else math.inf
    else:
        rn = r0 + r1 * (n + 1) ** a
    if math.isinf(rn):
        return 0
    exact = 1.0 / (rn * g_lsb)
    assert abs(exact - math.floor(exact) - 0.5) > 0.05, exact
    return max(0, min(65535, int(math.floor(exact + 0.5))))


class Script:
    def __init__(self):
        self.lines = []
        self.names = set()
        self.seq = 0

    def next_seq(self):
        self.seq = (self.seq + 1) & 0xFF
        return self.seq

    def add(self, direction, name, wire_bytes, decode, fields, reply):
        assert name not in self.names, name
        self.names.add(name)
        self.lines.append(" | ".join([direction, name, wire_bytes.hex(), decode, fields, reply]))

    def request(self, name, tname, values, reply, seq=None, ver=VERSION):
        seq = self.next_seq() if seq is None else seq
        payload = pack(REQ[tname], values)
        b = body(ver, seq, T[tname], payload)
        self.add("H2B", name, wire(b), decode_col(ver, seq, T[tname], payload), describe(REQ[tname], payload), reply)
        return b

    def raw(self, name, wire_bytes, decode, fields="-", reply="none", direction="H2B"):
        self.add(direction, name, wire_bytes, decode, fields, reply)


def ack(tname, values):
    p = pack(ACK[tname], values)
    return "ACK " + (p.hex() or "-")


def nack(err, detail):
    return "NACK %s detail=%d" % (err, detail)


def identify_ack(board_id, cfg, phys_wildcard=True):
    """phys_channels (payload byte 11) is 1 on a Nano, 0 natively and on a virtual board: a wildcard in replies."""
    text = ack("IDENTIFY", dict(protocol_version=1, fw_major=1, fw_minor=1, fw_patch=0, board_id=board_id,
                                max_neurons=8, max_inputs=32, max_synapses=68, max_amplitudes=4,
                                phys_channels=0, max_payload=MAX_PAYLOAD, n_neurons=cfg[0], n_inputs=cfg[1],
                                activation=cfg[2], frac_bits=cfg[3], k=cfg[4], name="nanosynapse"))
    return text[:4 + 22] + "??" + text[4 + 24:] if phys_wildcard else text


def main():
    s = Script()
    counters = dict.fromkeys(COUNTER_NAMES, 0)

    def good(n=1):
        counters["frames_good"] += n

    # Power-on defaults: 4 x 16, identity, F 8, k 256, codes 0; SET amplitude 0 = published set.
    s.request("identify.fresh", "IDENTIFY", {}, identify_ack(0, (4, 16, 0, 8, 256))); good()

    cfg = dict(n_neurons=2, n_inputs=3, activation=3, frac_bits=8, k=256)
    s.request("configure.2x3.relu", "CONFIGURE", cfg, ack("CONFIGURE", dict(n_synapses=8))); good()
    codes = [(10300, 10000), (10000, 10150), (12000, 11000), (10000, 10064),
             (0, 40000), (20000, 19900), (5, 0), (10512, 10000)]
    items = [dict(c_plus=p, c_minus=m) for p, m in codes]
    s.request("write_stage.0-3", "WRITE_STAGE", dict(offset=0, count=4, items=items[:4]),
              ack("WRITE_STAGE", dict(offset=0, count=4))); good()
    ws2 = s.request("write_stage.4-7", "WRITE_STAGE", dict(offset=4, count=4, items=items[4:]),
                    ack("WRITE_STAGE", dict(offset=4, count=4))); good()
    staged = b"".join(struct.pack("<HH", p, m) for p, m in codes)
    commit_crc = crc16(staged)
    commit_body = s.request("commit.8", "COMMIT", dict(count=8, crc=commit_crc), ack("COMMIT", dict(count=8))); good()
    live = list(codes)
    weights_ack = ack("READ_WEIGHTS", dict(offset=0, count=8, items=[
        dict(c_plus=p, c_minus=m, w=weight(p, m, 256)) for p, m in live]))
    s.request("read_weights.all", "READ_WEIGHTS", dict(offset=0, count=8), weights_ack); good()
    xs = [256, -128, 64]
    ys = infer(live, 2, 3, 256, 8, 3, xs)
    infer_reply = "ACK " + b"".join(struct.pack("<h", y) for y in ys).hex() + "????????"
    infer_body = s.request("infer.relu", "INFER", dict(items=[dict(x=x) for x in xs]), infer_reply); good()
    # A retransmission: same seq, type and CRC -> the cached response, not a second execution.
    s.raw("infer.retransmit", wire(infer_body), decode_col(1, infer_body[1], T["INFER"], infer_body[3:-2]),
          describe(REQ["INFER"], infer_body[3:-2]), infer_reply); good(); counters["duplicates"] += 1

    # ---- bad frames: none of them may change the weights ----
    bad_items = [dict(c_plus=1, c_minus=2)] * 4
    b = bytearray(body(1, s.next_seq(), T["WRITE_STAGE"], pack(REQ["WRITE_STAGE"], dict(offset=0, count=4, items=bad_items))))
    b[-1] ^= 0x5A
    s.raw("bad.crc", wire(bytes(b)), "ERR BAD_CRC"); counters["frames_bad"] += 1
    b = body(1, s.next_seq(), T["WRITE_STAGE"], pack(REQ["WRITE_STAGE"], dict(offset=0, count=4, items=bad_items)))
    s.raw("bad.truncated_payload", wire(b[:10]), "ERR BAD_CRC"); counters["frames_bad"] += 1
    s.raw("bad.truncated_header", wire(commit_body[:4]), "ERR TOO_SHORT"); counters["frames_bad"] += 1
    s.raw("bad.empty_body_byte", wire(b"\x01"), "ERR TOO_SHORT"); counters["frames_bad"] += 1
    big = body(1, s.next_seq(), T["INFER"], bytes(range(1, MAX_PAYLOAD + 2)))  # one byte over the largest body
    assert len(big) == MAX_BODY + 1
    s.raw("bad.oversized", wire(big), "ERR OVERSIZED"); counters["frames_bad"] += 1
    s.raw("bad.oversized_no_zero_run", wire(b"\x55" * 300), "ERR OVERSIZED"); counters["frames_bad"] += 1
    s.raw("bad.cobs_overrun", bytes.fromhex("0501020300"), "ERR BAD_COBS"); counters["frames_bad"] += 1
    s.raw("bad.cobs_code_at_end", bytes.fromhex("0211030200"), "ERR BAD_COBS"); counters["frames_bad"] += 1
    # Frames that pass the CRC but are refused: each gets a NACK and changes nothing.
    s.request("bad.version2", "WRITE_STAGE", dict(offset=0, count=4, items=bad_items), nack("BAD_VERSION", 1), ver=2)
    good(); counters["nacks"] += 1
    seq = s.next_seq()
    b = body(1, seq, 0x7E, b"\x01\x02")
    s.raw("bad.unknown_type", wire(b), decode_col(1, seq, 0x7E, b"\x01\x02"), "-", nack("UNKNOWN_TYPE", 0))
    good(); counters["nacks"] += 1
    seq = s.next_seq()
    b = body(1, seq, T["READ_WEIGHTS"], b"\x00\x00")
    s.raw("bad.length", wire(b), decode_col(1, seq, T["READ_WEIGHTS"], b"\x00\x00"), "-", nack("BAD_LENGTH", 3))
    good(); counters["nacks"] += 1
    s.request("bad.configure_neurons", "CONFIGURE", dict(cfg, n_neurons=9), nack("BAD_ARG", 0)); good(); counters["nacks"] += 1
    s.request("bad.configure_too_many_synapses", "CONFIGURE", dict(cfg, n_neurons=8, n_inputs=9), nack("BAD_ARG", 1))
    good(); counters["nacks"] += 1
    # The largest body passes the framing checks (and is refused by INFER for its length); one more synapse
    # than a WRITE_STAGE may carry is refused at its count.
    seq = s.next_seq()
    longest = bytes(range(1, MAX_PAYLOAD + 1))
    s.raw("bad.infer_largest_frame", wire(body(1, seq, T["INFER"], longest)), decode_col(1, seq, T["INFER"], longest),
          describe(REQ["INFER"], longest), nack("BAD_LENGTH", 2 * cfg["n_inputs"]))
    good(); counters["nacks"] += 1
    s.request("bad.stage_count_over_max", "WRITE_STAGE", dict(offset=0, count=MAX_STAGE_COUNT + 1), nack("BAD_ARG", 2))
    good(); counters["nacks"] += 1
    s.request("bad.stage_out_of_range", "WRITE_STAGE", dict(offset=6, count=4, items=bad_items), nack("BAD_ARG", 2))
    good(); counters["nacks"] += 1
    s.request("bad.read_weights_range", "READ_WEIGHTS", dict(offset=8, count=1), nack("BAD_ARG", 0)); good(); counters["nacks"] += 1
    # A new weight set, one chunk missing: COMMIT is refused and the live weights stay whole.
    new_codes = [(11000 + 10 * i, 10000) for i in range(8)]
    new_items = [dict(c_plus=p, c_minus=m) for p, m in new_codes]
    s.request("stage.partial", "WRITE_STAGE", dict(offset=0, count=4, items=new_items[:4]),
              ack("WRITE_STAGE", dict(offset=0, count=4))); good()
    new_crc = crc16(b"".join(struct.pack("<HH", p, m) for p, m in new_codes))
    s.request("bad.commit_missing_chunk", "COMMIT", dict(count=8, crc=new_crc), nack("STAGE_INCOMPLETE", 4))
    good(); counters["nacks"] += 1
    s.request("bad.commit_count", "COMMIT", dict(count=7, crc=new_crc), nack("STAGE_COUNT", 8)); good(); counters["nacks"] += 1
    s.request("stage.rest", "WRITE_STAGE", dict(offset=4, count=4, items=new_items[4:]),
              ack("WRITE_STAGE", dict(offset=4, count=4))); good()
    s.request("bad.commit_crc", "COMMIT", dict(count=8, crc=new_crc ^ 0x0001), nack("STAGE_CRC", new_crc))
    good(); counters["nacks"] += 1
    s.request("abort_stage", "ABORT_STAGE", {}, ack("ABORT_STAGE", {})); good()
    s.request("bad.commit_after_abort", "COMMIT", dict(count=8, crc=new_crc), nack("STAGE_INCOMPLETE", 0))
    good(); counters["nacks"] += 1
    s.request("bad.pulse_no_params", "APPLY_PULSES", dict(synapse=1, device=1, polarity=1, amp_index=0, count=3),
              nack("NO_PARAMS", 256)); good(); counters["nacks"] += 1
    s.request("bad.pulse_count_zero", "APPLY_PULSES", dict(synapse=0, device=0, polarity=0, amp_index=0, count=0),
              nack("BAD_ARG", 5)); good(); counters["nacks"] += 1
    s.request("bad.load_params_set_positive_a", "LOAD_DEVICE_PARAMS",
              dict(polarity=0, amp_index=1, r0_ohm=200.0, r1_ohm=2.3e8, a=0.146, g_lsb_s=1e-12,
                   read_voltage_v=-1.0, pulse_width_s=0.1), nack("BAD_ARG", 10)); good(); counters["nacks"] += 1
    # Re-sending an old frame whose seq is not the last one is a new request: the same weights again.
    s.raw("resend.write_stage_old_seq", wire(ws2), decode_col(1, ws2[1], T["WRITE_STAGE"], ws2[3:-2]),
          describe(REQ["WRITE_STAGE"], ws2[3:-2]), ack("WRITE_STAGE", dict(offset=4, count=4))); good()
    s.request("abort_stage.again", "ABORT_STAGE", {}, ack("ABORT_STAGE", {})); good()
    s.request("read_weights.unchanged", "READ_WEIGHTS", dict(offset=0, count=8), weights_ack); good()
    s.request("infer.unchanged", "INFER", dict(items=[dict(x=x) for x in xs]), infer_reply); good()

    # ---- device emulation ----
    r0, r1, a, g = f32(200.0), f32(2.3e8), f32(-0.146), f32(1e-12)
    cp = live[0][0]
    for _ in range(2):
        cp = pulse(cp, r0, r1, a, g)
    live[0] = (cp, live[0][1])
    s.request("pulse.set", "APPLY_PULSES", dict(synapse=0, device=0, polarity=0, amp_index=0, count=2),
              ack("APPLY_PULSES", dict(c_plus=cp, c_minus=live[0][1], w=weight(cp, live[0][1], 256)))); good()
    counters["pulses"] += 2
    reset_p = dict(polarity=1, amp_index=0, r0_ohm=1.0e5, r1_ohm=2.0e6, a=0.8, g_lsb_s=1e-12,
                   read_voltage_v=-1.0, pulse_width_s=0.1)
    s.request("load_params.reset0", "LOAD_DEVICE_PARAMS", reset_p, ack("LOAD_DEVICE_PARAMS", {})); good()
    s.request("read_params.reset0", "READ_DEVICE_PARAMS", dict(polarity=1, amp_index=0),
              ack("READ_DEVICE_PARAMS", dict(reset_p, loaded=1))); good()
    s.request("read_params.set3_unloaded", "READ_DEVICE_PARAMS", dict(polarity=0, amp_index=3),
              ack("READ_DEVICE_PARAMS", dict(loaded=0, polarity=0, amp_index=3, r0_ohm=0.0, r1_ohm=0.0, a=0.0,
                                             g_lsb_s=1e-12, read_voltage_v=-1.0, pulse_width_s=0.1))); good()
    cm = live[1][1]
    for _ in range(3):
        cm = pulse(cm, f32(1e5), f32(2e6), f32(0.8), g)
    live[1] = (live[1][0], cm)
    s.request("pulse.reset", "APPLY_PULSES", dict(synapse=1, device=1, polarity=1, amp_index=0, count=3),
              ack("APPLY_PULSES", dict(c_plus=live[1][0], c_minus=cm, w=weight(live[1][0], cm, 256)))); good()
    counters["pulses"] += 3
    rp = f32(1.0 / f32(live[4][0] * g)) if live[4][0] else math.inf
    rm = f32(1.0 / f32(live[4][1] * g))
    s.request("read_synapse.4", "READ_SYNAPSE", dict(synapse=4),
              ack("READ_SYNAPSE", dict(c_plus=live[4][0], c_minus=live[4][1], w=weight(*live[4], 256),
                                       r_plus_ohm=rp, r_minus_ohm=rm))); good()

    # ---- identity, EEPROM, counters, reset ----
    s.request("set_board_id", "SET_BOARD_ID", dict(board_id=0x1234), ack("SET_BOARD_ID", dict(board_id=0x1234)))
    good(); counters["eeprom_saves"] += 1
    s.request("identify.configured", "IDENTIFY", {}, identify_ack(0x1234, (2, 3, 3, 8, 256))); good()
    s.request("bad.load_eeprom_empty", "LOAD_EEPROM", {}, nack("EEPROM_EMPTY", 0)); good(); counters["nacks"] += 1
    s.request("save_eeprom", "SAVE_EEPROM", {}, ack("SAVE_EEPROM", dict(generation=1, slot=0))); good()
    counters["eeprom_saves"] += 1
    s.request("save_eeprom.again", "SAVE_EEPROM", {}, ack("SAVE_EEPROM", dict(generation=2, slot=1))); good()
    counters["eeprom_saves"] += 1
    good()  # the COUNTERS request counts itself
    s.request("counters", "COUNTERS", dict(clear=0), ack("COUNTERS", counters))
    s.request("configure.other_shape", "CONFIGURE", dict(n_neurons=1, n_inputs=2, activation=0, frac_bits=8, k=256),
              ack("CONFIGURE", dict(n_synapses=3)))
    s.request("load_eeprom", "LOAD_EEPROM", {}, ack("LOAD_EEPROM", dict(generation=2, slot=1)))
    weights2 = ack("READ_WEIGHTS", dict(offset=0, count=8, items=[
        dict(c_plus=p, c_minus=m, w=weight(p, m, 256)) for p, m in live]))
    s.request("read_weights.after_load", "READ_WEIGHTS", dict(offset=0, count=8), weights2)
    reset_body = s.request("reset", "RESET", {}, ack("RESET", {}))
    s.raw("reset.retransmit", wire(reset_body), decode_col(1, reset_body[1], T["RESET"], b""), "-", ack("RESET", {}))
    zero = dict.fromkeys(COUNTER_NAMES, 0)
    zero.update(frames_good=2, duplicates=1)  # the retransmitted RESET and this request
    s.request("counters.after_reset", "COUNTERS", dict(clear=1), ack("COUNTERS", zero))
    s.request("identify.after_reset", "IDENTIFY", {}, identify_ack(0x1234, (2, 3, 3, 8, 256)))
    s.request("read_weights.after_reset", "READ_WEIGHTS", dict(offset=0, count=8), weights2)
    ys2 = infer(live, 2, 3, 256, 8, 3, [-256, 512, 32767])
    s.request("infer.after_reset", "INFER", dict(items=[dict(x=x) for x in [-256, 512, 32767]]),
              "ACK " + b"".join(struct.pack("<h", y) for y in ys2).hex() + "????????")

    # ---- the physical channel (PHYS_CONFIG, PHYS_PULSE, PHYS_READ) ----
    # The length and field checks come before the channel check (§Messages, validation order), so every NACK
    # below is the same on every board. A board without the channel answers the PHYS_PULSE and PHYS_READ lines
    # whose reply is an ACK with NACK PHYS_UNAVAILABLE detail=0 (§Test vectors); the ADC's bytes are `??`.
    phys = dict.fromkeys(COUNTER_NAMES, 0)
    phys["frames_good"] = 3  # identify, read_weights and infer after the counters were cleared

    def phys_good(refused=False):
        phys["frames_good"] += 1
        phys["nacks"] += int(refused)

    def raw_request(name, tname, payload, reply):
        seq = s.next_seq()
        s.raw(name, wire(body(1, seq, T[tname], payload)), decode_col(1, seq, T[tname], payload), "-", reply)

    def adc_reply(samples):
        return "ACK ????" + struct.pack("<B", samples).hex() + "????????"  # adc_sum, samples, resistance_ohm

    s.request("phys_config.10k", "PHYS_CONFIG", dict(series_resistor_ohm=1e4),
              ack("PHYS_CONFIG", dict(series_resistor_ohm=1e4))); phys_good()
    s.request("phys_config.680k", "PHYS_CONFIG", dict(series_resistor_ohm=6.8e5),
              ack("PHYS_CONFIG", dict(series_resistor_ohm=6.8e5))); phys_good()
    for name, r in (("zero", 0.0), ("negative", -1e5), ("inf", math.inf), ("nan", math.nan)):
        s.request("bad.phys_config_" + name, "PHYS_CONFIG", dict(series_resistor_ohm=r), nack("BAD_ARG", 0))
        phys_good(True)
    raw_request("bad.phys_config_length", "PHYS_CONFIG", struct.pack("<f", 1e5)[:3], nack("BAD_LENGTH", 4))
    phys_good(True)
    # Short pulses, so the AVR binary in simavr gets through them quickly.
    s.request("phys_pulse.set", "PHYS_PULSE", dict(pin=0, width_us=10, count=1, gap_us=0),
              ack("PHYS_PULSE", dict(count=1))); phys_good()
    train = s.request("phys_pulse.reset_train", "PHYS_PULSE", dict(pin=1, width_us=100, count=3, gap_us=50),
                      ack("PHYS_PULSE", dict(count=3))); phys_good()
    s.raw("phys_pulse.retransmit", wire(train), decode_col(1, train[1], T["PHYS_PULSE"], train[3:-2]),
          describe(REQ["PHYS_PULSE"], train[3:-2]), ack("PHYS_PULSE", dict(count=3)))
    phys["frames_good"] += 1; phys["duplicates"] += 1
    pulse_ok = dict(pin=0, width_us=10, count=1, gap_us=0)
    for name, change, detail in (
            ("pin", dict(pin=2), 0),
            ("width_zero", dict(width_us=0), 1),
            ("width_over", dict(width_us=60000001), 1),
            ("count_zero", dict(count=0), 5),
            ("count_over", dict(count=1001), 5),
            ("gap_over", dict(gap_us=60000001), 7),
            # 2·(60 000 000 + 1) us is 2 us over the 120 s a train may last
            ("train_too_long", dict(width_us=60000000, count=2, gap_us=1), 7),
            # 1000 · 4 294 968 us wraps to 704 in u32 arithmetic: the limit must be checked without overflow
            ("train_u32_wrap", dict(width_us=4294968, count=1000, gap_us=0), 7)):
        s.request("bad.phys_pulse_" + name, "PHYS_PULSE", dict(pulse_ok, **change), nack("BAD_ARG", detail))
        phys_good(True)
    full = pack(REQ["PHYS_PULSE"], pulse_ok)
    raw_request("bad.phys_pulse_short", "PHYS_PULSE", full[:10], nack("BAD_LENGTH", 11)); phys_good(True)
    raw_request("bad.phys_pulse_long", "PHYS_PULSE", full + b"\x00", nack("BAD_LENGTH", 11)); phys_good(True)
    s.request("phys_read.1", "PHYS_READ", dict(samples=1), adc_reply(1)); phys_good()
    s.request("phys_read.64", "PHYS_READ", dict(samples=64), adc_reply(64)); phys_good()
    s.request("bad.phys_read_zero", "PHYS_READ", dict(samples=0), nack("BAD_ARG", 0)); phys_good(True)
    s.request("bad.phys_read_65", "PHYS_READ", dict(samples=65), nack("BAD_ARG", 0)); phys_good(True)
    raw_request("bad.phys_read_empty", "PHYS_READ", b"", nack("BAD_LENGTH", 1)); phys_good(True)
    raw_request("bad.phys_read_long", "PHYS_READ", b"\x08\x00", nack("BAD_LENGTH", 1)); phys_good(True)
    phys_good()  # the COUNTERS request counts itself
    # nacks and phys_pulses depend on the channel (4 pulses with it, 3 more NACKs without): wildcards
    text = ack("COUNTERS", phys)
    at = {n: 4 + 8 * i for i, n in enumerate(COUNTER_NAMES)}
    for n in ("nacks", "phys_pulses"):
        text = text[:at[n]] + "????????" + text[at[n] + 8:]
    s.request("counters.after_phys", "COUNTERS", dict(clear=0), text)

    # ---- frames the board sends (B2H) for the host's decoder ----
    def response(name, seq, typ, payload, fields):
        b = body(1, seq, typ, payload)
        s.add("B2H", name, wire(b), decode_col(1, seq, typ, payload), fields, "-")
        return b

    p = bytes.fromhex(identify_ack(0x1234, (2, 3, 3, 8, 256), phys_wildcard=False)[4:])
    response("resp.identify", 7, 0x81, p, describe(ACK["IDENTIFY"], p, has_name=True))
    p = pack(ACK["READ_WEIGHTS"], dict(offset=0, count=2, items=[dict(c_plus=10300, c_minus=10000, w=300),
                                                                   dict(c_plus=0, c_minus=40000, w=-32768)]))
    response("resp.read_weights", 8, 0x88, p, describe(ACK["READ_WEIGHTS"], p))
    p = pack(ACK["INFER"], dict(items=[dict(y=561), dict(y=0)], elapsed_us=1234))
    response("resp.infer", 9, 0x8B, p, describe(ACK["INFER"], p))
    p = pack(ACK["READ_SYNAPSE"], dict(c_plus=0, c_minus=10000, w=-10000, r_plus_ohm=math.inf, r_minus_ohm=f32(1e8)))
    response("resp.read_synapse_inf", 10, 0x8A, p, describe(ACK["READ_SYNAPSE"], p))
    p = bytes([T["COMMIT"], ERR["STAGE_CRC"]]) + struct.pack("<H", 0xBEEF)
    response("resp.nack_stage_crc", 11, NACK, p, "req_type=6 error=STAGE_CRC detail=48879")
    p = bytes([T["INFER"], ERR["BAD_LENGTH"]]) + struct.pack("<H", 0)
    response("resp.nack_zero_detail", 0, NACK, p, "req_type=11 error=BAD_LENGTH detail=0")
    p = pack(ACK["PHYS_CONFIG"], dict(series_resistor_ohm=f32(6.8e5)))
    response("resp.phys_config", 13, 0x80 | T["PHYS_CONFIG"], p, describe(ACK["PHYS_CONFIG"], p))
    p = pack(ACK["PHYS_PULSE"], dict(count=1000))
    response("resp.phys_pulse", 14, 0x80 | T["PHYS_PULSE"], p, describe(ACK["PHYS_PULSE"], p))
    # PHYS_READ's resistance as the board computes it in f32: m = adc_sum / samples, R = R_s · m / (1023 − m)
    for name, seq, adc_sum, samples in (("mid", 15, 32768, 64), ("short", 16, 0, 8), ("open", 17, 1023 * 4, 4),
                                        ("one", 18, 700, 1)):
        m = f32(adc_sum / samples)
        ohm = 0.0 if adc_sum == 0 else math.inf if m >= 1023 else f32(f32(f32(6.8e5) * m) / f32(1023 - m))
        p = pack(ACK["PHYS_READ"], dict(adc_sum=adc_sum, samples=samples, resistance_ohm=ohm))
        response("resp.phys_read_" + name, seq, 0x80 | T["PHYS_READ"], p, describe(ACK["PHYS_READ"], p))
    p = bytes([T["PHYS_PULSE"], ERR["PHYS_UNAVAILABLE"]]) + struct.pack("<H", 0)
    response("resp.nack_phys_unavailable", 19, NACK, p, "req_type=18 error=PHYS_UNAVAILABLE detail=0")
    b = bytearray(body(1, 12, 0x8C, pack(ACK["SAVE_EEPROM"], dict(generation=5, slot=1))))
    b[-2] ^= 0x01
    s.add("B2H", "resp.bad_crc", wire(bytes(b)), "ERR BAD_CRC", "-", "-")

    header = """# NanoSynapse protocol test vectors (protocol version 1), generated by firmware/tools/gen_protocol_vectors.py
# from firmware/PROTOCOL.md; format in PROTOCOL.md §Test vectors. Do not edit by hand.
# dir | name | wire | decode | fields | reply
# CRC-16/CCITT-FALSE("123456789") = 0x29b1
"""
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        f.write(header)
        for line in s.lines:
            f.write(line + "\n")
    os.replace(tmp, OUT)
    print("wrote %d vectors to %s" % (len(s.lines), OUT))


if __name__ == "__main__":
    main()
