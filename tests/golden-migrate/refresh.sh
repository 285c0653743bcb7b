#!/usr/bin/env bash
# Rewrites tests/golden-migrate/ from the current binary. Review the diff!
# The cases, as tests/cli/golden_migrate_test.cpp lists them: `samples` (all of samples/), and
# every rule fixture tests/rules/AKSnnn/<entry> (a .yaml file or a folder) that holds the text
# "AksCompute". Each is copied alone into a fresh folder, where
#   aksc migrate --in-place --partial <entry>     (samples: `.`)
# runs; <case>/output.txt keeps what it printed and its exit code, <case>/after/ every file the
# run changed, as it is after.
# Then the outputs shown in docs/migrate.md (tests/support/refresh_doc.py).
# Usage: tests/golden-migrate/refresh.sh [path/to/aksc]   (default: build/aksc)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
aksc=$(realpath "${1:-$root/build/aksc}")
golden=$root/tests/golden-migrate

# Runs the case whose input is $1 (copied as $2 into a fresh folder; "." = the folder's content)
# and writes its golden to $3.
refresh_case() {
  local input=$1 name=$2 out=$3 work
  work=$(mktemp -d)
  mkdir "$work/before" "$work/run"
  if [[ $name == . ]]; then
    cp -R "$input/." "$work/run/"
  else
    cp -R "$input" "$work/run/$name"
  fi
  cp -R "$work/run/." "$work/before/"
  local status=0
  (cd "$work/run" && "$aksc" migrate --in-place --partial "$name" > "$work/output.txt") || status=$?
  rm -rf "$out"
  mkdir -p "$out"
  { cat "$work/output.txt"; echo "exit: $status"; } > "$out/output.txt"
  (cd "$work/run" && find . -type f | sort) | while read -r file; do
    if ! cmp -s "$work/run/$file" "$work/before/$file"; then
      mkdir -p "$(dirname "$out/after/$file")"
      cp "$work/run/$file" "$out/after/$file"
    fi
  done
  rm -rf "$work"
}

refresh_case "$root/samples" . "$golden/samples"
rm -rf "$golden/rules"
for entry in "$root"/tests/rules/AKS*/*; do
  [[ $entry == *.expected ]] && continue
  grep -rqs "AksCompute" "$entry" || continue
  rule=$(basename "$(dirname "$entry")")
  base=$(basename "$entry")
  refresh_case "$entry" "$base" "$golden/rules/$rule/${base%.yaml}"
done
python3 "$root/tests/support/refresh_doc.py" "$root" "$aksc" migrate
echo "refreshed docs/migrate.md and tests/golden-migrate ($(find "$golden/rules" -name output.txt | wc -l) fixtures + samples)"
