#pragma once

#include <string_view>

// The bash functions deploy.sh defines, each written once near its top when a step needs it.
namespace aksc::az {

inline constexpr std::string_view kJsonString = R"sh(
# The JSON string of $1. Values known only at run time (the cluster's ID, the certificate and
# key) reach the request body this way, through stdin: never onto a command line.
json_string() {
  local text=$1
  text=${text//\\/\\\\}
  text=${text//\"/\\\"}
  text=${text//$'\n'/\\n}
  text=${text//$'\r'/\\r}
  text=${text//$'\t'/\\t}
  if [[ $text == *[[:cntrl:]]* ]]; then
    echo "deploy.sh: a value holds a control character that cannot go into the request body" >&2
    return 1
  fi
  printf '"%s"' "$text"
}
)sh";

inline constexpr std::string_view kJsonFile = R"sh(
# The JSON string of the whole contents of file $1 (a PEM certificate or key).
json_file() {
  local text=''
  if [[ ! -r $1 ]]; then
    echo "deploy.sh: cannot read $1" >&2
    return 1
  fi
  IFS= read -r -d '' text < "$1" || true
  json_string "$text"
}
)sh";

inline constexpr std::string_view kWaitForCompute = R"sh(
# az rest does not wait for a long-running PUT: poll the compute's provisioningState until it
# is terminal, for at most AKSC_COMPUTE_WAIT_SECONDS (default 3600) seconds.
wait_for_compute() {
  local name=$1 url=$2 state='' limit=${AKSC_COMPUTE_WAIT_SECONDS:-3600}
  local deadline=$((SECONDS + limit))
  while true; do
    state=$(az rest --method get --url "$url" --query properties.provisioningState --output tsv)
    case $state in
      Succeeded) return 0 ;;
      Failed | Canceled)
        echo "deploy.sh: compute '$name' ended in provisioningState $state (its properties.provisioningErrors say why: GET $url)" >&2
        exit 1
        ;;
    esac
    if ((SECONDS >= deadline)); then
      echo "deploy.sh: compute '$name' is still in provisioningState $state after $limit seconds; set AKSC_COMPUTE_WAIT_SECONDS to wait longer" >&2
      exit 1
    fi
    sleep 15
  done
}
)sh";

inline constexpr std::string_view kRunOnCluster = R"sh(
# az aks command invoke runs a command on the cluster and reports its exit code, but exits 0
# itself: check the code, so that set -e stops the script when kubectl fails.
run_on_cluster() {
  local result code
  result=$(az aks command invoke "$@" --query '[exitCode, logs]' --output tsv)
  code=${result%%$'\t'*}
  printf '%s\n' "${result#*$'\t'}"
  if [[ $code != 0 ]]; then
    echo "deploy.sh: the command on the cluster failed (exit code '$code'; output above)" >&2
    return 1
  fi
}
)sh";

}  // namespace aksc::az
