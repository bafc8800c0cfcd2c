#!/usr/bin/env bash
# Prints the corpus figures (testdata/corpus.txt, by class: values, cases, how many are
# read and refused, and how many are misread or wrongly refused) for the reader as it is
# and for the reader at another commit, 7cd7504 (before issue 15) unless one is given:
#
#   internal/dueat/testdata/figures.sh [commit]
#
# The older reader is taken from git into a temporary directory, with this corpus and
# corpus_test.go, which uses only Read and Location.
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-7cd7504}
figures() { go test -count=1 -run 'TestCorpusFigures$' -v . | sed -n 's/^ *corpus_test.go:[0-9]*: //p'; }

echo "== the reader now ($(git rev-parse --short HEAD))"
figures

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$(git rev-parse --show-toplevel)" archive "$before" | tar -x -C "$tmp"
mkdir -p "$tmp/internal/dueat/testdata"
cp corpus_test.go "$tmp/internal/dueat/"
cp testdata/corpus.txt "$tmp/internal/dueat/testdata/"
echo
echo "== the reader at $before"
(cd "$tmp/internal/dueat" && figures)
