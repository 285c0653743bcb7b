#!/usr/bin/env bash
# Times aksc against Spectral and ajv-cli on the same generated corpus, in one run.
#
#   bench/compare.sh [--size 1000] [--runs 3] [--aksc build/aksc]
#
# Installs the pinned @stoplight/spectral-cli and ajv-cli from the npm registry into
# bench/compare/node_modules (Node.js and npm: Debian packages nodejs and npm). Spectral runs
# bench/compare/.spectral.yaml: the JSON Schema, the name rules and the vCPU floors as a custom
# function, which is what Spectral can express of aksc's rules; ajv-cli validates the schema
# alone. aksc runs its whole rule set. Prints the median wall time of --runs runs of each.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
here="$root/bench/compare"
size=1000
runs=3
aksc="$root/build/aksc"
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --aksc) aksc=$2; shift 2 ;;
    *) echo "usage: bench/compare.sh [--size N] [--runs N] [--aksc PATH]" >&2; exit 2 ;;
  esac
done
command -v npm > /dev/null || { echo "bench/compare.sh: npm is missing (apt-get install npm)" >&2; exit 2; }
[ -x "$aksc" ] || { echo "bench/compare.sh: $aksc is missing (scripts/build.sh builds it)" >&2; exit 2; }
(cd "$here" && npm install --no-audit --no-fund --silent > /dev/null)
python3 "$here/vcpu_floor_function.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
python3 "$root/bench/gen_corpus.py" "$size" "$corpus"

# Median wall seconds of --runs runs of "$@"; a run may exit non-zero (findings are expected).
median() {
  local i start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f\n", b - a }'
  done | sort -g | awk '{a[NR] = $1} END { printf "%.3f", a[int((NR + 1) / 2)] }'
}

aksc_time=$(median "$aksc" lint -q "$corpus")
spectral_time=$(median "$here/node_modules/.bin/spectral" lint -r "$here/.spectral.yaml" \
  "$corpus/**/*.yaml" -f text)
ajv_time=$(median "$here/node_modules/.bin/ajv" validate -s "$root/schemas/aksc-spec.schema.json" \
  -d "$corpus/**/*.yaml" --strict=false --all-errors)
ratio() { awk -v a="$1" -v b="$aksc_time" 'BEGIN { printf "%.0f", a / b }'; }

echo "$size specs, median of $runs runs, $(nproc) hardware threads"
echo
echo "| tool | checks | wall (s) | slower than aksc |"
echo "|---|---|---:|---:|"
echo "| aksc lint | all rules (schema, names, sizing, network, attach, TLS, project) | $aksc_time | 1× |"
echo "| spectral lint | schema, names, vCPU floor | $spectral_time | $(ratio "$spectral_time")× |"
echo "| ajv validate | schema only | $ajv_time | $(ratio "$ajv_time")× |"
