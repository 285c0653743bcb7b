#!/usr/bin/env bash
# Packages an already built static aksc as the release artifacts, byte for byte the same from
# run to run (docs/install.md, "Release artifacts"):
#   aksc-VERSION-linux-x86_64.tar.gz  the stripped binary, its man page, bash completion,
#                                     LICENSE and README.md
#   aksc_VERSION_amd64.deb            the same files under /usr, for apt
#   aksc-VERSION-linux-x86_64.debug   the debug information the shipped binary leaves out
#   SHA256SUMS                        of the three
# It never compiles: CI builds once and packages what its tests ran.
# Usage: scripts/package.sh VERSION [--build-dir DIR] [--out DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

die() {
  echo "package: $*" >&2
  exit 2
}

usage="usage: scripts/package.sh VERSION [--build-dir DIR] [--out DIR]"
version=
build_dir="$root/build"
out=
while (($# > 0)); do
  case "$1" in
    --build-dir) build_dir=${2:?$usage} && shift 2 ;;
    --out) out=${2:?$usage} && shift 2 ;;
    -h | --help) echo "$usage" && exit 0 ;;
    -*) die "unknown option '$1'; $usage" ;;
    *) [ -z "$version" ] || die "one VERSION only; $usage"
       version=$1 && shift ;;
  esac
done
[ -n "$version" ] || die "$usage"
out=${out:-$build_dir/dist}

# Semantic versioning's MAJOR.MINOR.PATCH with an optional pre-release (CHANGELOG.md).
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'
[[ "$version" =~ $semver ]] || die "'$version' is not a version such as 1.2.3 or 1.2.3-rc.1"

binary="$build_dir/aksc"
[ -f "$binary" ] || die "no aksc at $binary: build it first (scripts/build.sh)"
for tool in readelf objcopy strip dpkg-deb gzip sha256sum; do
  command -v "$tool" > /dev/null || die "$tool is missing (binutils, dpkg, gzip, coreutils)"
done
# A release binary runs on any x86_64 Linux: no dynamic loader, no shared libraries.
if readelf --program-headers "$binary" | grep -q INTERP ||
  readelf --dynamic "$binary" | grep -q NEEDED; then
  die "$binary is linked dynamically; release builds are static (AKSC_STATIC=ON, README \"Build\")"
fi
printed=$("$binary" --version | head -n 1)
[ "$printed" = "aksc $version" ] ||
  die "$binary prints '$printed', not 'aksc $version': package the version that was built"

# Timestamps come from the last commit, so that the same commit packages to the same bytes.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git -C "$root" log -1 --format=%ct 2> /dev/null) ||
    SOURCE_DATE_EPOCH=1704067200 # 2024-01-01, for a source tree outside git
fi
export SOURCE_DATE_EPOCH

name="aksc-$version-linux-x86_64"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
umask 022

# The debug information goes to its own file; the shipped binary names it (.gnu_debuglink), so
# gdb finds it when it is put beside the binary or under /usr/lib/debug.
objcopy --only-keep-debug "$binary" "$stage/$name.debug"
chmod 0644 "$stage/$name.debug"
strip --strip-all -o "$stage/aksc" "$binary"
(cd "$stage" && objcopy --add-gnu-debuglink="$name.debug" aksc)

# The tarball: one folder, flat, installed by scripts/install.sh.
mkdir "$stage/$name"
install -m 0755 "$stage/aksc" "$stage/$name/aksc"
install -m 0644 "$root/docs/aksc.1" "$stage/$name/aksc.1"
install -m 0644 "$root/scripts/aksc-completion.bash" "$stage/$name/aksc-completion.bash"
install -m 0644 "$root/LICENSE" "$root/README.md" "$stage/$name/"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
  --format=gnu -C "$stage" -cf - "$name" | gzip -n -9 > "$stage/$name.tar.gz"

# The .deb, from a staged tree with fixed times and owners.
deb="$stage/deb"
install -D -m 0755 "$stage/aksc" "$deb/usr/bin/aksc"
install -d "$deb/usr/share/man/man1" "$deb/usr/share/doc/aksc" "$deb/DEBIAN"
gzip -n -9 -c "$root/docs/aksc.1" > "$deb/usr/share/man/man1/aksc.1.gz"
install -D -m 0644 "$root/scripts/aksc-completion.bash" \
  "$deb/usr/share/bash-completion/completions/aksc"
cat > "$deb/usr/share/doc/aksc/copyright" << 'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: aksc

Files: *
Copyright: aksc developers
License: Apache-2.0
 On Debian systems, the full text of the Apache License 2.0 is in
 /usr/share/common-licenses/Apache-2.0.
EOF
# Debian orders 1.2.3~rc.1 before 1.2.3, as semantic versioning orders 1.2.3-rc.1; a hyphen
# after that would start a Debian revision.
deb_version=${version/-/\~}
deb_version=${deb_version//-/.}
cat > "$deb/DEBIAN/control" << EOF
Package: aksc
Version: $deb_version
Architecture: amd64
Maintainer: aksc developers <aksc@example.invalid>
Installed-Size: $(du -k -s --apparent-size --exclude=DEBIAN "$deb" | cut -f1)
Section: devel
Priority: optional
Recommends: bash-completion
Description: policy-as-code linter and compiler for Azure ML inference clusters on AKS
 aksc checks YAML specs of Azure Machine Learning inference clusters on AKS against every
 limitation Azure documents, and compiles them to ARM templates and az CLI scripts.
EOF
chmod -R u+rwX,go+rX,go-w "$deb"
find "$deb" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
# One xz thread where dpkg-deb can be told (1.21.9 and later): the compressed bytes may depend
# on the number of threads.
threads=()
if dpkg-deb --help | grep -q -- --threads-max; then threads=(--threads-max=1); fi
dpkg-deb --root-owner-group -Zxz "${threads[@]}" --build "$deb" \
  "$stage/aksc_${version}_amd64.deb" > /dev/null

mkdir -p "$out"
artifacts=("$name.tar.gz" "aksc_${version}_amd64.deb" "$name.debug")
for artifact in "${artifacts[@]}"; do
  mv -f "$stage/$artifact" "$out/$artifact"
done
(cd "$out" && sha256sum "${artifacts[@]}" > SHA256SUMS)
echo "package: wrote ${artifacts[*]} SHA256SUMS in $out"
