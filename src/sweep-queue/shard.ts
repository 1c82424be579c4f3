// --shard i/N: which share of each stage's cells a run takes (cell index mod N = i, the baseline
// in shard 0), for array jobs that need no queue (Slurm --array, Kubernetes Indexed Jobs).
import { LabError } from '../common/errors.ts';
import type { SweepShard } from '../sweep/types.ts';

export function parseShard(text: string): SweepShard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new LabError(`--shard "${text}": give i/N, the i-th (from 0) of N shares, e.g. --shard 0/4`);
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1) throw new LabError(`--shard ${text}: N must be at least 1`);
  if (index >= count) throw new LabError(`--shard ${text}: i must be below N (0 to ${count - 1})`);
  return { index, count };
}
