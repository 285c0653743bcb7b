# shellcheck shell=bash
# Helpers of the release tests (sourced): failures counted without stopping, a scratch folder
# and a local HTTP server, all cleaned up at exit.
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
finish() {  # NAME: exit 1 after any failure
  if ((failures > 0)); then
    echo "$1: $failures failure(s)" >&2
    exit 1
  fi
  echo "$1: ok"
}
expect_contains() {  # TEXT PART WHAT
  case "$1" in
    *"$2"*) ;;
    *) fail "$3: expected '$2' in: $1" ;;
  esac
}

scratch=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# Serves DIR on 127.0.0.1 at a port the kernel picks (port 0), and sets `server` to its URL:
# the port is read from the server's own "Serving HTTP on 127.0.0.1 port N" line, so two tests
# running at once never race for a port.
start_server() {  # DIR
  local log="$scratch/server.log"
  : > "$log" # before the server starts: its own redirection happens in the background
  python3 -u -m http.server --bind 127.0.0.1 --directory "$1" 0 > "$log" 2>&1 &
  server_pid=$!
  local port=
  for _ in $(seq 100); do
    port=$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9][0-9]*\).*/\1/p' "$log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$log" >&2; echo "the local server did not start" >&2; exit 1; }
  # shellcheck disable=SC2034 # read by the tests that source this
  server="http://127.0.0.1:$port"
}
