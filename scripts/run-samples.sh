#!/usr/bin/env bash
# The README's first command: set up, build, and lint every spec under samples/.
# samples/broken/ is broken on purpose, so findings (exit 1) are the expected outcome here;
# exit 2 (a usage or input error) still fails this script.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
cd "$root"
set +e
build/aksc lint samples
status=$?
set -e
if ((status == 1)); then
  echo "(exit 1: the findings above are expected; samples/broken/ is broken on purpose)"
  exit 0
fi
exit "$status"
