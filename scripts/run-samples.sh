#!/usr/bin/env bash
# The README's first command: set up, build, lint every spec under samples/, then compile the
# clean samples (samples/kubernetes, the Azure ML v2 ones, and the legacy v1 samples/vision and
# samples/nlp) into build/artifacts/<workspace>/<name>/.
# samples/broken/ is broken on purpose, so lint findings (exit 1) are the expected outcome
# there, and it is left out of the build, which would refuse it. Any other failure (a build
# that refuses a clean sample, exit 2 from either command) fails this script.
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
elif ((status != 0)); then
  exit "$status"
fi
build/aksc build samples/kubernetes samples/vision samples/nlp -o build/artifacts
echo "(the artifacts of the clean samples are in build/artifacts/)"
