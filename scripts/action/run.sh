#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml): runs `aksc lint` with the action's inputs, passed
# as environment variables and never through a shell's parsing, so an input is only ever a
# value. With format sarif the report goes to the sarif-file (written even when findings fail
# the step) and the file is the step's output `sarif-file`. Exits with aksc's exit code.
# Env: INPUT_PATHS (one path per line; or, on one line, paths separated by spaces),
#      INPUT_FORMAT (github|sarif), INPUT_FAIL_ON, INPUT_CONFIG, INPUT_SARIF_FILE, GITHUB_OUTPUT.
set -euo pipefail

die() {
  echo "::error title=aksc action::$*"
  exit 2
}

format=${INPUT_FORMAT:-github}
case "$format" in
  github | sarif) ;;
  *) die "format must be github or sarif, not '${format//[$'\r\n']/ }'" ;;
esac

# Each path becomes one argument; one starting with '-' is made relative (./-x) so that it can
# never read as an option.
paths=()
lines=()
while IFS= read -r line; do
  line=${line#"${line%%[![:space:]]*}"}
  line=${line%"${line##*[![:space:]]}"}
  [ -z "$line" ] || lines+=("$line")
done <<< "${INPUT_PATHS:-.}"
if ((${#lines[@]} == 1)); then
  read -r -a paths <<< "${lines[0]}"
elif ((${#lines[@]} > 1)); then
  paths=("${lines[@]}")
fi
((${#paths[@]} > 0)) || paths=(.)
for i in "${!paths[@]}"; do
  case "${paths[$i]}" in -*) paths[i]="./${paths[$i]}" ;; esac
done

args=(lint "--format=$format")
if [ -n "${INPUT_FAIL_ON:-}" ]; then args+=("--fail-on=$INPUT_FAIL_ON"); fi
if [ -n "${INPUT_CONFIG:-}" ]; then args+=("--config=$INPUT_CONFIG"); fi
args+=("${paths[@]}")

status=0
if [ "$format" = sarif ]; then
  sarif=${INPUT_SARIF_FILE:-aksc.sarif}
  case "$sarif" in
    *$'\n'* | *$'\r'*) die "sarif-file must not contain a line break" ;;
  esac
  mkdir -p "$(dirname "$sarif")"
  aksc "${args[@]}" > "$sarif" || status=$?
  echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
  echo "aksc: wrote $sarif (exit code $status)"
else
  aksc "${args[@]}" || status=$?
fi
exit "$status"
