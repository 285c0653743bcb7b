#!/usr/bin/env bash
# Runs the aksc program (main and operator new as shipped, linked dynamically so that Valgrind
# can see malloc) under Valgrind memcheck on the samples: lint in every output format, build,
# and the other subcommands. Fails on any memcheck error or definite leak, and on an exit code
# other than aksc's own 0, 1 or 2. The sanitizer build leaves the custom operator new out, so
# this is the check that sees it. Skipped (77), saying so, where valgrind is not installed.
#   tests/memcheck/run_memcheck.sh AKSC_DYNAMIC_BINARY SOURCE_ROOT
set -uo pipefail
aksc=$1
root=$2
if ! command -v valgrind > /dev/null; then
  echo "skipped: valgrind is not installed (scripts/setup.sh installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
run() {
  local log="$work/log"
  (cd "$root" && valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite --track-origins=no \
    --log-file="$log" "$aksc" "$@" > /dev/null 2>&1)
  local status=$?
  if ((status > 2)); then
    echo "FAIL (exit $status): aksc $*"
    cat "$log"
    failed=1
  else
    echo "ok (exit $status): aksc $*"
  fi
}
for format in text json sarif junit github; do
  run lint samples --format "$format" --jobs 2 --verbose
done
run build samples/nlp samples/vision -o "$work/out"
run build samples/nlp samples/vision -o "$work/out" --check
run rules
run explain AKS304
run schema
run show --facts samples/nlp
run init --mode attach
exit "$failed"
