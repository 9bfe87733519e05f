#!/usr/bin/env bash
# One mistake, one message: runs the README's main command with a corpus that does not exist and checks that the
# run fails, that the error and its fix are printed exactly once, and that no stack trace is shown.
# Usage: scripts/check-one-error.sh   (after a build; uses --no-build)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
REPROSPECS_CORPUS=/nonexistent/corpus.txt dotnet test specs --no-build --filter Arch=charlm >"$log" 2>&1
rc=$?
count=$(grep -c "ReproSpecs configuration error: Corpus /nonexistent/corpus.txt does not exist. Fix:" "$log")
fail=0
[ "$rc" -ne 0 ] || { echo "FAIL: the run exited 0 with a missing corpus"; fail=1; }
[ "$count" -eq 1 ] || { echo "FAIL: the corpus error was printed $count times (expected once)"; fail=1; }
if grep -q "Stack Trace\|   at ReproSpecs" "$log"; then echo "FAIL: a stack trace was printed"; fail=1; fi
if [ "$fail" -ne 0 ]; then cat "$log"; exit 1; fi
echo "one-error check: exit $rc, message printed once, no stack trace"
