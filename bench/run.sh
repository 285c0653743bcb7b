#!/usr/bin/env bash
# Times aksc on generated corpora and prints a Markdown table (docs/performance.md shows one).
#
#   bench/run.sh [--sizes "1000 10000 50000"] [--runs 5] [--aksc build/aksc]
#
# For each size: the median wall time of `aksc lint` and of `aksc build` over --runs runs,
# the peak RSS of one run (/usr/bin/time -v), and the yaml-cpp parse floor (walk, read and
# parse every file with the same number of threads: build/aksc_parse_floor), whose runs take
# turns with lint's. Then the whole
# process for one spec: 200 runs by build/aksc_spawn_timer (fork, exec and wait, no shell in
# between), taking turns with a static hello world (build/aksc_hello), what starting any process
# costs here. Needs /usr/bin/time (Debian package `time`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes="1000 10000 50000"
runs=5
aksc="$root/build/aksc"
floor="$root/build/aksc_parse_floor"
spawn_timer="$root/build/aksc_spawn_timer"
hello="$root/build/aksc_hello"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --aksc) aksc=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--sizes \"1000 10000\"] [--runs N] [--aksc PATH]" >&2; exit 2 ;;
  esac
done
aksc=$(realpath "$aksc")  # the one-spec run is made from the corpus's folder
for tool in "$aksc" "$floor" "$spawn_timer" "$hello" /usr/bin/time; do
  [ -x "$tool" ] || { echo "bench/run.sh: $tool is missing (scripts/build.sh builds aksc)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=bench/timing.sh
source "$root/bench/timing.sh"

# Median of --runs timings of "$@".
median() {
  local i
  for ((i = 0; i < runs; i++)); do wall "$@"; done | median_of
}

# Peak resident set size of one run of "$@", in MB.
peak_rss() {
  { /usr/bin/time -v "$@" 2>&1 > /dev/null || true; } | awk -F: '/Maximum resident set size/ {
    printf "%.1f", $2 / 1024 }'
}

# The floor's own timing of its parse (it prints "... parsed in S s ...").
floor_time() {
  "$floor" "$1" | awk '{for (i = 1; i < NF; i++) if ($i == "in") print $(i + 1)}'
}

# "LINT FLOOR RATIO": medians of --runs lint runs and floor runs made in pairs, one right after
# the other, and the median of the pairs' ratios, so that a busy spell of the machine falls on
# both alike (the ratio of two blocks of runs made minutes apart moved by 30%).
lint_and_floor() {
  local i pairs
  pairs=$(for ((i = 0; i < runs; i++)); do
    echo "$(wall "$aksc" lint -q "$1") $(floor_time "$1")"
  done)
  echo "$(awk '{print $1}' <<< "$pairs" | median_of) $(awk '{print $2}' <<< "$pairs" | median_of)" \
    "$(awk '{print $1 / $2}' <<< "$pairs" | median_of)"
}

echo "$("$aksc" --version 2>/dev/null | head -1), $(nproc) hardware threads, $runs runs each"
echo
echo "| specs | lint (s) | build (s) | yaml-cpp floor (s) | lint / floor (median of pairs) | lint RSS (MB) | build RSS (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for size in $sizes; do
  corpus="$work/corpus-$size"
  python3 "$root/bench/gen_corpus.py" "$size" "$corpus"
  # Write the new files out and read them once, so that no run pays for the kernel flushing
  # them to disk or for a cold page cache.
  sync
  wall "$aksc" lint -q "$corpus" > /dev/null
  read -r lint parse ratio <<< "$(lint_and_floor "$corpus")"
  build=$(median "$aksc" build "$corpus" -o "$work/out-$size")
  lint_rss=$(peak_rss "$aksc" lint -q "$corpus")
  build_rss=$(peak_rss "$aksc" build "$corpus" -o "$work/out-$size")
  printf "| %s | %s | %s | %s | %.2f | %s | %s |\n" \
    "$size" "$lint" "$build" "$parse" "$ratio" "$lint_rss" "$build_rss"
  rm -rf "$work/out-$size"
done

# One spec in a one-spec project (aksc.yaml, an inventory), run from the project's folder.
python3 "$root/bench/gen_corpus.py" 1 "$work/corpus-1"
sync
cd "$work/corpus-1"
times=$("$spawn_timer" 200 -- "$hello" -- "$aksc" lint -q t00/spec-00000.yaml)
mapfile -t one <<< "$times"
read -r hello_median hello_p10 hello_p90 <<< "${one[0]}"
read -r lint_median lint_p10 lint_p90 <<< "${one[1]}"
echo
echo "One spec, whole process (aksc lint -q t00/spec-00000.yaml), 200 runs: median $lint_median ms" \
  "(p10 $lint_p10, p90 $lint_p90); a static hello world in turn with it: median $hello_median ms" \
  "(p10 $hello_p10, p90 $hello_p90)"
