#!/usr/bin/env bash
# scripts/install.sh against a local server on 127.0.0.1 serving the artifacts of
# scripts/package.sh (package_test.sh leaves them in DIST_DIR): an install without root under a
# fresh HOME's ~/.local, the PATH hint, --prefix; then a tampered tarball, a missing release and
# bad versions, each refused with a clear error and nothing installed.
# Usage: install_test.sh SOURCE_DIR DIST_DIR
set -euo pipefail
source_dir=$1
dist=$(cd "$2" && pwd)
# shellcheck source=tests/release/lib.sh
source "$source_dir/tests/release/lib.sh"
installer="$source_dir/scripts/install.sh"
tarball=$(cd "$dist" && ls aksc-*-linux-x86_64.tar.gz)
name=${tarball%.tar.gz}
version=${name#aksc-}
version=${version%-linux-x86_64}

# The installer's default is the version this tree builds.
[ "$("$installer" --print-version)" = "$version" ] ||
  fail "install.sh installs $("$installer" --print-version) by default; this tree builds $version"

# The release folder as the URL pattern lays it out: v{version}/ with the artifacts; and a
# tampered copy whose tarball has one more byte than SHA256SUMS says.
mkdir -p "$scratch/www/good/v$version" "$scratch/www/tampered/v$version"
ln -s "$dist/$tarball" "$dist/SHA256SUMS" "$scratch/www/good/v$version/"
ln -s "$dist/SHA256SUMS" "$scratch/www/tampered/v$version/"
cp "$dist/$tarball" "$scratch/www/tampered/v$version/"
printf 'x' >> "$scratch/www/tampered/v$version/$tarball"
start_server "$scratch/www"
system_path=/usr/local/bin:/usr/bin:/bin

run_install() {  # HOME URL ARG...: sets output and status
  local home=$1 url=$2
  shift 2
  mkdir -p "$home"
  status=0
  output=$(HOME=$home PATH=$system_path AKSC_RELEASE_URL=$url "$installer" "$@" 2>&1) || status=$?
}

# Into ~/.local, which is not on PATH: installed, and told what to add.
home="$scratch/home"
run_install "$home" "$server/good/v{version}"
[ "$status" = 0 ] || fail "install into ~/.local exited $status: $output"
local_dir="$home/.local"
[ "$("$local_dir/bin/aksc" --version 2>&1 | head -n 1)" = "aksc $version" ] ||
  fail "the installed aksc does not run"
cmp -s "$local_dir/share/man/man1/aksc.1" "$source_dir/docs/aksc.1" || fail "man page"
cmp -s "$local_dir/share/bash-completion/completions/aksc" \
  "$source_dir/scripts/aksc-completion.bash" || fail "bash completion"
expect_contains "$output" "export PATH=\"$local_dir/bin:\$PATH\"" "the PATH hint"
status=0
(cd "$source_dir" && "$local_dir/bin/aksc" lint --quiet samples/broken > /dev/null) || status=$?
[ "$status" = 1 ] || fail "the installed aksc on samples/broken exited $status, expected 1"

# --prefix on PATH: no hint.
status=0
output=$(HOME=$home PATH="$scratch/prefix/bin:$system_path" \
  AKSC_RELEASE_URL="$server/good/v{version}" "$installer" --version "$version" \
  --prefix "$scratch/prefix" 2>&1) || status=$?
[ "$status" = 0 ] || fail "install --prefix exited $status: $output"
[ -x "$scratch/prefix/bin/aksc" ] || fail "install --prefix: no bin/aksc"
case "$output" in *"export PATH"*) fail "a PATH hint although the prefix is on PATH" ;; esac

# Without curl, wget downloads: a PATH of only the tools the installer uses, wget among them.
if command -v wget > /dev/null; then
  mkdir "$scratch/no-curl"
  for tool in bash env mktemp uname awk sha256sum cut tar gzip install mkdir mv rm dirname \
    head wget; do
    ln -s "$(command -v "$tool")" "$scratch/no-curl/$tool"
  done
  status=0
  output=$(HOME=$home PATH="$scratch/no-curl" AKSC_RELEASE_URL="$server/good/v{version}" \
    "$installer" --prefix "$scratch/wget-prefix" 2>&1) || status=$?
  [ "$status" = 0 ] || fail "install with wget exited $status: $output"
  [ -x "$scratch/wget-prefix/bin/aksc" ] || fail "install with wget: no bin/aksc"
else
  echo "install: wget is not installed here, the fallback to it is not tested"
fi

# Each refusal names what is wrong and installs nothing.
refused() {  # WHAT EXPECTED_MESSAGE URL ARG...
  local what=$1 message=$2 url=$3
  shift 3
  local home="$scratch/refused-${what// /-}"
  run_install "$home" "$url" "$@"
  [ "$status" != 0 ] || fail "$what: install.sh succeeded"
  expect_contains "$output" "$message" "$what"
  [ -z "$(ls -A "$home")" ] || fail "$what: installed $(find "$home" -type f)"
}
good_hash=$(sha256sum "$dist/$tarball" | cut -d ' ' -f 1)
bad_hash=$(sha256sum "$scratch/www/tampered/v$version/$tarball" | cut -d ' ' -f 1)
refused "tampered tarball" \
  "$tarball does not match SHA256SUMS: expected SHA-256 $good_hash, downloaded $bad_hash; nothing was installed" \
  "$server/tampered/v{version}"
refused "missing release" "could not download $server/good/v9.9.9/SHA256SUMS" \
  "$server/good/v{version}" --version 9.9.9
refused "a version that is no version" "'1.2;touch x' is not a version" \
  "$server/good/v{version}" --version '1.2;touch x'
refused "latest" "--version latest is not supported" "$server/good/v{version}" --version latest

finish "install"
