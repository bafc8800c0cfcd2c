#!/usr/bin/env bash
# Reads about 53,000 values at 7 clocks in 9 timezones with the reader at an older commit
# (7cd7504, before issue 15, unless one is given) and with the reader in this tree, and
# fails on any value the older one read that this one reads as another instant or refuses
# (testdata/differential/main.go):
#
#   internal/dueat/testdata/differential.sh [commit]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-7cd7504}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/old" "$tmp/now"
git -C "$(git rev-parse --show-toplevel)" archive "$before" internal/dueat | tar -x -C "$tmp/old" --strip-components=2
cp ./*.go "$tmp/now/"
rm -f "$tmp"/old/*_test.go "$tmp"/now/*_test.go "$tmp"/old/gen_*.go "$tmp"/now/gen_*.go
sed -i 's/^package dueat$/package old/' "$tmp"/old/*.go
sed -i 's/^package dueat$/package now/' "$tmp"/now/*.go
cp testdata/differential/main.go "$tmp/"
printf 'module differential\n\ngo 1.26\n' > "$tmp/go.mod"
(cd "$tmp" && go build -o differential .)
"$tmp/differential" "$PWD/testdata/corpus.txt"
