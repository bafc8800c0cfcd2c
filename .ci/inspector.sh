#!/usr/bin/env bash
# The MCP Inspector CLI (@modelcontextprotocol/inspector 2.12.0, on Node 22) against the real
# binary, over stdio (the Inspector starts bin/buffer-mcp with BUFFER_MCP_SANDBOX=1), over
# Streamable HTTP (bin/buffer-mcp --sandbox --transport http with BUFFER_MCP_HTTP_TOKEN) and
# over the legacy HTTP+SSE transport (--transport sse, same token).
#
# Asserts, for stdio and HTTP, in both protocol eras (--protocol-era modern and legacy):
# - tools/list --strict exits 0 (no error-severity schema portability problem), and the
#   names of the default toolsets' tools are in the JSON result (stdio, modern era, also with
#   BUFFER_MCP_TOOLSETS=all: every tool's schemas, the templates and execute_query too);
# - tools/call list_posts {"first":5} exits 0, the result is not isError, and its
#   structuredContent has 1 to 5 posts with ids; in the modern era the result carries
#   _meta["io.modelcontextprotocol/serverInfo"] with name buffer-mcp, in the legacy era it
#   does not (so each era was really negotiated);
# - tools/call get_post {"postId":"nope"} exits 5, the result has isError true and an
#   InvalidArguments error (structuredContent.error.type and the text), and stderr says
#   tool_is_error.
# And:
# - HTTP without the token: the Inspector fails (non-zero) with auth_required / 401;
# - SSE, legacy era: tools/list --strict exits 0 with the default tools; without the token it fails;
# - both HTTP servers exit 0 on SIGTERM afterwards.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# One line each: they are pasted into a JavaScript string literal.
TOOLS="get_account list_channels get_channel list_posts get_post create_post edit_post delete_post get_daily_posting_limits move_post_in_queue list_ideas list_idea_groups create_idea get_aggregated_post_metrics"
ALL_TOOLS="$TOOLS list_post_templates get_post_template create_post_template update_post_template delete_post_template execute_query"
TOKEN="ci-token-$RANDOM$RANDOM"

ci_setup
cd "$ROOT"
# The Inspector keeps a catalog and OAuth state under ~/.mcp-inspector: keep it out of $HOME.
mkdir -p "$CI_TMP/home"

n=0
# inspect LABEL WANT_RC ARGS...: runs the Inspector CLI (60 s at most) with JSON output; fails
# unless it exits WANT_RC ("nonzero" for any failure). Sets OUT and ERR to its stdout and
# stderr files, LAST_RC to its exit status. $SERVER_STDERR, when set, is printed too on failure.
inspect() {
  local label=$1 want=$2 rc=0
  shift 2
  LAST_RC=0
  n=$((n + 1))
  OUT="$CI_TMP/inspector-$n.stdout"
  ERR="$CI_TMP/inspector-$n.stderr"
  printf '%s\n' "inspector --cli --format json $*" >"$CI_TMP/inspector-$n.cmd"
  HOME="$CI_TMP/home" timeout -k 5 60 inspector --cli --format json "$@" </dev/null >"$OUT" 2>"$ERR" || rc=$?
  LAST_RC=$rc
  if [ "$want" = nonzero ]; then
    [ "$rc" -ne 0 ] || fail "$label: the Inspector exited 0, want a failure" \
      "$CI_TMP/inspector-$n.cmd" "$OUT" "$ERR" ${SERVER_STDERR:+"$SERVER_STDERR"}
  elif [ "$rc" -ne "$want" ]; then
    fail "$label: the Inspector exited $rc, want $want$([ "$rc" -eq 124 ] && echo ' (timed out after 60 s)')" \
      "$CI_TMP/inspector-$n.cmd" "$OUT" "$ERR" ${SERVER_STDERR:+"$SERVER_STDERR"}
  fi
}

# check LABEL JS: evaluates JS with `r` bound to the parsed stdout of the last inspect and
# `stderr` to its stderr text; JS throws (via need) to fail.
check() {
  local label=$1 js=$2
  if ! node - "$OUT" "$ERR" "$js" >"$CI_TMP/check-$n.txt" 2>&1 <<'EOF'; then
const fs = require("fs");
const [out, err, js] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(out, "utf8"));
const stderr = fs.readFileSync(err, "utf8");
const need = (ok, msg) => { if (!ok) throw new Error(msg); };
try {
  new Function("r", "stderr", "need", js)(r, stderr, need);
} catch (e) {
  console.log("check failed: " + e.message);
  process.exit(1);
}
EOF
    fail "$label" "$CI_TMP/check-$n.txt" "$CI_TMP/inspector-$n.cmd" "$OUT" "$ERR" ${SERVER_STDERR:+"$SERVER_STDERR"}
  fi
  echo "ok $label"
}

CHECK_TOOLS='
  need(Array.isArray(r.result?.tools), "no result.tools");
  const names = r.result.tools.map((t) => t.name);
  const missing = "'"$TOOLS"'".split(" ").filter((t) => !names.includes(t));
  need(missing.length === 0, "missing tools: " + missing.join(", ") + " (got " + names.join(", ") + ")");'
