#!/usr/bin/env bash
# Submits a whole study: the build, then the shard array (after the build succeeded), then the merge (after every
# shard ended, however). Run from the repository root:
#   bash deploy/slurm/submit.sh [run options, e.g. --arch charlm]
# RS_SHARDS shards (default 16), at most RS_CONCURRENT at once (default 4); other settings as in common.sh. Extra
# sbatch options for every job (partition, account): RS_SBATCH_OPTS="--partition=gpu --account=me".
set -euo pipefail
shards="${RS_SHARDS:-16}"
concurrent="${RS_CONCURRENT:-4}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck disable=SC2206 # word splitting of the user's sbatch options is intended
opts=(${RS_SBATCH_OPTS:-})
build=$(sbatch --parsable "${opts[@]}" "$here/build.sbatch")
array=$(sbatch --parsable "${opts[@]}" --dependency="afterok:$build" --array="0-$((shards - 1))%$concurrent" "$here/reprospecs-array.sbatch" "$@")
merge=$(sbatch --parsable "${opts[@]}" --dependency="afterany:$array" "$here/merge.sbatch")
echo "build $build, array $array (shards 0-$((shards - 1)), $concurrent at a time), merge $merge"
