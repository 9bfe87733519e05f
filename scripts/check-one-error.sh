#!/usr/bin/env bash
# One mistake, one message; no silent greens. Runs the README's main command as a user would type it, with one
# mistake at a time (a missing corpus, an unknown profile, a malformed count, a misspelled variable in the
# environment or in a runsettings file, a GPU profile on a CPU-only build, a filter that matches nothing), and
# checks for each that the run fails, that the error and its fix are printed exactly once, and that no stack
# trace is shown.
# Usage: scripts/check-one-error.sh   (after a build; uses --no-build)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# check NAME EXPECTED-TEXT [VAR=VALUE ...] -- [extra dotnet test arguments]
check() {
  local name=$1 expected=$2; shift 2
  local vars=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do vars+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  local log="$work/$name.log"
  env "${vars[@]}" dotnet test specs --no-build --filter Arch=charlm "$@" >"$log" 2>&1
  local rc=$? count
  count=$(grep -cF -- "$expected" "$log")
  local bad=""
  [ "$rc" -ne 0 ] || bad+=" exited 0;"
  [ "$count" -eq 1 ] || bad+=" message printed $count times (expected once);"
  if grep -q "Stack Trace\|   at ReproSpecs\|--- End of inner exception" "$log"; then bad+=" a stack trace was printed;"; fi
  if [ -n "$bad" ]; then
    echo "FAIL [$name]:$bad"; cat "$log"; fail=1
  else
    echo "ok [$name] exit $rc: $(grep -F -- "$expected" "$log" | sed 's/^.*\(ReproSpecs configuration error\)/\1/')"
  fi
}

check missing-corpus "ReproSpecs configuration error: Corpus /nonexistent/corpus.txt does not exist. Fix:" REPROSPECS_CORPUS=/nonexistent/corpus.txt
check unknown-profile "ReproSpecs configuration error: Unknown profile 'cpuu'. Known profiles: smoke, cpu, lite, partial, full. Fix: set REPROSPECS_PROFILE" REPROSPECS_PROFILE=cpuu
check trials-abc "ReproSpecs configuration error: REPROSPECS_TRIALS must be a whole number >= 2 and <= 1000, got 'abc'. Fix:" REPROSPECS_TRIALS=abc
check trials-1 "ReproSpecs configuration error: REPROSPECS_TRIALS must be a whole number >= 2 and <= 1000, got '1'. Fix:" REPROSPECS_TRIALS=1
check threads-0 "ReproSpecs configuration error: REPROSPECS_THREADS must be a whole number >= 1 and <= 1024, got '0'. Fix:" REPROSPECS_THREADS=0
check misspelled-profile "ReproSpecs configuration error: Unknown variable REPROSPECS_PROFLIE='lite': nothing reads it. Did you mean REPROSPECS_PROFILE?" REPROSPECS_PROFLIE=lite
check misspelled-trials "ReproSpecs configuration error: Unknown variable REPROSPECS_TRAILS='5': nothing reads it. Did you mean REPROSPECS_TRIALS?" REPROSPECS_TRAILS=5

# A misspelled variable in a runsettings file.
sed 's#<REPROSPECS_PROFILE>cpu</REPROSPECS_PROFILE>#<REPROSPECS_PROFLIE>lite</REPROSPECS_PROFLIE>#' runsettings/cpu.runsettings >"$work/typo.runsettings"
check runsettings-typo "Unknown variable REPROSPECS_PROFLIE='lite': nothing reads it. Did you mean REPROSPECS_PROFILE?" -- --settings "$work/typo.runsettings"

# A GPU profile on a build or machine without CUDA (skipped where CUDA works: there the profile runs).
if ! command -v nvidia-smi >/dev/null 2>&1; then
  check gpu-profile-on-cpu "ReproSpecs configuration error: profile 'lite': this profile trains on CUDA, but" -- --settings runsettings/lite.runsettings
fi

# A filter that matches no spec (a typo of an architecture).
log="$work/filter.log"
dotnet test specs --no-build --filter Arch=gpt >"$log" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && grep -q "No test matches the given testcase filter \`Arch=gpt\`" "$log"; then
  echo "ok [filter-typo] exit $rc: $(grep -o 'No test matches the given testcase filter `Arch=gpt`' "$log" | head -1)"
else
  echo "FAIL [filter-typo]: exit $rc"; cat "$log"; fail=1
fi

[ "$fail" -eq 0 ] || exit 1
echo "one-error check: every mistake fails the run with its one message, no stack trace"
