#!/usr/bin/env bash
# The build stage of the container image (Dockerfile), on debian:bookworm as root: installs the
# build dependencies from Debian (those of scripts/setup.sh that a build needs), builds aksc
# statically in Release without the tests, and leaves the stripped binary at OUT/aksc for the
# image's final stage, which holds nothing else.
# Usage: scripts/docker-build-stage.sh OUT
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: scripts/docker-build-stage.sh OUT}
build=$(mktemp -d)

packages=(
  build-essential cmake ninja-build pkg-config
  libyaml-cpp-dev libvalijson-dev libfmt-dev libboost-program-options-dev nlohmann-json3-dev
  git   # the commit that aksc --version prints (cmake/commit.cmake)
)
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
  -DAKSC_STATIC=ON
cmake --build "$build" --target aksc -j "$(nproc)"

# The final stage is FROM scratch: no loader and no libraries, so only a static binary runs.
if readelf --program-headers "$build/aksc" | grep -q INTERP; then
  echo "docker-build-stage: $build/aksc is not static" >&2
  exit 1
fi
mkdir -p "$out"
strip --strip-all -o "$out/aksc" "$build/aksc"
"$out/aksc" --version
