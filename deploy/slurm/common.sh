# shellcheck shell=bash
# Shared by the Slurm scripts of deploy/slurm (sourced, never run). Every setting is an environment variable with a
# default; see docs/scaling.md. Deploy-only settings are named RS_*, not REPROSPECS_*: the CLI rejects any
# REPROSPECS_* name it does not read, so a deploy setting under that prefix would stop every run.
#
#   RS_REPO            the ReproSpecs checkout (default: the folder sbatch was run from)
#   RS_SETUP           a shell command run first on every node, e.g. "module load dotnet cuda" (default: none)
#   RS_SCRATCH         the cluster's scratch (default: $SCRATCH, else $HOME/scratch)
#   REPROSPECS_PROFILE GPU profile: lite, partial or full (default: lite)
#   REPROSPECS_TRIALS  trials per cell, a whole number (default: 3, the study's); 'auto' cannot be sharded
#   RS_STUDY           the study's name, one folder per study (default: <profile>-k<trials>)
#   RS_SHARDS          total shard count; needed only when the array is not 0..N-1, e.g. a rerun of --array=3,11
#   RS_BIN             a published reprospecs binary (default: the one build.sbatch publishes for this commit)
#   RS_MAX_REQUEUES    how often a task that reaches its time limit requeues itself (default: 20)

if [ -n "${RS_SETUP:-}" ]; then eval "$RS_SETUP"; fi

RS_REPO="${RS_REPO:-${SLURM_SUBMIT_DIR:-$PWD}}"
RS_SCRATCH="${RS_SCRATCH:-${SCRATCH:-$HOME/scratch}}"
export REPROSPECS_PROFILE="${REPROSPECS_PROFILE:-lite}"
export REPROSPECS_TRIALS="${REPROSPECS_TRIALS:-3}"
RS_STUDY="${RS_STUDY:-${REPROSPECS_PROFILE}-k${REPROSPECS_TRIALS}}"
RS_STUDY_DIR="$RS_SCRATCH/reprospecs/$RS_STUDY"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -f "$RS_REPO/ReproSpecs.sln" ]; then
  echo "error: $RS_REPO is not a ReproSpecs checkout. Fix: run sbatch from the repository root, or set RS_REPO." >&2
  exit 2
fi
case "$REPROSPECS_TRIALS" in
  auto) echo "error: REPROSPECS_TRIALS=auto (the sequential design) cannot be sharded: it decides between looks. Fix: a fixed count (REPROSPECS_TRIALS=10), or run look by look (docs/scaling.md)." >&2; exit 2 ;;
  ''|*[!0-9]*) echo "error: REPROSPECS_TRIALS='$REPROSPECS_TRIALS' is not a whole number." >&2; exit 2 ;;
esac

# One binary per commit (a dirty tree gets its own), shared by every task: all shards must run the same build, or
# their trials carry different code fingerprints and merge rejects them as inconsistent provenance.
rs_commit="$(git -C "$RS_REPO" rev-parse --short=12 HEAD 2>/dev/null || echo nogit)"
if [ -n "$(git -C "$RS_REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then rs_commit="$rs_commit-dirty"; fi
RS_BUILD_DIR="$RS_SCRATCH/reprospecs/bin/$rs_commit"
RS_BIN="${RS_BIN:-$RS_BUILD_DIR/reprospecs}"

# Store of shard $1 of $2: each shard owns its folder, so shards never write to one another's store.
rs_store() { printf '%s/stores/shard-%s-of-%s\n' "$RS_STUDY_DIR" "$1" "$2"; }
