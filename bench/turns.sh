#!/usr/bin/env bash
# Compares aksc binaries on one corpus, in turns with the yaml-cpp parse floor, so that every
# binary sees the same spells of a noisy machine: each round runs the floor and each binary,
# in an order rotated from round to round.
#
#   bench/turns.sh [--rounds 15] [--jobs 2] CORPUS AKSC...
#
# Prints the floor's median wall time, and for each binary its median wall time and the median
# over rounds of its time divided by that round's floor.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
floor="$root/build/aksc_parse_floor"
rounds=15
jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    *) break ;;
  esac
done
if [ $# -lt 2 ]; then
  echo "usage: bench/turns.sh [--rounds N] [--jobs N] CORPUS AKSC..." >&2
  exit 2
fi
corpus=$1
shift
[ -x "$floor" ] || { echo "bench/turns.sh: $floor is missing (scripts/build.sh builds it)" >&2; exit 2; }

# shellcheck source=bench/timing.sh
source "$root/bench/timing.sh"

declare -A times ratios
floor_times=""
# The order of the floor and the binaries turns from round to round, so that none always runs
# right after another: on this machine the run after a given one can be faster or slower.
programs=("$floor" "$@")
declare -A round_time
for ((round = 0; round < rounds; round++)); do
  for ((i = 0; i < ${#programs[@]}; i++)); do
    program=${programs[$(((i + round) % ${#programs[@]}))]}
    if [ "$program" = "$floor" ]; then
      round_time[$program]=$(wall "$floor" --jobs "$jobs" "$corpus")
    else
      round_time[$program]=$(wall "$program" lint -j "$jobs" -q "$corpus")
    fi
  done
  f=${round_time[$floor]}
  floor_times+="$f "
  for aksc in "$@"; do
    t=${round_time[$aksc]}
    times[$aksc]+="$t "
    ratios[$aksc]+="$(awk -v a="$t" -v b="$f" 'BEGIN { print a / b }') "
  done
done
echo "floor: $(echo "$floor_times" | median_of_words) s"
for aksc in "$@"; do
  echo "$aksc: $(echo "${times[$aksc]}" | median_of_words) s, $(echo "${ratios[$aksc]}" | median_of_words) x the floor"
done
