#!/usr/bin/env bash
# Rewrites every tests/golden-build/<case>/expected/ from the current binary. Review the diff!
# A case folder holds its inputs (spec files, aksc.yaml, certs/...) and/or a file `samples`
# naming, one per line, a sample spec and the files it refers to (e.g. its facts_from file),
# copied to the same places relative to the first one. Like tests/cli/golden_build_test.cpp,
# this copies the inputs into a fresh folder as spec/, runs `aksc build spec -o out` there (it
# must exit 0) and keeps out/ as expected/.
# Usage: tests/golden-build/refresh.sh [path/to/aksc]   (default: build/aksc)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
aksc=$(realpath "${1:-$root/build/aksc}")
for case_dir in "$root"/tests/golden-build/*/; do
  case_dir=${case_dir%/}
  work=$(mktemp -d)
  mkdir "$work/spec"
  if [[ -f $case_dir/samples ]]; then
    mapfile -t samples < "$case_dir/samples"
    base=$(dirname "${samples[0]}")
    for sample in "${samples[@]}"; do
      target="$work/spec/${sample#"$base"/}"
      mkdir -p "$(dirname "$target")"
      cp "$root/$sample" "$target"
    done
  fi
  find "$case_dir" -mindepth 1 -maxdepth 1 ! -name expected ! -name samples -exec cp -R {} "$work/spec/" \;
  if ! (cd "$work" && "$aksc" build spec -o out > /dev/null); then
    echo "aksc build failed for $case_dir" >&2
    rm -rf "$work"
    exit 1
  fi
  rm -rf "$case_dir/expected"
  cp -R "$work/out" "$case_dir/expected"
  rm -rf "$work"
  echo "refreshed ${case_dir#"$root"/}"
done
