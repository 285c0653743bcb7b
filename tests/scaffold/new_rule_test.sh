#!/usr/bin/env bash
# scripts/new-rule.sh on a scratch copy of the tree (never the real one): it refuses what it must,
# writes every file of a rule, and what it writes compiles with the flags the build uses for the
# rules (taken from compile_commands.json), so the templates cannot rot.
# Usage: tests/scaffold/new_rule_test.sh path/to/compile_commands.json
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
compile_commands=$(realpath "$1")
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$root"
mkdir -p "$scratch/scripts" "$scratch/tests"
cp -R .clang-format compiler rules "$scratch/"
cp -R tests/rules "$scratch/tests/"
cp scripts/new-rule.sh "$scratch/scripts/"
cd "$scratch"
git init -q
git add -A
git -c user.name=test -c user.email=test@example.invalid commit -qm scratch

# A free ID of a family (its highest free number, so that rules added later rarely take it).
free_id() {
  local n
  for ((n = 99; n > 0; --n)); do
    local id
    id=$(printf 'AKS%d%02d' "$1" "$n")
    compgen -G "rules/$id-*.md" > /dev/null || { echo "$id" && return; }
  done
  echo "no free ID in family $1" >&2
  exit 1
}
spec_id=$(free_id 3)
project_id=$(free_id 1)
spec_lower=$(tr '[:upper:]' '[:lower:]' <<< "$spec_id")
project_lower=$(tr '[:upper:]' '[:lower:]' <<< "$project_id")

# Each refusal exits non-zero with its reason and leaves the tree as it was.
refuses() {
  local reason=$1
  shift
  local err before
  before=$(git status --porcelain --untracked-files=all)
  if err=$(scripts/new-rule.sh "$@" 2>&1 > /dev/null); then
    fail "new-rule.sh $* succeeded; expected: $reason"
  elif [[ $err != *"$reason"* ]]; then
    fail "new-rule.sh $* said '$err'; expected: $reason"
  fi
  if [[ $(git status --porcelain --untracked-files=all) != "$before" ]]; then
    fail "new-rule.sh $* changed the tree: $(git status --porcelain --untracked-files=all)"
  fi
}
refuses "usage: scripts/new-rule.sh" "$spec_id"
refuses "'AKS31' is not a rule ID" AKS31 pod-cidr-overlap
refuses "'$spec_lower' is not a rule ID" "$spec_lower" pod-cidr-overlap
refuses "'Pod_CIDR' is not a slug" "$spec_id" Pod_CIDR
refuses "'pod--cidr' is not a slug" "$spec_id" pod--cidr
refuses "AKS102 exists: rules/AKS102-name-length.md" AKS102 name-length-again
refuses "slug 'name-length' exists: rules/AKS102-name-length.md" "$spec_id" name-length
refuses "no family header for AKS9xx" AKS999 some-future-family
echo "// an edit in progress" >> compiler/rules/registry.cpp
refuses "compiler/rules/registry.cpp has uncommitted changes" "$spec_id" pod-cidr-overlap
git checkout -q -- compiler/rules/registry.cpp

# A rule over one spec, and one over the whole project.
scripts/new-rule.sh "$spec_id" pod-cidr-overlap > /dev/null
refuses "compiler/rules/registry.cpp has uncommitted changes" --project "$project_id" name-clash
commit_all() {
  git add -A
  git -c user.name=test -c user.email=test@example.invalid commit -qm "$1"
}
commit_all "$spec_id"
scripts/new-rule.sh --project "$project_id" name-clash > /dev/null
commit_all "$project_id"
expected_changes="M	compiler/rules/network_rules.h
M	compiler/rules/project_rules.h
M	compiler/rules/registry.cpp
A	compiler/rules/${project_lower}_name_clash.cpp
A	compiler/rules/${spec_lower}_pod_cidr_overlap.cpp
A	rules/$project_id-name-clash.md
A	rules/$spec_id-pod-cidr-overlap.md
A	tests/rules/$project_id/bad-example.expected
A	tests/rules/$project_id/bad-example.yaml
A	tests/rules/$project_id/good-example.yaml
A	tests/rules/$spec_id/bad-example.expected
A	tests/rules/$spec_id/bad-example.yaml
A	tests/rules/$spec_id/good-example.yaml"
changes=$(git diff --name-status HEAD~2 HEAD | LC_ALL=C sort -k1,1r -k2)
[[ $changes == "$expected_changes" ]] || fail "changed files:
$changes
expected:
$expected_changes"

