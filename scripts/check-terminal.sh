#!/usr/bin/env bash
# The first minutes in a real terminal (#13): types the README's main command into a tmux session, captures the
# screen while it runs and checks that a live progress line (cell, trial, step, loss, tokens/s, ETA) is on it before
# the run ends; then that the run passed, that no progress line was printed twice or as an MSBuild warning, and that
# it ended with the summary (passed / failed / skipped, each skip with its reason).
# Usage: scripts/check-terminal.sh [capture-folder]   (after a build; default folder artifacts/terminal)
# Skips, with the reason, where tmux is not installed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v tmux >/dev/null 2>&1; then
  echo "terminal check skipped: tmux is not installed (apt-get install -y tmux)"
  exit 0
fi
out=${1:-artifacts/terminal}
mkdir -p "$out"
out=$(cd "$out" && pwd)
session="reprospecs-terminal-$$"
results=$(mktemp -d)   # a fresh store, so cells really train while the screen is captured
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$results"' EXIT
command="dotnet test specs --filter Arch=charlm"

tmux new-session -d -s "$session" -x 200 -y 50 -c "$PWD"
# A user's terminal, not a CI job: MSBuild picks its classic logger when CI variables are set, so clear them.
tmux send-keys -t "$session" "unset CI TF_BUILD GITHUB_ACTIONS GITLAB_CI; export REPROSPECS_RESULTS=$results; clear" Enter
sleep 1
tmux send-keys -t "$session" "$command; echo \"terminal-check-exit=\$?\"" Enter

progress='^\[smoke/charlm/[a-z0-9_.:]+( arm [a-z]+)?\] trial [0-9]+/[0-9]+ step [0-9]+/[0-9]+ loss [0-9.]+ [0-9,]+ tok/s ETA [0-9]+:[0-9]{2}'
live=""
for _ in $(seq 1 300); do
  screen=$(tmux capture-pane -p -J -t "$session")
  if grep -Eq "terminal-check-exit=[0-9]" <<<"$screen"; then break; fi
  if grep -Eq "$progress" <<<"$screen"; then live=$screen; break; fi
  sleep 1
done
if [ -z "$live" ]; then
  echo "FAIL: no live progress line on the screen while '$command' ran; the screen was:"
  tmux capture-pane -p -J -t "$session"
  exit 1
fi
printf '%s\n' "$live" >"$out/mid-run.txt"
echo "mid-run screen (while '$command' ran), saved to $out/mid-run.txt:"
grep -v '^$' "$out/mid-run.txt" | tail -15

for _ in $(seq 1 900); do
  tmux capture-pane -p -J -t "$session" | grep -Eq "terminal-check-exit=[0-9]" && break
  sleep 1
done
tmux capture-pane -p -J -S - -E - -t "$session" >"$out/whole-run.txt"
fail=0
rc=$(grep -o "terminal-check-exit=[0-9]*" "$out/whole-run.txt" | tail -1 | cut -d= -f2)
[ "${rc:-x}" = 0 ] || { echo "FAIL: the run exited ${rc:-(did not finish)}"; fail=1; }
if grep -q "warning \[xUnit" "$out/whole-run.txt"; then echo "FAIL: progress was printed as MSBuild warnings"; fail=1; fi
dups=$(grep -E '^\[smoke/' "$out/whole-run.txt" | sort | uniq -d)
[ -z "$dups" ] || { echo "FAIL: progress lines printed more than once:"; echo "$dups"; fail=1; }
grep -Eq "^ReproSpecs summary: [0-9]+ passed, 0 failed, [0-9]+ skipped" "$out/whole-run.txt" || { echo "FAIL: no end-of-run summary"; fail=1; }
if grep -E "^  skipped " "$out/whole-run.txt" | grep -qv ": [^ ]"; then echo "FAIL: a skip without its reason"; fail=1; fi
echo "end of the run, saved to $out/whole-run.txt:"
sed -n '/^ReproSpecs summary:/,$p' "$out/whole-run.txt" | grep -v '^$'
[ "$fail" -eq 0 ] || exit 1
echo "terminal check: live progress on screen mid-run, each line once, no warnings, summary at the end"
