#!/usr/bin/env bash
# Submits the whole sweep to Slurm as three chained array jobs, each followed by a merge:
#   render the corpus once -> stage 1 (N tasks) -> merge -> stage 2 (N tasks, --from the merged
#   stage 1) -> merge -> stage 3 -> merge -> results.json
# Usage (in the lab checkout, on a disk every node reads): docs/slurm/submit.sh [N]
# Environment: MODEL (student-v1), PRESET (small), SWEEP_ARGS (extra sweep settings, the same for all stages).
set -euo pipefail
n=${1:-8}
export MODEL=${MODEL:-student-v1}
preset=${PRESET:-small}
export CORPUS=corpus/$preset
mkdir -p shards
here=$(dirname "$0")
render=$(sbatch --parsable --job-name=diffpir-corpus --cpus-per-task=2 --output=shards/corpus-%j.log \
  --wrap "npx diffpir corpus --preset $preset --out $CORPUS --jobs 2")
after=$render
for stage in 1 2 3; do
  array=$(STAGE=$stage sbatch --parsable --export=ALL --dependency=afterok:$after --array=0-$((n - 1)) "$here/sweep-shard.sbatch")
  # shards/stage<S>.json: the merged stage, the next stage's --from.
  after=$(sbatch --parsable --job-name=diffpir-merge --dependency=afterok:$array --output=shards/merge-%j.log \
    --wrap "npx diffpir merge shards/stage$stage-*.json --out shards/stage$stage.json")
done
sbatch --parsable --job-name=diffpir-results --dependency=afterok:$after --output=shards/results-%j.log \
  --wrap "cp shards/stage3.json results.json"
echo "submitted: corpus $render, then stages 1-3 as $n-task arrays; results in results.json"