# The registry and the headers stay sorted by ID, with the new lines in them.
sorted_ids() {
  local ids
  ids=$(grep -oE "$2" "$1" | grep -oE 'AKS[0-9]{3}')
  [[ $ids == "$(LC_ALL=C sort <<< "$ids")" ]] || fail "$1 is not sorted by ID: $ids"
}
sorted_ids compiler/rules/registry.cpp '^ *[{]"AKS[0-9]{3}"'
sorted_ids compiler/rules/network_rules.h '// AKS[0-9]{3}$'
sorted_ids compiler/rules/project_rules.h '// AKS[0-9]{3}$'
grep -qF "{\"$spec_id\", rules::check_pod_cidr_overlap}," compiler/rules/registry.cpp ||
  fail "$spec_id is not registered"
grep -qF "{\"$project_id\", nullptr, rules::check_name_clash}," compiler/rules/registry.cpp ||
  fail "$project_id is not registered as a project check"
grep -q "RuleReporter& out);  // $spec_id\$" compiler/rules/network_rules.h ||
  fail "check_pod_cidr_overlap is not declared in network_rules.h"
grep -q "ProjectReporter& out);  // $project_id\$" compiler/rules/project_rules.h ||
  fail "check_name_clash is not declared in project_rules.h"

# The page has what the rule-doc meta-tests read, and every part to fill in is marked.
page=rules/$spec_id-pod-cidr-overlap.md
for line in '---' "id: $spec_id" 'slug: pod-cidr-overlap' 'severity: error' '## Bad' '## Good'; do
  grep -qxF -- "$line" "$page" || fail "$page has no line '$line'"
done
grep -q '^source: .' "$page" || fail "$page has no source"
grep -q "^# $spec_id pod-cidr-overlap: " "$page" || fail "$page has no '# $spec_id pod-cidr-overlap: ' title"
for file in "$page" "compiler/rules/${spec_lower}_pod_cidr_overlap.cpp" "tests/rules/$spec_id"/*; do
  grep -q 'TODO(new-rule)' "$file" || fail "$file has no TODO(new-rule) marker"
done

# What it wrote compiles with the build's flags, the scratch tree's headers first.
mapfile -d '' flags < <(python3 - "$compile_commands" << 'EOF'
import json, shlex, sys
for entry in json.load(open(sys.argv[1])):
    if entry["file"].endswith("/compiler/rules/registry.cpp"):
        args = shlex.split(entry["command"])
        kept, skip = [], False
        for arg in args[1:]:
            if skip:
                skip = False
            elif arg in ("-o", "-c"):
                skip = True
            else:
                kept.append(arg)
        sys.stdout.write("\0".join([args[0]] + kept) + "\0")
        break
else:
    sys.exit("no compiler/rules/registry.cpp in " + sys.argv[1])
EOF
)
if ((${#flags[@]} == 0)); then
  echo "FAIL: no compile command for compiler/rules/registry.cpp in $compile_commands" >&2
  exit 1
fi
for source in "compiler/rules/${spec_lower}_pod_cidr_overlap.cpp" \
  "compiler/rules/${project_lower}_name_clash.cpp" compiler/rules/registry.cpp; do
  "${flags[0]}" -I"$scratch/compiler" "${flags[@]:1}" -fsyntax-only "$source" ||
    fail "the scaffolded $source does not compile"
done

if ((failures > 0)); then
  echo "$failures failures" >&2
  exit 1
fi
echo "new-rule.sh: refusals, files, registry, declarations and compilation as expected"
