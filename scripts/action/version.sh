#!/usr/bin/env bash
# The GitHub Action's first step (action.yml): the version to install (input `version`, or
# scripts/install.sh's default) and the folder it goes to, as step outputs for the cache key
# and the next steps.
# Env: INPUT_VERSION, RUNNER_TOOL_CACHE (or RUNNER_TEMP), GITHUB_OUTPUT.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
args=()
if [ -n "${INPUT_VERSION:-}" ]; then args=(--version "$INPUT_VERSION"); fi
version=$("$here/../install.sh" "${args[@]}" --print-version)
tools=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:?neither RUNNER_TOOL_CACHE nor RUNNER_TEMP is set}}
{
  echo "version=$version"
  echo "dir=$tools/aksc/$version/x64"
} >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
