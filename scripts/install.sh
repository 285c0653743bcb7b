#!/usr/bin/env bash
# Installs a released aksc without root: downloads the linux-x86_64 tarball and SHA256SUMS,
# refuses the tarball unless its SHA-256 is the one SHA256SUMS gives, and copies bin/aksc, the
# man page and the bash completion under PREFIX (default ~/.local). Needs curl or wget.
#   curl -fsSL https://raw.githubusercontent.com/aksc-project/aksc/v0.1.0/scripts/install.sh | bash
#   scripts/install.sh [--version V] [--prefix DIR]
# AKSC_RELEASE_URL overrides where releases are (a mirror, or a local server in the tests);
# {version} in it stands for the version.
set -euo pipefail

# The one place that says where releases are and which one is installed by default.
release_url=${AKSC_RELEASE_URL:-"https://github.com/aksc-project/aksc/releases/download/v{version}"}
default_version=0.1.0

usage="usage: install.sh [--version V] [--prefix DIR] [--print-version]"
die() {
  echo "aksc install: $*" >&2
  exit 1
}

version=$default_version
prefix="${HOME:?HOME is not set}/.local"
print_version=false
while (($# > 0)); do
  case "$1" in
    --version) version=${2:?$usage} && shift 2 ;;
    --prefix) prefix=${2:?$usage} && shift 2 ;;
    --print-version) print_version=true && shift ;;
    -h | --help) echo "$usage" && exit 0 ;;
    *) die "unknown argument '$1'; $usage" ;;
  esac
done

# A version goes into a URL and file names: semantic versions only.
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'
if [ "$version" = latest ]; then
  die "--version latest is not supported: give a version such as $default_version (the default)"
fi
[[ "$version" =~ $semver ]] || die "'$version' is not a version such as $default_version"
if $print_version; then
  echo "$version"
  exit 0
fi

[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] ||
  die "releases are built for Linux on x86_64 only, not $(uname -s) on $(uname -m); build from source (README, \"Build\")"

base=${release_url//\{version\}/$version}
name="aksc-$version-linux-x86_64"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

download() {  # URL FILE
  echo "aksc install: downloading $1"
  if command -v curl > /dev/null; then
    curl --fail --silent --show-error --location --output "$2" "$1" ||
      die "could not download $1 (is $version a released version?); nothing was installed"
  elif command -v wget > /dev/null; then
    wget --quiet --output-document="$2" "$1" ||
      die "could not download $1 (is $version a released version?); nothing was installed"
  else
    die "neither curl nor wget is installed"
  fi
}

download "$base/SHA256SUMS" "$scratch/SHA256SUMS"
download "$base/$name.tar.gz" "$scratch/$name.tar.gz"

expected=$(awk -v file="$name.tar.gz" '$2 == file || $2 == "*" file { print $1 }' \
  "$scratch/SHA256SUMS")
actual=$(sha256sum "$scratch/$name.tar.gz" | cut -d ' ' -f 1)
[ -n "$expected" ] || die "SHA256SUMS from $base has no line for $name.tar.gz; nothing was installed"
if [ "$expected" != "$actual" ]; then
  die "$name.tar.gz does not match SHA256SUMS: expected SHA-256 $expected, downloaded $actual; nothing was installed"
fi

tar -xzf "$scratch/$name.tar.gz" -C "$scratch"
unpacked="$scratch/$name"
for file in aksc aksc.1 aksc-completion.bash; do
  [ -f "$unpacked/$file" ] || die "$name.tar.gz has no $name/$file; nothing was installed"
done

# Each file is copied beside its place and then renamed over it, so a running aksc or an
# interrupted install never sees half a file.
place() {  # FILE MODE DESTINATION
  mkdir -p "$(dirname "$3")"
  install -m "$2" "$1" "$3.new"
  mv -f "$3.new" "$3"
}
place "$unpacked/aksc.1" 0644 "$prefix/share/man/man1/aksc.1"
place "$unpacked/aksc-completion.bash" 0644 "$prefix/share/bash-completion/completions/aksc"
place "$unpacked/aksc" 0755 "$prefix/bin/aksc"
echo "aksc install: installed $("$prefix/bin/aksc" --version | head -n 1) in $prefix/bin/aksc"

case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "aksc install: $prefix/bin is not on PATH; add it, e.g. in ~/.profile:"
     echo "  export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
