#!/usr/bin/env bash
# Cycle counts of the real firmware, measured in the emulator (simavr counts ATmega328P cycles exactly):
#   - INFER of one 9-input neuron (sigmoid, Q8): the harness's request turnaround, i.e. cycles from the
#     request's final 00 reaching the firmware's UART to the first reply byte (frame decode, CRC, dispatch,
#     the inference, reply build), and the firmware's own elapsed_us (micros(), 4 us resolution);
#   - one emulated pulse update (APPLY_PULSES): (turnaround with 101 pulses - turnaround with 1 pulse) / 100.
# Usage: firmware/sim/measure-cycles.sh [ELF]   (default firmware/build/nanosynapse.elf, built if missing)
set -eu
SIM_DIR=$(cd "$(dirname "$0")" && pwd)
ELF=${1:-$SIM_DIR/../build/nanosynapse.elf}
[ -f "$ELF" ] || make -s -C "$SIM_DIR/.." >/dev/null
make -s -C "$SIM_DIR" nanosynapse-sim
WORK=$(mktemp -d /tmp/ns-cycles.XXXXXX)
"$SIM_DIR/nanosynapse-sim" --speed 0 --timing --elf "$ELF" --board id=1,link="$WORK/board" >"$WORK/sim.out" 2>"$WORK/sim.err" &
SIM_PID=$!
trap 'kill $SIM_PID 2>/dev/null; wait $SIM_PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q '^RUNNING' "$WORK/sim.out" && break; sleep 0.1; done
python3 "$SIM_DIR/test/nsclient.py" measure "$WORK/board" >"$WORK/req.out"
sleep 0.2
grep '^FRAME' "$WORK/sim.out" | sed 's/.*turnaround_cycles=//' | paste -d' ' "$WORK/req.out" - | awk '
	{ label = $2; cycles = $NF; n[label]++; sum[label] += cycles
	  if (!(label in lo) || cycles < lo[label]) lo[label] = cycles
	  if (cycles > hi[label]) hi[label] = cycles
	  if ($3 ~ /^elapsed_us=/) { split($3, e, "="); us = e[2] } }
	END {
	  printf "ELF: %s\n", elf
	  for (l in n) printf "turnaround %-12s n=%d mean=%.0f min=%d max=%d cycles\n", l, n[l], sum[l]/n[l], lo[l], hi[l]
	  printf "INFER, 1 neuron x 9 inputs: request turnaround %.0f cycles (%.1f us at 16 MHz); firmware elapsed_us=%s (%d cycles)\n",
	    sum["infer9"]/n["infer9"], sum["infer9"]/n["infer9"]/16, us, us*16
	  per = (sum["pulses101"]/n["pulses101"] - sum["pulses1"]/n["pulses1"]) / 100
	  printf "APPLY_PULSES: %.0f cycles (%.1f us) per emulated pulse update (mean over 3 x 100 pulses)\n", per, per/16
	}' elf="$ELF"
