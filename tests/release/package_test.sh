#!/usr/bin/env bash
# scripts/package.sh: its refusals; the same bytes from two runs; and each artifact unpacked and
# used as a user would: aksc --version, aksc lint on samples/ and man -l on the page, from the
# tarball and from the .deb; no debug sections in the shipped static binary, all of them in the
# .debug file; SHA256SUMS checks. Leaves the artifacts in DIST_DIR for the installer's and the
# GitHub Action's tests.
# Usage: package_test.sh SOURCE_DIR AKSC_BINARY DIST_DIR
set -euo pipefail
source_dir=$1
binary=$2
dist=$3
# shellcheck source=tests/release/lib.sh
source "$source_dir/tests/release/lib.sh"
package="$source_dir/scripts/package.sh"
build_dir=$(dirname "$binary")
version=$("$binary" --version | head -n 1 | cut -d ' ' -f 2)
name="aksc-$version-linux-x86_64"
unset SOURCE_DATE_EPOCH

refused() {  # WHAT EXPECTED_MESSAGE ARG...: package.sh must fail with that message
  local what=$1 message=$2
  shift 2
  local output
  if output=$("$package" "$@" --out "$scratch/refused" 2>&1); then
    fail "$what: package.sh succeeded"
  fi
  expect_contains "$output" "$message" "$what"
  [ ! -e "$scratch/refused" ] || fail "$what: package.sh wrote $scratch/refused"
}
mkdir "$scratch/empty" "$scratch/dynamic"
cp /bin/true "$scratch/dynamic/aksc"
refused "bad version" "'1.2' is not a version" 1.2 --build-dir "$build_dir"
refused "leading zero" "'01.2.3' is not a version" 01.2.3 --build-dir "$build_dir"
refused "version not built" "prints 'aksc $version', not 'aksc 99.0.0'" 99.0.0 \
  --build-dir "$build_dir"
refused "missing binary" "no aksc at $scratch/empty/aksc" "$version" --build-dir "$scratch/empty"
refused "dynamic binary" "is linked dynamically" "$version" --build-dir "$scratch/dynamic"

# Reproducible: a second run, from another scratch folder and under another umask, writes the
# same bytes.
"$package" "$version" --build-dir "$build_dir" --out "$scratch/a" > /dev/null
(umask 077 && "$package" "$version" --build-dir "$build_dir" --out "$scratch/b" > /dev/null)
artifacts=("$name.tar.gz" "aksc_${version}_amd64.deb" "$name.debug" SHA256SUMS)
for artifact in "${artifacts[@]}"; do
  cmp "$scratch/a/$artifact" "$scratch/b/$artifact" ||
    fail "$artifact differs between two runs: not reproducible"
done
[ "$(find "$scratch/a" -type f | wc -l)" = 4 ] || fail "expected 4 files, got: $(ls "$scratch/a")"
(cd "$scratch/a" && sha256sum --check --strict SHA256SUMS > /dev/null) || fail "sha256sum -c SHA256SUMS"
[ "$(wc -l < "$scratch/a/SHA256SUMS")" = 3 ] || fail "SHA256SUMS should name the 3 artifacts"

# The binary, page and completion of an unpacked artifact work as a user runs them.
check_installed() {  # WHAT BINARY MAN_PAGE COMPLETION
  local what=$1 aksc=$2 page=$3 completion=$4 output status
  [ "$("$aksc" --version | head -n 1)" = "aksc $version" ] || fail "$what: aksc --version"
  status=0
  output=$(cd "$source_dir" && "$aksc" lint samples/) || status=$?
  [ "$status" = 1 ] || fail "$what: aksc lint samples/ exited $status, expected 1 (samples/broken)"
  expect_contains "$output" "samples/broken/several-findings.yaml:5:7: error: compute name '9-very-long-compute-name-for-vision' is 35 characters long; Azure ML allows 3 to 24 [AKS102]" \
    "$what: aksc lint samples/"
  status=0
  (cd "$source_dir" && "$aksc" lint samples/vision samples/nlp samples/kubernetes > /dev/null) ||
    status=$?
  [ "$status" = 0 ] || fail "$what: the clean samples exited $status, expected 0"
  local manual
  manual=$(MANWIDTH=80 MANPAGER=cat man -l "$page" 2> "$scratch/man.err") ||
    fail "$what: man -l $page failed: $(cat "$scratch/man.err")"
  [ ! -s "$scratch/man.err" ] || fail "$what: man -l $page warned: $(cat "$scratch/man.err")"
  expect_contains "$manual" "SYNOPSIS" "$what: man -l"
  expect_contains "$manual" "EXIT STATUS" "$what: man -l"
  local longest
  longest=$(printf '%s\n' "$manual" | LC_ALL=C.UTF-8 wc --max-line-length)
  ((longest <= 80)) || fail "$what: man -l at MANWIDTH=80 has a line of $longest characters"
  bash -n "$completion" || fail "$what: $completion"
  grep -q "complete -F _aksc" "$completion" || fail "$what: $completion does not complete aksc"
}

