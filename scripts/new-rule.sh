#!/usr/bin/env bash
# Scaffolds a new rule in one step, as clang-tidy's add_new_check.py does: its page
# rules/AKSnnn-slug.md, its source compiler/rules/aksnnn_slug.cpp, its declaration in the family
# header, its line in compiler/rules/registry.cpp and its fixtures in tests/rules/AKSnnn/. Every
# place left to fill in holds the marker TODO(new-rule), which the meta-tests reject, so an
# unfinished rule cannot land. docs/architecture.md ("Recipe: add a rule") walks through the rest.
#
# Usage: scripts/new-rule.sh [--project] AKSnnn slug
#   --project  a check over the whole project (every spec and the inventory: uniqueness,
#              lifecycle), declared in compiler/rules/project_rules.h; AKS6nn always is one.
#              Without it, a check of one spec, declared in the header of its family (the
#              hundreds digit of the ID).
# Refuses an ID or slug that exists, a malformed ID or slug, and a file it would edit that has
# uncommitted changes (so that its edit can be reviewed, and undone, on its own).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

die() {
  echo "new-rule.sh: $*" >&2
  exit 1
}

project=false
if [[ ${1:-} == --project ]]; then
  project=true
  shift
fi
if (($# != 2)); then
  die "usage: scripts/new-rule.sh [--project] AKSnnn slug (e.g. AKS316 pod-cidr-overlap)"
fi
id=$1
slug=$2
[[ $id =~ ^AKS[0-9]{3}$ ]] || die "'$id' is not a rule ID: AKS and three digits, e.g. AKS316"
[[ $slug =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] ||
  die "'$slug' is not a slug: lower-case words of letters and digits joined by '-', e.g. pod-cidr-overlap"

family=${id:3:1}
[[ $family == 6 ]] && project=true
if $project; then
  header=compiler/rules/project_rules.h
else
  case $family in
    1) header=compiler/rules/name_rules.h ;;
    0 | 2 | 4) header=compiler/rules/sizing_rules.h ;;
    3) header=compiler/rules/network_rules.h ;;
    5 | 7) header=compiler/rules/attach_rules.h ;;
    8) header=compiler/rules/migration_rules.h ;;
    *) die "no family header for AKS${family}xx yet: create compiler/rules/<family>_rules.h and map $family to it in scripts/new-rule.sh" ;;
  esac
fi

