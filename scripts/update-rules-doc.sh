#!/usr/bin/env bash
# Rewrites docs/rules.md from the rule docs compiled into the binary (build first).
# Usage: scripts/update-rules-doc.sh [path/to/aksc]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"${1:-$root/build/aksc}" rules --format markdown > "$root/docs/rules.md.tmp"
mv "$root/docs/rules.md.tmp" "$root/docs/rules.md"
echo "docs/rules.md rewritten"