# The tarball: one folder, files owned by root, the stripped binary named after its .debug.
listing=$(tar -tvzf "$scratch/a/$name.tar.gz")
for file in aksc aksc.1 aksc-completion.bash LICENSE README.md; do
  expect_contains "$listing" "$name/$file" "tarball listing"
done
[ "$(tar -tzf "$scratch/a/$name.tar.gz" | wc -l)" = 6 ] || fail "tarball: unexpected files: $listing"
printf '%s\n' "$listing" | grep -v ' 0/0 ' && fail "tarball: files not owned by 0/0"
mkdir "$scratch/tar"
tar -xzf "$scratch/a/$name.tar.gz" -C "$scratch/tar"
shipped="$scratch/tar/$name/aksc"
check_installed tarball "$shipped" "$scratch/tar/$name/aksc.1" \
  "$scratch/tar/$name/aksc-completion.bash"
cmp -s "$scratch/tar/$name/LICENSE" "$source_dir/LICENSE" || fail "tarball: LICENSE"

sections=$(readelf --section-headers --wide "$shipped")
if grep -q '\.debug_' <<< "$sections"; then fail "the shipped aksc has .debug_* sections"; fi
grep -q '\.gnu_debuglink' <<< "$sections" || fail "the shipped aksc does not name its .debug file"
expect_contains "$(readelf --string-dump=.gnu_debuglink "$shipped")" "$name.debug" "debuglink"
if readelf --program-headers "$shipped" | grep -q INTERP; then fail "the shipped aksc is dynamic"; fi
if command -v file > /dev/null; then
  expect_contains "$(file "$shipped")" "statically linked" "file(1) on the shipped aksc"
fi
debug_sections=$(readelf --section-headers --wide "$scratch/a/$name.debug")
for section in .debug_info .debug_line; do
  grep -q "$section" <<< "$debug_sections" || fail "$name.debug has no $section"
done
size=$(stat -c %s "$shipped")
echo "the stripped aksc is $size bytes"

# The .deb: its control fields, root-owned files, and the same binary under /usr.
deb="$scratch/a/aksc_${version}_amd64.deb"
info=$(dpkg-deb --field "$deb" Package Version Architecture)
expect_contains "$info" "Package: aksc" "dpkg-deb --field"
expect_contains "$info" "Version: ${version/-/\~}" "dpkg-deb --field"
expect_contains "$info" "Architecture: amd64" "dpkg-deb --field"
contents=$(dpkg-deb --contents "$deb")
printf '%s\n' "$contents" | grep -v ' root/root ' && fail ".deb: files not owned by root/root"
mkdir "$scratch/deb"
dpkg-deb -x "$deb" "$scratch/deb"
usr="$scratch/deb/usr"
check_installed .deb "$usr/bin/aksc" "$usr/share/man/man1/aksc.1.gz" \
  "$usr/share/bash-completion/completions/aksc"
cmp -s "$usr/bin/aksc" "$shipped" || fail ".deb: /usr/bin/aksc is not the tarball's binary"
[ -f "$usr/share/doc/aksc/copyright" ] || fail ".deb: no /usr/share/doc/aksc/copyright"

# The size the docs record stays within a quarter of the real one.
# shellcheck disable=SC2016 # backquotes of Markdown
documented=$(sed -n 's/.*stripped `aksc` is \([0-9.]*\) MB.*/\1/p' "$source_dir/docs/install.md")
if [ -z "$documented" ]; then
  fail "docs/install.md does not record the stripped binary's size (\"stripped \`aksc\` is N MB\")"
elif ! awk -v doc="$documented" -v real="$size" \
  'BEGIN { r = real / 1e6; exit !(r > doc * 0.75 && r < doc * 1.25) }'; then
  fail "docs/install.md says $documented MB; the stripped aksc is $size bytes"
fi

# A pre-release, packaged from a stand-in static program that prints that version: the names
# keep the semantic version, the .deb's version sorts before the release's (1.2.3~rc.1).
mkdir "$scratch/pre"
printf '#include <stdio.h>\nint main(void) { puts("aksc 1.2.3-rc.1"); return 0; }\n' \
  > "$scratch/pre/aksc.c"
cc -static -g -o "$scratch/pre/aksc" "$scratch/pre/aksc.c"
"$package" 1.2.3-rc.1 --build-dir "$scratch/pre" --out "$scratch/pre/dist" > /dev/null ||
  fail "package.sh refused the pre-release 1.2.3-rc.1"
(cd "$scratch/pre/dist" && sha256sum --check --strict SHA256SUMS > /dev/null) ||
  fail "pre-release: sha256sum -c SHA256SUMS (aksc-1.2.3-rc.1-linux-x86_64.tar.gz and the rest)"
[ "$(dpkg-deb --field "$scratch/pre/dist/aksc_1.2.3-rc.1_amd64.deb" Version)" = 1.2.3~rc.1 ] ||
  fail "pre-release: the .deb's version is not 1.2.3~rc.1"
dpkg --compare-versions 1.2.3~rc.1 lt 1.2.3 || fail "1.2.3~rc.1 does not sort before 1.2.3"

rm -rf "$dist"
mkdir -p "$(dirname "$dist")"
cp -r "$scratch/a" "$dist"
finish "package"