function=check_${slug//-/_}
lower_id=$(tr '[:upper:]' '[:lower:]' <<< "$id")
page=rules/$id-$slug.md
source=compiler/rules/${lower_id}_${slug//-/_}.cpp
fixtures=tests/rules/$id
registry=compiler/rules/registry.cpp

cd "$root"
for existing in rules/"$id"-*.md compiler/rules/"$lower_id"_*.cpp; do
  [[ -e $existing ]] && die "$id exists: $existing"
done
[[ -e $fixtures ]] && die "$id exists: $fixtures/"
grep -q "{\"$id\"" "$registry" && die "$id exists: it is registered in $registry"
owner=$(grep -l "^slug: $slug\$" rules/*.md || true)
[[ -n $owner ]] && die "slug '$slug' exists: $owner"
grep -q "\b$function(" compiler/rules/*.h && die "$function exists in compiler/rules/"
for target in "$registry" "$header"; do
  [[ -f $target ]] || die "$target is missing"
  if git rev-parse --is-inside-work-tree > /dev/null 2>&1 &&
    [[ -n $(git status --porcelain -- "$target") ]]; then
    die "$target has uncommitted changes: commit or stash them first"
  fi
done

if $project; then
  signature="const Project& project, const RuleContext& context, ProjectReporter& out"
  unused="const Project& /*project*/, const RuleContext& /*context*/, ProjectReporter& /*out*/"
  registry_line="      {\"$id\", nullptr, rules::$function},"
  what="compare the specs of project.specs (and project.inventory) and report on the spec at
  // fault with out.report(spec, range, message, help); add the other side to the finding's
  // related (see aks105_name_unique_in_workspace.cpp)"
else
  signature="const ir::Spec& spec, const RuleContext& context, RuleReporter& out"
  unused="const ir::Spec& /*spec*/, const RuleContext& /*context*/, RuleReporter& /*out*/"
  registry_line="      {\"$id\", rules::$function},"
  what="return where the rule does not apply (an absent field, or another rule's case),
  // then out.report(field.range, message, help) (see aks102_name_length.cpp)"
fi

# A spec that no rule reports on: the starting point of the examples and fixtures.
clean_spec='apiVersion: aksc/v1
kind: AksCompute
name: scoring-dev
mode: create
workspace:
  name: ml-ws
  resource_group: ml-rg
  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590
  location: eastus
purpose: dev-test
agent_count: 3
vm_size: Standard_D3_v2'

cat > "$page" << EOF
---
id: $id
slug: $slug
severity: error
source: TODO(new-rule) the URL of the documented limit, with its #section
tags: [TODO(new-rule)]
---
# $id $slug: TODO(new-rule) what is wrong, in a few words

TODO(new-rule) What Azure documents, quoted:

> TODO(new-rule) the sentence of the source

TODO(new-rule) What goes wrong when a spec breaks it (a refused deployment, and when), what aksc
reports and where, what it does not report and which rule reports that instead.

## Bad

\`\`\`yaml
# TODO(new-rule) change this spec so that $id fires on it, and no other rule
$clean_spec
\`\`\`

## Good

\`\`\`yaml
# TODO(new-rule) the closest spec that $id accepts
$clean_spec
\`\`\`
EOF

cat > "$source" << EOF
// $id $slug — $page
#include <fmt/format.h>

#include "$(basename "$(dirname "$header")")/$(basename "$header")"

namespace aksc::rules {

// TODO(new-rule) name the parameters you use ($signature).
void $function($unused) {
  // TODO(new-rule) $what. Facts come from context.catalog and context.config, never from files
  // or the clock.
}

}  // namespace aksc::rules
EOF

# Writes `text` into `file` after the last line matching `key` whose rule ID is lower than the
# new one, or else before the first line matching `anchor`.
insert_by_id() {
  local file=$1 key=$2 anchor=$3 text=$4
  awk -v id="$id" -v key="$key" -v anchor="$anchor" -v text="$text" '
    { lines[NR] = $0 }
    !first && $0 ~ anchor { first = NR }
    match($0, key) {
      found = substr($0, RSTART, RLENGTH)
      match(found, /AKS[0-9][0-9][0-9]/)
      if (substr(found, RSTART, 6) < id) after = NR
    }
    END {
      if (!first) { print "nowhere to insert in " FILENAME > "/dev/stderr"; exit 1 }
      for (i = 1; i <= NR; ++i) {
        if (!after && i == first) print text
        print lines[i]
        if (after && i == after) print text
      }
    }' "$file" > "$file.new"
  mv "$file.new" "$file"
}
# Declarations end with "// AKSnnn"; the registry has one line per rule, sorted by ID.
insert_by_id "$header" '// AKS[0-9][0-9][0-9]$' '^void check_' \
  "void $function($signature);  // $id"
insert_by_id "$registry" '^ *[{]"AKS[0-9][0-9][0-9]"' '^ *[{]"AKS' "$registry_line"

mkdir -p "$fixtures"
{
  echo "# TODO(new-rule) change this spec so that $id fires on it, and rename the file after the case"
  echo "$clean_spec"
} > "$fixtures/bad-example.yaml"
echo "TODO(new-rule) build, then tests/golden/refresh.sh --fixtures writes the findings here: review them" \
  > "$fixtures/bad-example.expected"
{
  echo "# TODO(new-rule) a spec close to the bad one that $id accepts, named after the case"
  echo "$clean_spec"
} > "$fixtures/good-example.yaml"

# The style test checks these files with the repository's .clang-format.
if command -v clang-format > /dev/null && [[ -f .clang-format ]]; then
  clang-format -i --style=file "$source" "$header" "$registry"
fi

cat << EOF
new-rule.sh: scaffolded $id $slug:
  $page
  $source
  $header ($function)
  $registry
  $fixtures/bad-example.yaml, bad-example.expected, good-example.yaml
Fill in every TODO(new-rule) (grep -rn 'TODO(new-rule)' rules compiler tests), then build,
tests/golden/refresh.sh --fixtures and scripts/update-rules-doc.sh, and run the tests:
docs/architecture.md, "Recipe: add a rule".
EOF
