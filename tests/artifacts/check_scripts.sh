#!/usr/bin/env bash
# Every golden deploy.sh (tests/golden-build/*/expected/), of both kinds, is valid bash
# (bash -n), has no ShellCheck finding, and every az command of it, in every command group (az
# aks, az rest, az resource; az k8s-extension and az ml compute of the KubernetesCompute
# scripts, checked statically), is accepted through ../shared/tools/az-parse-check --all
# --deep, none left UNCHECKED or never reached. That last check is skipped with a
# visible message (ctest SKIP_RETURN_CODE 77) when ../shared/tools or azure-cli is absent,
# e.g. in a user's fresh clone.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mapfile -t scripts < <(find "$root/tests/golden-build" -path '*/expected/*' -name deploy.sh | sort)
if ((${#scripts[@]} < 8)); then
  echo "FAIL: expected at least 8 golden deploy.sh files, found ${#scripts[@]}"
  exit 1
fi
# The KubernetesCompute scripts are those beside a compute.yml.
v2=0
for script in "${scripts[@]}"; do
  [[ -f $(dirname "$script")/compute.yml ]] && v2=$((v2 + 1))
done
if ((v2 < 2)); then
  echo "FAIL: expected KubernetesCompute deploy.sh files of both modes, found $v2"
  exit 1
fi
failed=0
for script in "${scripts[@]}"; do
  shown=${script#"$root"/}
  bash -n "$script" || { echo "FAIL: bash -n $shown"; failed=1; }
  shellcheck --shell=bash "$script" || { echo "FAIL: shellcheck $shown"; failed=1; }
done
((failed)) && exit 1
echo "ok: ${#scripts[@]} scripts ($v2 of kind KubernetesCompute) pass bash -n and shellcheck"

checker="$root/../shared/tools/az-parse-check"
if [[ ! -x $checker ]]; then
  echo "SKIP: $checker not found; the az commands were not fed to the az CLI parser"
  exit 77
fi
if ! command -v az > /dev/null || ! command -v jq > /dev/null; then
  echo "SKIP: azure-cli or jq is not installed (scripts/setup.sh installs them); the az commands were not fed to the az CLI parser"
  exit 77
fi
# --all: every command group, az rest and az resource included. --deep gives az a fake account
# so that its client-side checks of option combinations run too (a private cluster with
# authorized ranges, userDefinedRouting without a subnet, ...). Exit 0: nothing rejected; a
# REJECT, an ERROR or a script without az commands fails, and so does any command the checker
# leaves UNCHECKED (an az command it cannot check) or never reaches (it says so on stderr).
verdicts=$(mktemp)
notes=$(mktemp)
trap 'rm -f "$verdicts" "$notes"' EXIT
"$checker" --all --deep --json "${scripts[@]}" > "$verdicts" 2> "$notes"
status=$?
cat "$notes"
if ((status != 0)); then
  echo "FAIL: az-parse-check exited $status"
  jq -r 'select(.status != "ACCEPT" and .status != "ACCEPT-PARTIAL") | "\(.file):\(.line): \(.status): \(.detail)"' "$verdicts"
  exit 1
fi
unaccepted=$(jq -r 'select(.status != "ACCEPT" and .status != "ACCEPT-PARTIAL") | "\(.file):\(.line): \(.status) \(.argv | join(" "))"' "$verdicts")
if [[ -n $unaccepted ]]; then
  echo "FAIL: az commands not accepted:"
  echo "$unaccepted"
  exit 1
fi
if grep -q 'never reached\|not checked' "$notes"; then
  echo "FAIL: az-parse-check did not check every az command (see above)"
  exit 1
fi
count=$(jq -s 'length' "$verdicts")
if ((count == 0)); then
  echo "FAIL: az-parse-check reported no az command"
  exit 1
fi
echo "ok: az accepts all $count az commands of ${#scripts[@]} scripts (none unchecked)"
