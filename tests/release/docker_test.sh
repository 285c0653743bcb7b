#!/usr/bin/env bash
# The container image and the aksc-docker pre-commit hook. Without --build: what can be checked
# without a container engine: the hook is aksc's hook run from the image, the Dockerfile builds
# with scripts/docker-build-stage.sh and ships only the static binary, and that script installs
# only packages scripts/setup.sh installs for CI. With --build: a real image build and a lint
# run inside it, skipped (exit 77, with the reason) where `docker info` fails.
# Usage: docker_test.sh SOURCE_DIR [--build]
set -euo pipefail
source_dir=$1
# shellcheck source=tests/release/lib.sh
source "$source_dir/tests/release/lib.sh"

if [ "${2:-}" = --build ]; then
  if ! docker info > /dev/null 2>&1; then
    echo "skipped: no container engine here (docker info failed)"
    exit 77
  fi
  tag="aksc-test:$$"
  docker build --quiet --tag "$tag" "$source_dir" > /dev/null || fail "docker build"
  status=0
  output=$(docker run --rm -v "$source_dir/samples:/src:ro" "$tag" lint --specs-only \
    broken/several-findings.yaml) || status=$?
  docker image rm "$tag" > /dev/null || true
  [ "$status" = 1 ] || fail "aksc in the image exited $status on samples/broken, expected 1"
  expect_contains "$output" "[AKS102]" "aksc lint in the image"
  finish "docker build"
  exit 0
fi

if ! python3 - "$source_dir/.pre-commit-hooks.yaml" << 'PY'; then
import sys, yaml
hooks = {hook["id"]: hook for hook in yaml.safe_load(open(sys.argv[1]))}
system, docker = hooks["aksc"], hooks.get("aksc-docker")
problems = []
if docker is None:
    problems.append("no hook aksc-docker")
else:
    if docker.get("language") != "docker":
        problems.append(f"aksc-docker: language {docker.get('language')}, expected docker")
    # pre-commit runs the image with the entry's first word as its entrypoint.
    if docker.get("entry") != "/aksc lint --specs-only":
        problems.append(f"aksc-docker: entry {docker.get('entry')!r}")
    if docker.get("entry", "").split()[1:] != system["entry"].split()[1:]:
        problems.append("aksc-docker does not pass what aksc passes")
    for key in ["files", "types", "pass_filenames", "require_serial", "exclude"]:
        if docker.get(key) != system.get(key):
            problems.append(f"aksc-docker: {key} {docker.get(key)!r}, aksc: {system.get(key)!r}")
for problem in problems:
    print(".pre-commit-hooks.yaml:", problem)
sys.exit(1 if problems else 0)
PY
  fail "the aksc-docker hook"
fi

dockerfile=$(grep -v '^#' "$source_dir/Dockerfile" | grep -v '^$')
froms=$(grep -c '^FROM ' <<< "$dockerfile")
[ "$froms" = 2 ] || fail "Dockerfile: $froms stages, expected 2 (build, run)"
[ "$(grep '^FROM ' <<< "$dockerfile" | head -n 1)" = "FROM debian:bookworm AS build" ] ||
  fail "Dockerfile: the build stage is not debian:bookworm"
grep -q '^RUN .*scripts/docker-build-stage\.sh /out$' <<< "$dockerfile" ||
  fail "Dockerfile: the build stage does not run scripts/docker-build-stage.sh /out"
final=$(sed -n '/^FROM scratch$/,$p' <<< "$dockerfile")
expected_final=$'FROM scratch\nCOPY --from=build /out/aksc /aksc\nWORKDIR /src\nENTRYPOINT ["/aksc"]'
[ "$final" = "$expected_final" ] ||
  fail "Dockerfile: the final stage should be exactly: $expected_final; it is: $final"
grep -qx 'build' "$source_dir/.dockerignore" || fail ".dockerignore leaves build/ in the context"

# The build stage installs nothing CI's own setup does not.
stage_packages=$(sed -n '/^packages=(/,/^)/p' "$source_dir/scripts/docker-build-stage.sh" |
  sed 's/#.*//; s/packages=(//; s/)//' | tr -s ' \n' '\n' | sed '/^$/d')
setup_packages=$(sed -n '/^packages=(/,/^)/p' "$source_dir/scripts/setup.sh" |
  sed 's/#.*//; s/packages=(//; s/)//' | tr -s ' \n' '\n' | sed '/^$/d')
[ -n "$stage_packages" ] || fail "no packages=( ... ) list in scripts/docker-build-stage.sh"
for package in $stage_packages; do
  grep -qx "$package" <<< "$setup_packages" ||
    fail "docker-build-stage.sh installs $package, which scripts/setup.sh does not"
done
if command -v shellcheck > /dev/null; then
  shellcheck "$source_dir/scripts/docker-build-stage.sh" || fail "shellcheck docker-build-stage.sh"
fi
finish "docker declarations"
