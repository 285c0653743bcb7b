#!/usr/bin/env bash
# Fails when a C++ file under compiler/, tests/, tools/ or bench/ differs from what clang-format
# would write.
set -euo pipefail
clang_format=${1:-clang-format}
mapfile -t files < <(git ls-files 'compiler/*.cpp' 'compiler/*.h' 'tests/*.cpp' 'tests/*.h' 'tools/*.cpp' 'tools/*.h' \
  'bench/*.cpp' 2>/dev/null || find compiler tests tools bench -name '*.cpp' -o -name '*.h')
if ((${#files[@]} == 0)); then
  mapfile -t files < <(find compiler tests tools bench -name '*.cpp' -o -name '*.h')
fi
"$clang_format" --dry-run -Werror "${files[@]}"
echo "clang-format: ${#files[@]} files follow .clang-format"