CHECK_ALL_TOOLS=${CHECK_TOOLS/"$TOOLS"/"$ALL_TOOLS"}
CHECK_POSTS='
  const res = r.result;
  need(res && res.isError !== true, "no result, or isError");
  const posts = res.structuredContent?.posts;
  need(Array.isArray(posts) && posts.length >= 1 && posts.length <= 5, "want 1 to 5 posts in structuredContent.posts");
  need(posts.every((p) => typeof p.id === "string" && p.id !== ""), "a post without an id");
  need(res.content?.some((c) => c.type === "text" && c.text.includes(posts[0].id)), "the text content does not carry the posts");'
CHECK_MODERN='
  need(r.result?._meta?.["io.modelcontextprotocol/serverInfo"]?.name === "buffer-mcp",
    "modern era: no _meta[io.modelcontextprotocol/serverInfo] naming buffer-mcp in the result");'
CHECK_LEGACY='
  need(r.result?._meta?.["io.modelcontextprotocol/serverInfo"] === undefined,
    "legacy era: the result carries a modern-era _meta serverInfo");'
CHECK_IS_ERROR='
  const res = r.result;
  need(res?.isError === true, "result.isError is not true");
  need(res.structuredContent?.error?.type === "InvalidArguments", "structuredContent.error.type is not InvalidArguments");
  need(res.content?.some((c) => c.type === "text" && c.text.includes("InvalidArguments")), "no text content mentions InvalidArguments");
  need(stderr.includes("tool_is_error"), "stderr does not say tool_is_error");'

# suite TRANSPORT_LABEL ERA TARGET_ARGS...: the three checks against one target in one era.
suite() {
  local t=$1 era=$2 era_check
  shift 2
  if [ "$era" = modern ]; then era_check=$CHECK_MODERN; else era_check=$CHECK_LEGACY; fi
  inspect "$t $era tools/list --strict" 0 --protocol-era "$era" "$@" --method tools/list --strict
  check "$t $era: tools/list --strict exits 0 and lists the default tools" "$CHECK_TOOLS"
  inspect "$t $era tools/call list_posts" 0 --protocol-era "$era" "$@" \
    --method tools/call --tool-name list_posts --tool-args-json '{"first":5}'
  check "$t $era: tools/call list_posts {first:5} exits 0 with posts, in the $era era" "$CHECK_POSTS $era_check"
  inspect "$t $era tools/call get_post nope" 5 --protocol-era "$era" "$@" \
    --method tools/call --tool-name get_post --tool-args-json '{"postId":"nope"}'
  check "$t $era: tools/call get_post {postId:nope} exits 5 with isError and InvalidArguments" "$CHECK_IS_ERROR $era_check"
}

# stdio: the Inspector starts the binary; its stderr (the server's log) lands in $ERR.
SERVER_STDERR=""
for era in modern legacy; do
  suite stdio "$era" -e BUFFER_MCP_SANDBOX=1 "$BIN"
done
inspect "stdio modern tools/list --strict, every toolset" 0 --protocol-era modern \
  -e BUFFER_MCP_SANDBOX=1 -e BUFFER_MCP_TOOLSETS=all "$BIN" --method tools/list --strict
check "stdio modern, BUFFER_MCP_TOOLSETS=all: tools/list --strict exits 0 and lists every tool" \
  "$CHECK_ALL_TOOLS"

# Streamable HTTP with a bearer token. --stored-auth-only: never start an interactive OAuth
# flow (the server answers 401 with WWW-Authenticate when the token is missing).
start_server http BUFFER_MCP_HTTP_TOKEN="$TOKEN" -- --sandbox --transport http --addr 127.0.0.1:0
HTTP_URL=$SERVER_URL
SERVER_STDERR="$CI_TMP/http.stderr"
echo "http server: $HTTP_URL"
for era in modern legacy; do
  suite http "$era" --transport http --server-url "$HTTP_URL" --stored-auth-only \
    --header "Authorization: Bearer $TOKEN"
done
inspect "http without the token" nonzero --protocol-era modern --transport http --server-url "$HTTP_URL" \
  --stored-auth-only --method tools/list
grep -q -e auth_required -e 401 "$ERR" ||
  fail "http without the token: the Inspector failed, but not for want of authorization" "$OUT" "$ERR" "$SERVER_STDERR"
echo "ok http without the token: the Inspector exits $LAST_RC ($(grep -o -e auth_required -e 401 "$ERR" | head -n 1))"
stop_server http

# Legacy HTTP+SSE, legacy era only (the modern era has no SSE transport).
start_server sse BUFFER_MCP_HTTP_TOKEN="$TOKEN" -- --sandbox --transport sse --addr 127.0.0.1:0
SSE_URL=$SERVER_URL
SERVER_STDERR="$CI_TMP/sse.stderr"
echo "sse server: $SSE_URL"
inspect "sse legacy tools/list --strict" 0 --protocol-era legacy --transport sse --server-url "$SSE_URL" \
  --stored-auth-only --header "Authorization: Bearer $TOKEN" --method tools/list --strict
check "sse legacy: tools/list --strict exits 0 and lists the default tools" "$CHECK_TOOLS"
inspect "sse without the token" nonzero --protocol-era legacy --transport sse --server-url "$SSE_URL" \
  --stored-auth-only --method tools/list
grep -q -e auth_required -e 401 "$ERR" ||
  fail "sse without the token: the Inspector failed, but not for want of authorization" "$OUT" "$ERR" "$SERVER_STDERR"
echo "ok sse without the token: the Inspector exits $LAST_RC ($(grep -o -e auth_required -e 401 "$ERR" | head -n 1))"
stop_server sse

echo "inspector: ok"
