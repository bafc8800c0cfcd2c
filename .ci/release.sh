#!/usr/bin/env bash
# The release build as CI runs it: a snapshot (nothing is published) of every release file,
# checked by the release command itself (go run ./release: archives for six platforms, the
# Claude Desktop bundle, server.json, checksums; see release/main.go). The mcpb CLI it packs
# and validates the bundle with is installed here from .ci/mcpb (pinned, with its lock) into
# .cache/mcpb, with the machine's Node and npm.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC="$ROOT/.ci/mcpb"
DIR="$ROOT/.cache/mcpb"
cd "$ROOT"

want=$(cat "$SRC/package.json" "$SRC/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ ! -x "$DIR/node_modules/.bin/mcpb" ] || [ "$(cat "$DIR/.installed" 2>/dev/null)" != "$want" ]; then
  echo "installing the pinned mcpb CLI into ${DIR#"$ROOT"/} (npm install, from the committed lock)"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  cp "$SRC/package.json" "$SRC/package-lock.json" "$DIR/"
  # --ignore-scripts: mcpb ships built JavaScript; none of its dependencies needs a script.
  if ! (cd "$DIR" && timeout -k 10 300 npm install --no-audit --no-fund --ignore-scripts --loglevel=error >"$DIR/npm.log" 2>&1); then
    cat "$DIR/npm.log" >&2
    echo "FAIL: npm install of .ci/mcpb failed" >&2
    exit 1
  fi
  echo "$want" >"$DIR/.installed"
fi

# -out outside the work tree's tracked files (dist/ is ignored); the command empties it.
timeout -k 10 1200 go run ./release -out "$ROOT/dist" -mcpb "$DIR/node_modules/.bin/mcpb"
