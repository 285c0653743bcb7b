#!/usr/bin/env bash
# Installs aksc's build and test dependencies from Debian's archive when they are missing.
# Idempotent: a second run installs nothing. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libyaml-cpp-dev libvalijson-dev libfmt-dev libboost-program-options-dev
  catch2 nlohmann-json3-dev
  python3 shellcheck clang-format git
  python3-yaml    # the tests read YAML back: artifacts, `aksc show --resolved`, action.yml and
                  # .pre-commit-hooks.yaml (tests/release)
  libxml2-utils   # xmllint: the tests validate --format junit against the JUnit schema
  azure-cli jq    # ../shared/tools/az-parse-check feeds the emitted az commands to az's parser
  clang libclang-rt-14-dev   # scripts/sanitize.sh: ASan, UBSan and libFuzzer
  valgrind        # tests/memcheck: the shipped operator new, which the sanitizer build leaves out
  man-db file     # tests/release: man -l on the packaged page, file(1) on the shipped binary
  curl            # tests/release: scripts/install.sh from a local server
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=()
if ((EUID != 0)); then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
