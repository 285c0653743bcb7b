#!/usr/bin/env bash
# Builds everything with clang under AddressSanitizer + UndefinedBehaviorSanitizer (leaks
# included) in build-asan/, runs the test suite there, then fuzzes each target for
# AKSC_FUZZ_SECONDS (default 60). Fails on any test failure and on any sanitizer report, even
# one in a process whose exit code no test looks at: reports go to files that must stay absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-asan"
"$root/scripts/setup.sh"
# Ninja starts each file as soon as its inputs are ready (Makefiles wait for a whole library
# first). A build folder keeps the generator it was made with.
export CMAKE_GENERATOR=${CMAKE_GENERATOR:-Ninja}
# Debug keeps assertions (nlohmann::json's among them) on; -O0 halves the build time, which
# dominates the sanitizer stage of CI, and line tables are enough for the reports' stacks.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O0 -gline-tables-only" -DAKSC_SANITIZE=ON -DAKSC_FUZZ=ON > /dev/null
cmake --build "$build" -j "$(nproc)"

reports="$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
options="halt_on_error=1:exitcode=86:log_path=$reports/report"
export ASAN_OPTIONS="detect_leaks=1:$options"
export LSAN_OPTIONS="$options"
export UBSAN_OPTIONS="print_stacktrace=1:$options"
# The style, data, artifact-script, scaffold, configure and release checks do not run aksc code
# (release: shell scripts and the shipped static binary, which has no sanitizers): the plain
# build runs them.
status=0
ctest --test-dir "$build" -j "$(nproc)" --output-on-failure \
  -E '^(style|data|artifacts|scaffold|configure|release):' ||
  status=1
if compgen -G "$reports/report*" > /dev/null; then
  cat "$reports"/report*
  echo "sanitize: the sanitizers reported the problems above" >&2
  status=1
fi
[ "$status" -eq 0 ] || exit 1
"$root/scripts/fuzz.sh" "$build" "${AKSC_FUZZ_SECONDS:-60}"
