#!/usr/bin/env bash
# Rewrites every golden case's expected output from the current binary. Review the diff!
# Usage: tests/golden/refresh.sh [path/to/aksc]   (default: build/aksc)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
aksc=$(realpath "${1:-$root/build/aksc}")
cd "$root"
for case_dir in tests/golden/*/; do
  mapfile -t args < "$case_dir/args"
  set +e
  "$aksc" "${args[@]}" > "$case_dir/expected.out" 2> "$case_dir/expected.err"
  echo $? > "$case_dir/expected.exit"
  set -e
  echo "refreshed $case_dir (exit $(cat "$case_dir/expected.exit"))"
done
