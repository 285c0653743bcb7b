#!/usr/bin/env bash
# The cost of organisation policies: aksc lint on the same specs without and with policies, in
# turns, so that both see the same spells of a noisy machine (docs/performance.md).
#
#   bench/policies.sh [--rounds 15] [--jobs 2] [--aksc build/aksc] WITHOUT WITH
#
# WITHOUT and WITH are corpora of bench/gen_corpus.py with the same N, --seed and
# --kubernetes-share, WITH made with --policies P. Prints each one's median wall time and the
# median over rounds of WITH's time divided by WITHOUT's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
aksc="$root/build/aksc"
rounds=15
jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --aksc) aksc=$2; shift 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 2 ]; then
  echo "usage: bench/policies.sh [--rounds N] [--jobs N] [--aksc PATH] WITHOUT WITH" >&2
  exit 2
fi

# shellcheck source=bench/timing.sh
source "$root/bench/timing.sh"

without_times="" with_times="" ratios=""
for ((round = 0; round < rounds; round++)); do
  a=$(wall "$aksc" lint --jobs "$jobs" "$1")
  b=$(wall "$aksc" lint --jobs "$jobs" "$2")
  without_times+="$a " with_times+="$b "
  ratios+="$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", b / a }') "
done
printf 'without policies: %s s\n' "$(median_of_words <<< "$without_times")"
printf 'with policies:    %s s\n' "$(median_of_words <<< "$with_times")"
printf 'ratio:            %s (median over %d rounds)\n' "$(median_of_words <<< "$ratios")" "$rounds"
