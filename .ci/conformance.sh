#!/usr/bin/env bash
# The official MCP conformance suite (@modelcontextprotocol/conformance 0.1.16, on Node 22)
# against the real binary: bin/buffer-mcp --sandbox --transport http on a loopback port.
#
# Asserts:
# 1. `conformance server` over the active suite exits 0 with .ci/conformance-expected-failures.yml
#    as the baseline: every scenario not in the baseline passes (no FAILURE or WARNING check),
#    and every scenario in it fails (no stale entries).
# 2. Each applicable scenario (APPLICABLE below) ran and recorded at least one SUCCESS check
#    and no FAILURE or WARNING check: a scenario that checks nothing does not count as a pass.
# 3. Every server scenario of `conformance list --server` is classified exactly once: in
#    APPLICABLE, in the baseline (`server:`) or in `pending_not_run:`; and every scenario the
#    suite ran is APPLICABLE or in the baseline.
# 4. The server exits 0 on SIGTERM afterwards.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# The scenarios that apply to a server with these tools, two resources and two prompts, but
# without the suite's fixtures (reasons for the rest: .ci/conformance-expected-failures.yml).
APPLICABLE=(
  server-initialize           # initialize answers with a valid result
  ping                        # ping answers
  tools-list                  # tools/list returns well-formed tools
  server-sse-multiple-streams # concurrent POSTs in one session all succeed
  dns-rebinding-protection    # a non-localhost Host is refused, a localhost one accepted
  resources-list              # resources/list returns well-formed resources (buffer://account, buffer://channels)
  prompts-list                # prompts/list returns well-formed prompts (plan_week, review_queue)
)
BASELINE="$ROOT/.ci/conformance-expected-failures.yml"

ci_setup
cd "$ROOT"

# yaml_list KEY: the entries of the top-level list KEY in the baseline file.
yaml_list() {
  awk -v key="$1:" '
    /^[^ #]/ { in_key = ($1 == key); next }
    in_key && /^  - / { print $2 }
  ' "$BASELINE"
}
mapfile -t excluded < <(yaml_list server)
mapfile -t pending < <(yaml_list pending_not_run)

# 3 (first half): the classification covers the suite's scenarios exactly.
timeout -k 5 60 conformance list --server >"$CI_TMP/list.txt" 2>&1 ||
  fail "conformance list --server failed" "$CI_TMP/list.txt"
mapfile -t all < <(sed -n 's/^ *- \([a-z0-9-]*\) \[.*$/\1/p' "$CI_TMP/list.txt")
[ "${#all[@]}" -gt 0 ] || fail "no scenarios parsed from conformance list --server" "$CI_TMP/list.txt"
dups=$(printf '%s\n' "${APPLICABLE[@]}" "${excluded[@]}" "${pending[@]}" | sort | uniq -d)
[ -z "$dups" ] || fail "scenarios classified more than once: $dups"
diff <(printf '%s\n' "${all[@]}" | sort) \
  <(printf '%s\n' "${APPLICABLE[@]}" "${excluded[@]}" "${pending[@]}" | sort) >"$CI_TMP/classify.diff" ||
  fail "the scenarios of conformance list --server (<) and those classified in .ci/conformance.sh and .ci/conformance-expected-failures.yml (>) differ" \
    "$CI_TMP/classify.diff"
echo "${#all[@]} server scenarios: ${#APPLICABLE[@]} run and asserted, ${#excluded[@]} do not apply (baseline), ${#pending[@]} pending (not run)"

start_server conformance -- --sandbox --transport http --addr 127.0.0.1:0
url=$SERVER_URL
echo "server: $url"

# 1. The suite, with the baseline.
rc=0
timeout -k 5 300 conformance server --url "$url" --expected-failures "$BASELINE" -o "$CI_TMP/results" \
  >"$CI_TMP/suite.log" 2>&1 || rc=$?
sed -n '/^=== SUMMARY ===/,$p' "$CI_TMP/suite.log" >"$CI_TMP/summary.txt"
[ -s "$CI_TMP/summary.txt" ] || cp "$CI_TMP/suite.log" "$CI_TMP/summary.txt"
cat "$CI_TMP/summary.txt"

# 2 and 3 (second half): read the checks each scenario recorded; print the checks of any
# scenario that failed outside the baseline.
arc=0
node - "$CI_TMP/results" "${APPLICABLE[*]}" "${excluded[*]}" >"$CI_TMP/assert.txt" 2>&1 <<'EOF' || arc=$?
const fs = require("fs"), path = require("path");
const [dir, applicable, excluded] = process.argv.slice(2);
const want = applicable.split(" "), baseline = new Set(excluded.split(" "));
const ran = new Map();
for (const d of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  const m = d.match(/^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
  if (m) ran.set(m[1], JSON.parse(fs.readFileSync(path.join(dir, d, "checks.json"), "utf8")));
}
const count = (checks, st) => checks.filter((c) => c.status === st).length;
const problems = [];
for (const s of want) {
  const checks = ran.get(s);
  if (!checks) problems.push(`${s}: did not run`);
  else if (count(checks, "SUCCESS") === 0 || count(checks, "FAILURE") > 0 || count(checks, "WARNING") > 0)
    problems.push(`${s}: ${count(checks, "SUCCESS")} SUCCESS, ${count(checks, "FAILURE")} FAILURE, ` +
      `${count(checks, "WARNING")} WARNING; its checks:\n${JSON.stringify(checks, null, 2)}`);
  else console.log(`ok ${s}: ${checks.filter((c) => c.status === "SUCCESS").map((c) => c.id).join(", ")}`);
}
for (const [s, checks] of ran) {
  if (want.includes(s)) continue;
  if (!baseline.has(s))
    problems.push(`${s}: ran, but is neither APPLICABLE nor in the baseline; its checks:\n` +
      JSON.stringify(checks, null, 2));
  else if (count(checks, "FAILURE") + count(checks, "WARNING") === 0)
    problems.push(`${s}: in the baseline, but recorded no failure (stale entry)`);
}
if (problems.length) { console.log(problems.join("\n")); process.exit(1); }
EOF
if [ "$rc" -ne 0 ] || [ "$arc" -ne 0 ]; then
  fail "conformance server exited $rc (non-zero: a scenario outside the baseline failed, or a baseline entry passed); checks of the scenarios: $([ "$arc" -eq 0 ] && echo ok || echo not ok)" \
    "$CI_TMP/summary.txt" "$CI_TMP/assert.txt" "$CI_TMP/conformance.stderr"
fi
cat "$CI_TMP/assert.txt"

# 4.
stop_server conformance
echo "conformance: ok"
