#!/usr/bin/env bash
# Configures aksc (no build) in a scratch folder with the given CMake arguments and checks what
# configure decided, so that the choice of static or dynamic linking is tested where it is made.
#
#   check_configure.sh [--skips TEST_REGEX] CMAKE SOURCE SCRATCH EXPECTED PATTERN [CMAKE_ARG...]
#
# EXPECTED is ON or OFF, the AKSC_STATIC that configure must choose, or "fail" for a configure
# that must stop. PATTERN (grep -E) must match what configure printed, its lines joined by spaces.
# With --skips, the tests matching TEST_REGEX must exist in the scratch build and report skipped.
set -euo pipefail
skips=
if [ "$1" = --skips ]; then
  skips=$2
  shift 2
fi
cmake=$1 source=$2 scratch=$3 expected=$4 pattern=$5
shift 5
args=("$@")
rm -rf "$scratch"
mkdir -p "$scratch"
log="$scratch/configure.log"

fail() {
  echo "configure with ${args[*]}: $*; its output:"
  cat "$log"
  exit 1
}
status=0
"$cmake" -S "$source" -B "$scratch" "${args[@]}" > "$log" 2>&1 || status=$?
printed=$(tr -s ' \n' '  ' < "$log")
chosen=$(sed -n 's/^AKSC_STATIC:BOOL=//p' "$scratch/CMakeCache.txt" 2>/dev/null || true)
if [ "$expected" = fail ]; then
  [ "$status" -ne 0 ] || fail "succeeded; it should have stopped"
else
  [ "$status" -eq 0 ] || fail "failed (exit $status)"
  [ "$chosen" = "$expected" ] || fail "chose AKSC_STATIC=$chosen instead of $expected"
fi
grep -qE -- "$pattern" <<< "$printed" || fail "did not print /$pattern/"
if [ -n "$skips" ]; then
  "$(dirname "$cmake")/ctest" --test-dir "$scratch" -R "$skips" > "$log" 2>&1 || true
  grep -q "tests passed, 0 tests failed out of [1-9]" "$log" && grep -q "(Skipped)" "$log" ||
    fail "the tests /$skips/ did not all report skipped"
fi
echo "configure with ${args[*]}: ${chosen:+AKSC_STATIC=$chosen, }printed /$pattern/"
rm -rf "$scratch"
