#!/usr/bin/env bash
# cmake/commit.cmake, which writes the commit `aksc --version` prints: the short hash, "-dirty"
# for changed tracked files only, "unknown" outside ROOT's own repository, and no rewrite (so no
# recompile) while the text stays the same.
# Usage: commit_test.sh SOURCE_DIR
set -euo pipefail
script="$1/cmake/commit.cmake"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

commit_of() {  # ROOT [GIT]: the string the generated source returns
  cmake "-DROOT=$1" "-DOUTPUT=$scratch/commit.cpp" "-DGIT=${2-}" -P "$script"
  sed -n 's/.*return "\(.*\)";.*/\1/p' "$scratch/commit.cpp"
}

repo="$scratch/repo"
mkdir -p "$repo/sub"
git -C "$repo" init -q
echo one > "$repo/tracked"
git -C "$repo" add tracked
git -C "$repo" -c user.name=t -c user.email=t@example.invalid commit -qm one
hash=$(git -C "$repo" rev-parse --short HEAD)

[ "$(commit_of "$repo" git)" = "$hash" ] || fail "clean tree: expected $hash, got $(commit_of "$repo" git)"

touch -d @1000000000 "$scratch/commit.cpp"
commit_of "$repo" git > /dev/null
[ "$(stat -c %Y "$scratch/commit.cpp")" = 1000000000 ] ||
  fail "the same commit rewrote the file, which would recompile it"

echo untracked > "$repo/new-file"
[ "$(commit_of "$repo" git)" = "$hash" ] || fail "an untracked file made the tree dirty"

echo two > "$repo/tracked"
[ "$(commit_of "$repo" git)" = "$hash-dirty" ] ||
  fail "changed tracked file: expected $hash-dirty, got $(commit_of "$repo" git)"

# A source tree unpacked inside another repository is not that repository's commit.
[ "$(commit_of "$repo/sub" git)" = unknown ] || fail "a folder inside another repository"
[ "$(commit_of "$scratch" git)" = unknown ] || fail "outside git"
[ "$(commit_of "$repo" "")" = unknown ] || fail "without git"

if ((failures > 0)); then exit 1; fi
echo "commit.cmake: hash, -dirty, unknown, no rewrite: ok"
