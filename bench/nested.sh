#!/usr/bin/env bash
# Times `aksc lint` on a chain of nested folders, to show that the walk grows linearly with the
# depth: prints the median wall time per depth and its ratio to the first depth's.
#
#   bench/nested.sh [--depths "1000 2000"] [--runs 5] [--aksc build/aksc]
#
# Each tree is one chain of folders named `d`, with a spec and an aksc.yaml at the top and a
# spec at the bottom. Two columns: `aksc lint --config aksc.yaml` (the walk, reading and
# checking: no config search) and `aksc lint` (the same plus the search for the nearest
# aksc.yaml upwards from the bottom spec's folder, in compiler/driver/config_resolver.cpp).
# 2,000 levels is about as deep as a path to the bottom spec can be (PATH_MAX, 4,096 bytes).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
depths="1000 2000"
runs=5
aksc="$root/build/aksc"
while [ $# -gt 0 ]; do
  case "$1" in
    --depths) depths=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --aksc) aksc=$2; shift 2 ;;
    *) echo "usage: bench/nested.sh [--depths \"1000 2000\"] [--runs N] [--aksc PATH]" >&2; exit 2 ;;
  esac
done
aksc=$(realpath "$aksc")
[ -x "$aksc" ] || { echo "bench/nested.sh: $aksc is missing (scripts/build.sh builds it)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=bench/timing.sh
source "$root/bench/timing.sh"

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'
}

spec='apiVersion: aksc/v1
kind: AksCompute
name: nested-NAME
mode: create
workspace:
  name: ml-ws
  resource_group: ml-rg
  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590
  location: eastus
purpose: dev-test
agent_count: 3
vm_size: Standard_D3_v2'

echo "| depth | --config (s) | ratio | config search (s) | ratio |"
echo "|---:|---:|---:|---:|---:|"
first=""
first_search=""
for depth in $depths; do
  tree="$work/t$depth"
  mkdir "$tree"
  echo "${spec/NAME/top}" > "$tree/top.yaml"
  printf 'rules:\n  AKS203: note\n' > "$tree/aksc.yaml"
  # Python makes the chain without one process per level and without a path longer than
  # PATH_MAX at any call (it descends with chdir).
  python3 - "$tree" "$depth" "${spec/NAME/bottom}" <<'PY'
import os, sys
tree, depth, spec = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.chdir(tree)
for _ in range(depth):
    os.mkdir("d")
    os.chdir("d")
with open("bottom.yaml", "w") as out:
    out.write(spec + "\n")
PY
  seconds=$(for _ in $(seq "$runs"); do
    (cd "$tree" && wall "$aksc" lint --config aksc.yaml)
  done | median_of)
  search=$(for _ in $(seq "$runs"); do (cd "$tree" && wall "$aksc" lint); done | median_of)
  [ -n "$first" ] || first=$seconds
  [ -n "$first_search" ] || first_search=$search
  echo "| $depth | $seconds | $(ratio "$seconds" "$first") | $search | $(ratio "$search" "$first_search") |"
done
