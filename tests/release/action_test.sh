#!/usr/bin/env bash
# The GitHub Action (action.yml): its declaration, then its scripts run in order as the runner
# runs them, with GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP, RUNNER_TOOL_CACHE and the INPUT_*
# variables simulated, installing from a local server that serves package_test.sh's artifacts
# (DIST_DIR): the install and its cache, SARIF and annotations on samples/, the outputs, and
# hostile inputs, which stay values.
# Usage: action_test.sh SOURCE_DIR DIST_DIR
set -euo pipefail
source_dir=$1
dist=$(cd "$2" && pwd)
# shellcheck source=tests/release/lib.sh
source "$source_dir/tests/release/lib.sh"
action="$source_dir/scripts/action"

# The declaration: a composite action whose shell steps run scripts of this repository with the
# inputs in env only (an expression inside `run:` would be pasted into the script's text).
if ! python3 - "$source_dir/action.yml" << 'EOF'; then
import os, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
problems = []
def check(ok, what):
    if not ok: problems.append(what)
check(action["runs"]["using"] == "composite", "runs.using is composite")
for name in ["version", "paths", "format", "fail-on", "config", "sarif-file"]:
    check(name in action["inputs"], f"input {name}")
check(action["inputs"]["format"]["default"] == "github", "format defaults to github")
check(action["inputs"]["paths"]["default"] == ".", "paths defaults to .")
check(action["inputs"]["sarif-file"]["default"] == "aksc.sarif", "sarif-file default")
check("steps.lint.outputs.sarif-file" in action["outputs"]["sarif-file"]["value"], "output")
steps = action["runs"]["steps"]
scripts = []
for step in steps:
    if "run" in step:
        check("${{" not in step["run"], f"no expression in run: {step['run']}")
        check(step.get("shell") == "bash", f"bash: {step['run']}")
        run = step["run"].strip()
        prefix = '"$GITHUB_ACTION_PATH/'
        check(run.startswith(prefix) and run.endswith('"'), f"one script: {run}")
        script = run[len(prefix):-1]
        check(os.access(os.path.join(os.path.dirname(sys.argv[1]), script), os.X_OK),
              f"{script} is executable")
        scripts.append(script)
check(scripts == ["scripts/action/version.sh", "scripts/action/install.sh",
                  "scripts/action/run.sh"], f"the scripts, in order: {scripts}")
cache = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
check(len(cache) == 1, "one actions/cache step")
if cache:
    key = cache[0]["with"]["key"]
    check("steps.version.outputs.version" in key and "runner.os" in key, f"cache key: {key}")
    check(cache[0]["with"]["path"] == "${{ steps.version.outputs.dir }}", "cache path")
for problem in problems:
    print("action.yml:", problem)
sys.exit(1 if problems else 0)
EOF
  fail "action.yml is not declared as expected"
fi

