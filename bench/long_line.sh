#!/usr/bin/env bash
# Times the text format against JSON on findings that all sit on one long line: a spec whose
# last line is one flow mapping of --keys unknown keys (10,000 by default), each an
# AKS002 finding with an excerpt of that line. The text format shows a window of the line per
# finding, so its work per finding must not grow with the line: it should take about as long
# as JSON, which prints no excerpt.
#
#   bench/long_line.sh [--keys 10000] [--runs 3] [--max-ratio 3] [--aksc build/aksc]
#
# Prints the median wall time of --runs runs of each format and their ratio; exits 1 when text
# takes more than --max-ratio times as long as JSON.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/timing.sh"
keys=10000
runs=3
max_ratio=3
aksc="$root/build/aksc"
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) keys=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --max-ratio) max_ratio=$2; shift 2 ;;
    --aksc) aksc=$2; shift 2 ;;
    *) echo "usage: bench/long_line.sh [--keys N] [--runs N] [--max-ratio R] [--aksc PATH]" >&2; exit 2 ;;
  esac
done
[ -x "$aksc" ] || { echo "bench/long_line.sh: $aksc is missing (scripts/build.sh builds it)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
spec="$work/long-line.yaml"
{
  printf 'apiVersion: aksc/v1\nkind: AksCompute\nname: vision-dev\nmode: create\n'
  printf 'workspace:\n  name: ml-ws\n  resource_group: ml-rg\n'
  printf '  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n  location: eastus\n'
  printf 'purpose: dev-test\nagent_count: 3\nvm_size: Standard_D3_v2\n'
  awk -v n="$keys" 'BEGIN { printf "network: {"; for (i = 0; i < n; i++) printf "%sk%05d: 1", (i ? ", " : ""), i; print "}" }'
} > "$spec"
findings=$("$aksc" lint --format json "$spec" | grep -c '"rule": "AKS002"' || true)
text_time=$(for ((i = 0; i < runs; i++)); do wall "$aksc" lint --format text "$spec"; done | median_of)
json_time=$(for ((i = 0; i < runs; i++)); do wall "$aksc" lint --format json "$spec"; done | median_of)
ratio=$(awk -v t="$text_time" -v j="$json_time" 'BEGIN { printf "%.2f", t / j }')
echo "$findings findings on one line of $(tail -n 1 "$spec" | wc -c) bytes, median of $runs runs"
echo "text: $text_time s   json: $json_time s   text/json: $ratio (limit $max_ratio)"
awk -v r="$ratio" -v m="$max_ratio" 'BEGIN { exit !(r <= m) }' || {
  echo "bench/long_line.sh: text takes $ratio times as long as JSON (more than $max_ratio)" >&2
  exit 1
}
