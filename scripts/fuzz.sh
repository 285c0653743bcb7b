#!/usr/bin/env bash
# Runs each libFuzzer target (tests/fuzz) for SECONDS from a seed corpus: the samples, every
# rule fixture and the kept crash inputs. Exits 1 on a crash, a sanitizer report, a timeout or
# an out-of-memory, after printing the report and where the input that caused it was saved.
#
#   scripts/fuzz.sh [BUILD_DIR (default build-asan)] [SECONDS (default 60)]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-asan}
seconds=${2:-60}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$work"' EXIT
found="$root/build-fuzz-findings"  # ignored by git, as every /build-*/

seeds="$work/seeds"
mkdir -p "$seeds"
count=0
while IFS= read -r -d '' file; do
  cp "$file" "$seeds/$count-$(basename "$file")"
  count=$((count + 1))
done < <(find "$root/samples" "$root/tests/rules" "$root/tests/fuzz/regressions" -type f \
  \( -name '*.yaml' -o -name '*.yml' \) -print0)

# The targets run side by side (a libFuzzer run uses one core), each for the same wall seconds:
# on CI's two cores the four share them, in a quarter of the time one after another would take.
stages=(lint build migrate policy)
for stage in "${stages[@]}"; do
  target="$build/tests/fuzz/aksc_fuzz_$stage"
  [ -x "$target" ] || { echo "fuzz: $target is missing (scripts/sanitize.sh builds it)" >&2; exit 2; }
done
declare -A runs
for stage in "${stages[@]}"; do
  target="$build/tests/fuzz/aksc_fuzz_$stage"
  corpus="$work/corpus-$stage"
  mkdir -p "$corpus"
  echo "fuzz: aksc_fuzz_$stage for ${seconds}s from $count seeds"
  # The targets write their input under TMPDIR (a folder per process): keep that in the work folder.
  TMPDIR="$work" "$target" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$work/$stage-" -print_final_stats=1 \
    > "$work/$stage.log" 2>&1 &
  runs[$stage]=$!
done

failed=0
for stage in "${stages[@]}"; do
  if ! wait "${runs[$stage]}"; then
    tail -n 80 "$work/$stage.log"
    mkdir -p "$found"
    cp "$work/$stage-"* "$found/" 2>/dev/null || true
    echo "fuzz: aksc_fuzz_$stage failed; the input is in $found/. Fix the bug and keep the" \
      "input in tests/fuzz/regressions/." >&2
    failed=1
    continue
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|Done [0-9]+ runs" "$work/$stage.log" |
    sed "s/^/fuzz: $stage: /"
done
exit "$failed"
