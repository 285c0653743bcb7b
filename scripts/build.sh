#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then configures and builds aksc in build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
# Ninja starts each file as soon as its inputs are ready (Makefiles wait for a whole library
# first). A build folder keeps the generator it was made with.
export CMAKE_GENERATOR=${CMAKE_GENERATOR:-Ninja}
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$root/build" -j "$(nproc)"