tarball=$(cd "$dist" && ls aksc-*-linux-x86_64.tar.gz)
version=${tarball#aksc-}
version=${version%-linux-x86_64.tar.gz}
mkdir -p "$scratch/www/v$version" "$scratch/runner/temp" "$scratch/runner/tools"
ln -s "$dist/$tarball" "$dist/SHA256SUMS" "$scratch/www/v$version/"
start_server "$scratch/www"
export AKSC_RELEASE_URL="$server/v{version}"
export RUNNER_TEMP="$scratch/runner/temp" RUNNER_TOOL_CACHE="$scratch/runner/tools"
export GITHUB_PATH="$scratch/runner/path" GITHUB_OUTPUT="$scratch/runner/output"
: > "$GITHUB_PATH"

output_value() {  # NAME: the last value the steps wrote for an output
  sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -n 1
}

# Step 1: no version input: the installer's default.
: > "$GITHUB_OUTPUT"
INPUT_VERSION="" "$action/version.sh" || fail "version.sh failed"
[ "$(output_value version)" = "$version" ] || fail "version output: $(output_value version)"
dir=$(output_value dir)
[ "$dir" = "$RUNNER_TOOL_CACHE/aksc/$version/x64" ] || fail "dir output: $dir"
status=0
: > "$GITHUB_OUTPUT"
INPUT_VERSION='1.0; touch pwned' "$action/version.sh" > /dev/null 2>&1 || status=$?
[ "$status" != 0 ] || fail "version.sh accepted a version that is no version"

# Step 3 (step 2 is actions/cache): installs, puts the folder on PATH; a second run, as after
# a cache hit, downloads nothing (the server is gone by then).
AKSC_VERSION=$version AKSC_DIR=$dir "$action/install.sh" > /dev/null || fail "install.sh failed"
[ "$(cat "$GITHUB_PATH")" = "$dir/bin" ] || fail "GITHUB_PATH: $(cat "$GITHUB_PATH")"
kill "$server_pid"
server_pid=
cached=$(AKSC_VERSION=$version AKSC_DIR=$dir "$action/install.sh") || fail "install.sh from the cache"
expect_contains "$cached" "aksc $version is in the cache" "install.sh after a cache hit"
export PATH="$dir/bin:$PATH"

# Step 4 on a copy of the samples.
repo="$scratch/repo"
cp -r "$source_dir/samples" "$repo"
lint() {  # runs run.sh in the copy with the INPUT_* given as NAME=VALUE; sets output, status
  status=0
  output=$(cd "$repo" && env INPUT_PATHS=. INPUT_FORMAT=github INPUT_FAIL_ON= INPUT_CONFIG= \
    INPUT_SARIF_FILE=aksc.sarif "$@" "$action/run.sh" 2>&1) || status=$?
}

: > "$GITHUB_OUTPUT"
lint INPUT_FORMAT=sarif INPUT_SARIF_FILE=reports/aksc.sarif
[ "$status" = 1 ] || fail "format sarif on the samples exited $status, expected 1: $output"
[ "$(output_value sarif-file)" = reports/aksc.sarif ] || fail "sarif-file output"
python3 -c '
import json, sys
log = json.load(open(sys.argv[1]))
results = log["runs"][0]["results"]
assert log["version"] == "2.1.0" and results, "no results"
assert any(r["ruleId"] == "AKS102" for r in results), "no AKS102"
' "$repo/reports/aksc.sarif" || fail "the SARIF file has no runs[0].results with AKS102"

: > "$GITHUB_OUTPUT"
lint
[ "$status" = 1 ] || fail "format github exited $status, expected 1"
expect_contains "$output" "::error file=broken/several-findings.yaml,line=5,col=7," "annotations"
[ ! -s "$GITHUB_OUTPUT" ] || fail "format github wrote outputs: $(cat "$GITHUB_OUTPUT")"

lint INPUT_PATHS="vision nlp"
[ "$status" = 0 ] || fail "paths 'vision nlp' exited $status: $output"
lint INPUT_PATHS="vision nlp" INPUT_FAIL_ON=note
[ "$status" = 1 ] || fail "fail-on note on AksCompute specs (AKS816 notes) exited $status"

# Hostile inputs are values: nothing runs, the odd paths are linted or named as unreadable.
mkdir "$repo/team a"
cp "$repo/broken/several-findings.yaml" "$repo/team a/spec.yaml"
# shellcheck disable=SC2016 # the $(...) are the hostile values, not to be expanded here
lint INPUT_PATHS=$'$(touch pwned)\n; touch pwned2\n`touch pwned3`\nteam a\n-x' \
  INPUT_CONFIG='$(touch pwned4)' INPUT_FAIL_ON='error;touch pwned5'
for file in pwned pwned2 pwned3 pwned4 pwned5; do
  if [ -e "$repo/$file" ] || [ -e "$scratch/$file" ]; then fail "an input ran: $file exists"; fi
done
[ "$status" = 2 ] || fail "hostile inputs exited $status, expected 2 (usage error): $output"
lint INPUT_PATHS=$'$(touch pwned)\n; touch pwned2\nteam a\n-x'
for file in pwned pwned2; do
  [ ! -e "$repo/$file" ] || fail "an input ran: $file exists"
done
[ "$status" = 2 ] || fail "unreadable paths exited $status, expected 2: $output"
expect_contains "$output" "team a/spec.yaml,line=5,col=7" "a path with a space, on its own line"
# shellcheck disable=SC2016
expect_contains "$output" '$(touch pwned)' "the path named as given"
# aksc names ./-x as -x: a path, not an unknown option.
expect_contains "$output" "aksc: error: -x: no such file or folder" "a path starting with -"
lint INPUT_FORMAT='sarif; touch pwned'
[ "$status" = 2 ] || fail "format 'sarif; touch pwned' exited $status, expected 2"
[ ! -e "$repo/pwned" ] || fail "format 'sarif; touch pwned' ran"
lint INPUT_FORMAT=sarif INPUT_SARIF_FILE=$'x.sarif\nversion=6.6.6'
[ "$status" = 2 ] || fail "a sarif-file with a line break was accepted"

# With format sarif the file is written even when the run fails on an input (exit 2).
lint INPUT_FORMAT=sarif INPUT_PATHS="vision no-such-folder"
[ "$status" = 2 ] || fail "sarif with a missing folder exited $status, expected 2"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))["runs"][0]["results"]' \
  "$repo/aksc.sarif" || fail "no SARIF file after exit 2"

finish "action"
