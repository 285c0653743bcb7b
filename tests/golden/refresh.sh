#!/usr/bin/env bash
# Rewrites expected outputs from the current build after an intended change. Review the diff!
#   golden cases  tests/golden/<case>/expected.{out,err,exit}: what `aksc <args>` prints, run
#                 from the repository root, and the outputs docs/policies.md shows
#                 (tests/support/refresh_doc.py);
#   fixtures      tests/rules/AKSnnn/bad*.expected: each rule fixture's findings, one headline
#                 "file:line:col: severity: message [ID]" each, then its "  help:" line and
#                 "  file:line:col: note:" lines. The fixture test writes them itself
#                 (tests/cli/rule_fixtures_test.cpp with AKSC_UPDATE_FIXTURES=1), so the format
#                 has one definition; it also deletes expected files whose fixture is gone.
# Usage: tests/golden/refresh.sh [--golden | --fixtures] [path/to/aksc]
#   Both by default; aksc defaults to build/aksc, and the fixtures are refreshed by the test
#   binary of the same build folder (tests/aksc_cli_tests), which runs that aksc.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
golden=true
fixtures=true
case ${1:-} in
  --golden) fixtures=false && shift ;;
  --fixtures) golden=false && shift ;;
  -*) echo "usage: tests/golden/refresh.sh [--golden | --fixtures] [path/to/aksc]" >&2 && exit 2 ;;
esac
aksc=$(realpath "${1:-$root/build/aksc}")
cd "$root"
if $golden; then
  for case_dir in tests/golden/*/; do
    mapfile -t args < "$case_dir/args"
    set +e
    "$aksc" "${args[@]}" > "$case_dir/expected.out" 2> "$case_dir/expected.err"
    echo $? > "$case_dir/expected.exit"
    set -e
    echo "refreshed $case_dir (exit $(cat "$case_dir/expected.exit"))"
  done
  python3 tests/support/refresh_doc.py "$root" "$aksc" policies
  echo "refreshed docs/policies.md"
fi
if $fixtures; then
  tests=$(dirname "$aksc")/tests/aksc_cli_tests
  if [[ ! -x $tests ]]; then
    echo "no $tests: build the tests (cmake --build $(dirname "$aksc"))" >&2
    exit 1
  fi
  AKSC_UPDATE_FIXTURES=1 "$tests" "rule fixtures give exactly their expected findings"
fi
