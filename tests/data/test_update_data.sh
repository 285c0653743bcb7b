#!/bin/sh
# The committed tables in rules/data/ are exactly what scripts/update-data.py
# derives from ../shared/data. Skipped (ctest SKIP_RETURN_CODE 77) when the
# shared data is not checked out next to the repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ ! -d "$root/../shared/data" ]; then
    echo "SKIP: ../shared/data not found; data tables not re-derived"
    exit 77
fi
cd "$root"
exec python3 scripts/update-data.py --check --shared "$root/../shared/data"
