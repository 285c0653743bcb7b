#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then configures and builds aksc in build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
# Ninja starts each file as soon as its inputs are ready (Makefiles wait for a whole library
# first). A build folder keeps the generator it was made with.
export CMAKE_GENERATOR=${CMAKE_GENERATOR:-Ninja}
# -g1 keeps function names and line tables (what a backtrace needs) without the variables' debug
# information, which took about a quarter of a rule file's compile time (docs/performance.md).
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" > /dev/null
cmake --build "$root/build" -j "$(nproc)"
