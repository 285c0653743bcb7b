#!/usr/bin/env bash
# The README's second command: set up, build, and run the whole test suite through ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
ctest --test-dir "$root/build" -j "$(nproc)" --output-on-failure
