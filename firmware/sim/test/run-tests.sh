#!/usr/bin/env bash
# Tests of the simavr harness (firmware/sim): three boards of a tiny test firmware in one process, and three
# boards of the real firmware answering IDENTIFY. Prints "N passed, M failed"; exits 1 on any failure.
# Needs gcc-avr, avr-libc, libsimavr-dev, libelf-dev and python3.  Run: make -C firmware/sim test
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SIM_DIR=$(dirname "$HERE")
FW_DIR=$(dirname "$SIM_DIR")
SIM="$SIM_DIR/nanosynapse-sim"
NSIO="python3 $HERE/nsio.py"
PASSED=0
FAILED=0
WORK=$(mktemp -d /tmp/ns-sim-test.XXXXXX)
SIM_PID=""

pass() { PASSED=$((PASSED + 1)); echo "PASS $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $1${2:+ — $2}"; }
check() { local name=$1 expected=$2 actual=$3
	if [[ "$actual" == $expected ]]; then pass "$name"; else fail "$name" "expected '$expected', got '$actual'"; fi; }

cleanup() {
	[ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

# Starts the harness with the given arguments, output in $WORK/$1.out; waits for its RUNNING line.
start_sim() {
	local name=$1; shift
	"$SIM" --control "$WORK/ctl" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
	SIM_PID=$!
	SIM_OUT="$WORK/$name.out"
	for _ in $(seq 100); do
		grep -q '^RUNNING' "$WORK/$name.out" 2>/dev/null && return 0
		kill -0 "$SIM_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "harness did not start:"; cat "$WORK/$name.err"; return 1
}

abort_run() { echo "$PASSED passed, $((FAILED + 1)) failed (the harness did not start)"; exit 1; }
stop_sim() { kill -TERM "$SIM_PID"; wait "$SIM_PID"; local rc=$?; SIM_PID=""; return $rc; }
# control LINE: send a control line and wait (up to 10 s) for the harness's reply line.
control() { local before; before=$(wc -l <"$SIM_OUT"); echo "$1" >"$WORK/ctl"
	for _ in $(seq 200); do [ "$(wc -l <"$SIM_OUT")" -gt "$before" ] && return; sleep 0.05; done; }
# listen_boards SECONDS ID...: open those ports in the background; each listener keeps the first line it
# receives within SECONDS in $WORK/bootID. Returns once all ports are open.
listen_boards() { local secs=$1; shift; LISTENERS=()
	for i in "$@"; do rm -f "$WORK/open$i"; $NSIO listen "$WORK/ns/board$i" "$secs" "$WORK/open$i" >"$WORK/boot$i" & LISTENERS+=($!); done
	for i in "$@"; do for _ in $(seq 200); do [ -e "$WORK/open$i" ] && break; sleep 0.05; done; done
	sleep 0.05; }
status_field() { grep "^STATUS board=$1 " "$WORK/$2.out" | tail -1 | tr ' ' '\n' | sed -n "s/^$3=//p"; }

# ---------------------------------------------------------------- build
make -s -C "$SIM_DIR" nanosynapse-sim || { echo "0 passed, 1 failed (harness build)"; exit 1; }
mkdir -p "$HERE/build"
avr-gcc -mmcu=atmega328p -DF_CPU=16000000UL -Os -Wall -o "$HERE/build/testfw.elf" "$HERE/testfw.c" \
	|| { echo "0 passed, 1 failed (test firmware build)"; exit 1; }

# ---------------------------------------------------------------- bad input
"$SIM" --board link=$WORK/x >/dev/null 2>"$WORK/bad.err"
check "missing board id exits 2" "2" "$?"
check "one-line error names the field" "1 *id=N*" "$(wc -l <"$WORK/bad.err") $(cat "$WORK/bad.err")"
"$SIM" --elf "$HERE/build/testfw.elf" --board id=1,link=$WORK/x --afe set_a=0.5 >/dev/null 2>&1
check "SET exponent must be negative (exit 2)" "2" "$?"

# ---------------------------------------------------------------- three test boards
UART0_BEFORE=$(stat -c '%Y %i' /tmp/simavr-uart0 2>/dev/null || echo absent)   # simavr's uart_pty link, if any
start_sim three --elf "$HERE/build/testfw.elf" --afe rs=1e6 --wire 1:D13-\>2:D2 \
	--board id=1,link="$WORK/ns/board1" --board id=2,link="$WORK/ns/board2" --board id=3,link="$WORK/ns/board3" \
	|| abort_run
check "one READY line per board" "3" "$(grep -c '^READY board=[123] link=' "$WORK/three.out")"
for i in 1 2 3; do
	check "board $i link is a symlink to a pty" "/dev/pts/*" "$(readlink "$WORK/ns/board$i")"
done

for i in 1 2 3; do
	check "board $i echoes a line" "Ehello board $i" "$($NSIO talk "$WORK/ns/board$i" "Ehello board $i")"
done
# 3000 bytes each, all three at once: more than simavr's 512-byte uart_pty FIFO, byte-exact.
ECHOS=(); for i in 1 2 3; do $NSIO echo "$WORK/ns/board$i" 3000 "$i" >"$WORK/echo$i" & ECHOS+=($!); done
wait "${ECHOS[@]}"
for i in 1 2 3; do check "board $i echoes 3000 bytes byte-exact (concurrently)" "ok 3000" "$(cat "$WORK/echo$i")"; done

# Reset: SIGUSR1 resets every board; each prints its boot line with the EEPROM boot count (kept over resets).
listen_boards 4 1 2 3; kill -USR1 "$SIM_PID"; wait "${LISTENERS[@]}"
for i in 1 2 3; do check "SIGUSR1 resets board $i (EEPROM boot count kept)" "BOOT n=1" "$(tr -d '\r' <"$WORK/boot$i")"; done
# Reset one board by a control line.
listen_boards 4 1 2; control "reset 2"; wait "${LISTENERS[@]}"
check "'reset 2' resets board 2" "BOOT n=2" "$(cat "$WORK/boot2")"
check "'reset 2' leaves board 1 alone" "" "$(cat "$WORK/boot1")"
# Stop and start one board (the host's fault tests kill a board mid-run).
control "stop 3"
check "stopped board 3 does not answer" "TIMEOUT" "$($NSIO talk "$WORK/ns/board3" "Eping")"
check "board 1 runs on while board 3 is stopped" "Eping" "$($NSIO talk "$WORK/ns/board1" "Eping")"
listen_boards 4 3; control "start 3"; wait "${LISTENERS[@]}"
check "'start 3' cold-starts board 3, EEPROM kept" "BOOT n=2" "$(cat "$WORK/boot3")"
check "restarted board 3 answers" "Eback" "$($NSIO talk "$WORK/ns/board3" "Eback")"

# Wire 1:D13 -> 2:D2.
check "wire: board 2 D2 low at first" "P 0" "$($NSIO talk "$WORK/ns/board2" P)"
$NSIO talk "$WORK/ns/board1" H >/dev/null
check "wire: board 1 D13 high -> board 2 D2 high" "P 1" "$($NSIO talk "$WORK/ns/board2" P)"
check "no wire: board 3 D2 stays low" "P 0" "$($NSIO talk "$WORK/ns/board3" P)"
$NSIO talk "$WORK/ns/board1" L >/dev/null
check "wire: board 1 D13 low -> board 2 D2 low" "P 0" "$($NSIO talk "$WORK/ns/board2" P)"

# Analog front-end (--afe rs=1e6): R_s = R_init = 1 MOhm -> 2.5 V -> ADC 511; SET pulses lower R, RESET pulses raise it.
adc() { $NSIO talk "$WORK/ns/board1" A | sed -n 's/^A //p'; }
a0=$(adc); check "ADC0 reads the divider at R_init = R_s" "511" "$a0"
$NSIO talk "$WORK/ns/board1" S5 >/dev/null; a1=$(adc)
check "5 SET pulses lower R, so ADC0 falls" "yes" "$([ "$a1" -lt "$a0" ] && echo yes || echo "no ($a0 -> $a1)")"
$NSIO talk "$WORK/ns/board1" s >/dev/null; a2=$(adc)
check "a 0.125 us glitch is not a pulse" "$a1" "$a2"
$NSIO talk "$WORK/ns/board1" R5 >/dev/null; a3=$(adc)
check "5 RESET pulses raise R, so ADC0 rises" "yes" "$([ "$a3" -gt "$a1" ] && echo yes || echo "no ($a1 -> $a3)")"
control "status 1"
check "harness counted 5 SET, 5 RESET, 1 short pulse" "5 5 1" \
	"$(status_field 1 three set_pulses) $(status_field 1 three reset_pulses) $(status_field 1 three short_pulses)"
v=$(status_field 1 three adc_v)
expected=$(python3 -c "print(int(round($v * 1000) * 1023 // 5000))")   # simavr: mV * 1023 / AVCC mV
check "ADC0 count matches the model's divider voltage ($v V)" "yes" \
	"$(python3 -c "print('yes' if $a3 == $expected else 'no: $a3 vs $expected')")"
control "set-r 1 3e6"
check "set-r 1 3e6 -> 3.75 V -> ADC 767 (simavr scales by 1023)" "767" "$(adc)"
control "status 2"
check "board 2's memristor untouched by board 1's pulses" "1e+06" "$(status_field 2 three r_ohm)"

check "no /tmp/simavr-uart0 link was made or touched" "$UART0_BEFORE" "$(stat -c '%Y %i' /tmp/simavr-uart0 2>/dev/null || echo absent)"
stop_sim; rc=$?
check "SIGTERM: clean exit" "0" "$rc"
check "SIGTERM: links removed" "0" "$(ls "$WORK/ns" | wc -l)"
check "SIGTERM: STOPPED line" "STOPPED" "$(tail -1 "$WORK/three.out")"

# ---------------------------------------------------------------- the SET law over a seeded run
# 20 SET pulses with noise=0 follow R(n) = R0 + R1 (n+1)^a from the recovered n exactly.
start_sim law --elf "$HERE/build/testfw.elf" --afe noise=0,r_init=2e6 --board id=1,link="$WORK/ns/law" || abort_run
$NSIO talk "$WORK/ns/law" S20 >/dev/null; control "status 1"
r=$(status_field 1 law r_ohm)
expected=$(python3 -c "
r0,r1,a=200,8.93e5,-0.55
r=2e6
for _ in range(20):
    n=((r-r0)/r1)**(1/a); r=r0+r1*(n+1)**a
print('%.6g'%r)")
check "noise=0: 20 SET pulses give the power-law R" "$expected" "$r"
stop_sim

# ---------------------------------------------------------------- cycle-to-cycle noise, three seeds
# 200 SET pulses on each of 3 boards (each its own seed) with noise=0.1: every step divided by the noise-free
# step of the law from the same R is 1 + 0.1 N(0,1), so over 600 steps mean = 1 +- 0.03, std = 0.1 +- 0.02.
start_sim noise -v --elf "$HERE/build/testfw.elf" --afe noise=0.1,seed=7 \
	--board id=1,link="$WORK/ns/board1" --board id=2,link="$WORK/ns/board2" --board id=3,link="$WORK/ns/board3" || abort_run
for i in 1 2 3; do $NSIO talk "$WORK/ns/board$i" S200 >/dev/null; done
stop_sim
noise_result=$(python3 - "$WORK/noise.err" <<'PY'
import re, statistics, sys
r0, r1, a, r_init = 200, 8.93e5, -0.55, 1e6
def law(r): return r0 + r1 * (((r - r0) / r1) ** (1 / a) + 1) ** a
last, ratios, seqs = {}, [], {}
for line in open(sys.argv[1]):
    m = re.match(r"PULSE board=(\d) kind=set .*r_ohm=(\S+)", line)
    if m:
        b, r = m.group(1), float(m.group(2))
        prev = last.get(b, r_init)
        ratios.append((r - prev) / (law(prev) - prev))
        seqs.setdefault(b, []).append(r)
        last[b] = r
mean, std = statistics.mean(ratios), statistics.stdev(ratios)
distinct = len({tuple(s[:5]) for s in seqs.values()}) == 3
ok = len(ratios) == 600 and abs(mean - 1) < 0.03 and abs(std - 0.1) < 0.02 and distinct
print(("ok" if ok else "bad") + f" n={len(ratios)} mean={mean:.4f} std={std:.4f} seeds_differ={distinct}")
PY
)
check "noise: step ratio mean 1 and std 0.1 over 3 seeds x 200 pulses ($noise_result)" "ok*" "$noise_result"

# ---------------------------------------------------------------- reset when the port opens (DTR), EEPROM image
start_sim dtr --elf "$HERE/build/testfw.elf" --reset-on-open --board id=1,link="$WORK/ns/board1",eeprom="$WORK/ee1.bin" || abort_run
listen_boards 4 1; wait "${LISTENERS[@]}"
check "--reset-on-open: opening the port resets the board" "BOOT n=1" "$(cat "$WORK/boot1")"
stop_sim
check "eeprom=: a 1024-byte image is saved at exit" "1024" "$(stat -c %s "$WORK/ee1.bin" 2>/dev/null)"
start_sim dtr2 --elf "$HERE/build/testfw.elf" --reset-on-open --board id=1,link="$WORK/ns/board1",eeprom="$WORK/ee1.bin" || abort_run
listen_boards 4 1; wait "${LISTENERS[@]}"
check "eeprom=: the next run boots from the saved EEPROM" "BOOT n=3" "$(cat "$WORK/boot1")"
check "--reset-on-open: bytes sent right after opening reach the restarted firmware" "BOOT n=4 Equick" \
	"$($NSIO lines "$WORK/ns/board1" 2 Equick | tr '\n' ' ' | sed 's/ $//')"
stop_sim

# ---------------------------------------------------------------- the real firmware
ELF="$FW_DIR/build/nanosynapse.elf"
NSC="python3 $HERE/nsclient.py"
if grep -q '^Status: v1' "$FW_DIR/PROTOCOL.md" 2>/dev/null; then
	if make -s -C "$FW_DIR" >"$WORK/fw-build.log" 2>&1 && [ -f "$ELF" ]; then
		start_sim real -v --elf "$ELF" --board id=1,link="$WORK/ns/real1" --board id=2,link="$WORK/ns/real2" \
			--board id=3,link="$WORK/ns/real3" || abort_run
		IDS=(); for i in 1 2 3; do $NSC identify "$WORK/ns/real$i" >"$WORK/id$i" 2>&1 & IDS+=($!); done
		wait "${IDS[@]}"
		for i in 1 2 3; do check "real firmware board $i answers IDENTIFY" "IDENTIFY ok fw=* name=nanosynapse *" "$(head -1 "$WORK/id$i")"; done
		# The physical channel of the real firmware against the emulated memristor (R_s = 100 kOhm, the default).
		control "set-r 1 2e5"
		r=$($NSC phys-read "$WORK/ns/real1" 100000 16 | sed -n 's/.*r_ohm=//p')
		check "PHYS_READ reports the emulated 200 kOhm within 2 %" "yes" \
			"$(python3 -c "print('yes' if abs(${r:-0} / 2e5 - 1) < 0.02 else 'no: ${r:-none}')")"
		check "PHYS_PULSE 5 x 100 us on D5" "PHYS_PULSE ok count=5" "$($NSC phys-pulse "$WORK/ns/real1" 0 100 5 100)"
		control "status 1"
		check "the harness saw 5 SET pulses of >= 100 us" "5 yes" "$(status_field 1 real set_pulses) \
$(python3 -c "print('yes' if $(status_field 1 real last_width_us) >= 100 else 'no')")"
		r2=$($NSC phys-read "$WORK/ns/real1" 100000 16 | sed -n 's/.*r_ohm=//p')
		check "PHYS_READ after SET pulses reads a lower R" "yes" "$(python3 -c "print('yes' if ${r2:-1e9} < ${r:-0} else 'no')")"
		# PHYS_PULSE widths and gaps as the harness measures them on the pins (-v: one PULSE line per pulse,
		# width from the pin's rise to its fall in CPU cycles): the firmware places every edge to the cycle,
		# so each must be within one cycle (0.0625 us) of the request (firmware/README.md, Physical channel).
		for spec in "0 1 3 100" "0 2 3 100" "0 10 3 100" "1 50 3 100" "0 51 3 100" "1 100 3 100" \
			"0 1000 3 100" "1 5000 3 100" "0 65536 2 30"; do
			set -- $spec
			before=$(grep -c '^PULSE board=1 ' "$WORK/real.err")
			reply=$($NSC phys-pulse "$WORK/ns/real1" "$1" "$2" "$3" "$4")
			result=$(grep '^PULSE board=1 ' "$WORK/real.err" | tail -n +$((before + 1)) | python3 -c "
import re, sys
pin, width_us, count, gap_us = $1, $2, $3, $4
rows = [(m.group(1), float(m.group(2)), int(m.group(3))) for m in
        (re.search(r'kind=(\S+) width_us=(\S+) .*cycle=(\d+)', l) for l in sys.stdin)]
kinds = {k for k, _, _ in rows}
widths = [w for _, w, _ in rows]
gaps = [(rows[i + 1][2] - rows[i + 1][1] * 16 - rows[i][2]) / 16 for i in range(len(rows) - 1)]   # 16 cycles/us
ok = (len(rows) == count and kinds == {('set', 'reset')[pin]} and all(abs(w - width_us) <= 0.0625 for w in widths)
      and all(abs(g - gap_us) <= 0.0625 for g in gaps))
print(('ok' if ok else 'bad') + ' widths=' + ','.join('%g' % w for w in widths) + ' gaps=' + ','.join('%g' % g for g in gaps))")
			check "PHYS_PULSE pin $1 width $2 us x $3, gap $4 us: exact to one cycle ($reply; $result)" "PHYS_PULSE ok*ok *" \
				"$reply; $result"
		done
		stop_sim
	else
		fail "real firmware build" "see make -C firmware"
	fi
else
	echo "SKIP real firmware IDENTIFY: firmware/PROTOCOL.md is not 'Status: v1' yet"
	[ "${CI:-}" = true ] && fail "real firmware IDENTIFY" "skipped under CI=true"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
