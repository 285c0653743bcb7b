#!/usr/bin/env bash
# The README's second command: set up, build, and run the whole test suite through ctest; then
# build it again under AddressSanitizer + UndefinedBehaviorSanitizer, run it there and fuzz
# (scripts/sanitize.sh). AKSC_SKIP_SANITIZE=1 stops after the first run, for a quick check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
ctest --test-dir "$root/build" -j "$(nproc)" --output-on-failure
if [ "${AKSC_SKIP_SANITIZE:-0}" != 1 ]; then
  "$root/scripts/sanitize.sh"
fi
