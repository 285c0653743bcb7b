#!/usr/bin/env bash
# The yaml-cpp archive aksc links (CMakeLists.txt aligns it) has every code section on a 64-byte
# boundary at least, so that yaml-cpp's speed does not depend on aksc's own code size.
#   check_yaml_cpp_alignment.sh OBJDUMP ARCHIVE
set -euo pipefail
objdump=$1
archive=$2
# objdump -h prints "idx name size vma lma offset 2**align" for each section of each member.
"$objdump" -h "$archive" | awk '
  $2 ~ /^\.text/ {
    sections++
    split($7, power, "\\*\\*")
    if (power[2] + 0 < 6) { print "under 64 bytes: " $2 " (" $7 ")"; bad++ }
  }
  END {
    if (sections < 10) { print "only " sections + 0 " code sections found"; exit 1 }
    if (bad) exit 1
    print sections " code sections, all aligned to 64 bytes or more"
  }'
