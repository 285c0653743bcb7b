#!/usr/bin/env bash
# Rewrites what the docs list of the rules, from the rule docs compiled into the binary (build
# first): docs/rules.md (`aksc rules --format markdown`), the rule table of docs/spec.md between
# its markers, and the rule count in README.md. With --check it writes nothing and fails, with a
# diff, when one of them is out of date (a CTest test runs it so).
# Usage: scripts/update-rules-doc.sh [--check] [path/to/aksc]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
check=false
if [[ ${1:-} == --check ]]; then
  check=true
  shift
fi
aksc=${1:-$root/build/aksc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$aksc" rules --format markdown > "$work/rules.md"
"$aksc" rules --format text > "$work/rules.txt"

# docs/spec.md: one row per rule, from `aksc rules` ("ID  severity  slug  title").
begin='<!-- rule table: generated from rules/*.md by scripts/update-rules-doc.sh; do not edit -->'
end='<!-- end of rule table -->'
awk '{
  id = $1; severity = $2; slug = $3
  sub(/^[^ ]+ +[^ ]+ +[^ ]+ +/, "")
  printf "| %s | [%s](../rules/%s-%s.md) | %s | %s |\n", id, slug, id, slug, severity, $0
}' "$work/rules.txt" > "$work/rows"
awk -v begin="$begin" -v end="$end" -v rows="$work/rows" '
  $0 == end { inside = 0; found_end = 1 }
  !inside { print }
  $0 == begin {
    inside = 1; found_begin = 1
    print "| ID | slug | default | title |"
    print "|---|---|---|---|"
    while ((getline row < rows) > 0) print row
  }
  END { if (!found_begin || !found_end) exit 1 }' "$root/docs/spec.md" > "$work/spec.md" ||
  { echo "docs/spec.md lacks the rule-table markers '$begin' and '$end'" >&2; exit 1; }

# README.md: "`aksc rules` lists all N (...".
count=$(wc -l < "$work/rules.txt")
sed -E "s/^(\`aksc rules\` lists all )[0-9]+ /\1$count /" "$root/README.md" > "$work/README.md"
grep -q "^\`aksc rules\` lists all $count " "$work/README.md" ||
  { echo "README.md lacks the line '\`aksc rules\` lists all N ...'" >&2; exit 1; }

stale=0
for file in docs/rules.md docs/spec.md README.md; do
  generated=$work/$(basename "$file")
  if cmp -s "$generated" "$root/$file"; then continue; fi
  if $check; then
    echo "$file is out of date: run scripts/update-rules-doc.sh" >&2
    diff -u "$root/$file" "$generated" | head -40 >&2 || true
    stale=1
  else
    cp "$generated" "$root/$file"
    echo "$file rewritten"
  fi
done
exit $stale
