#!/usr/bin/env bash
# The GitHub Action's install step (action.yml): aksc VERSION under DIR, unless the cache step
# already restored it there, then DIR/bin on the job's PATH for the steps after.
# Env: AKSC_VERSION, AKSC_DIR (from scripts/action/version.sh), GITHUB_PATH; AKSC_RELEASE_URL
# is passed on to scripts/install.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${AKSC_VERSION:?AKSC_VERSION is not set}
dir=${AKSC_DIR:?AKSC_DIR is not set}
if [ -x "$dir/bin/aksc" ] && [ "$("$dir/bin/aksc" --version | head -n 1)" = "aksc $version" ]; then
  echo "aksc $version is in the cache: $dir/bin/aksc"
else
  "$here/../install.sh" --version "$version" --prefix "$dir"
fi
echo "$dir/bin" >> "${GITHUB_PATH:?GITHUB_PATH is not set}"
