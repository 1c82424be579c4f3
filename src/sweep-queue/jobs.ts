// The jobs on the queue: one per cell (or the baseline, or a stage's shared features), named by
// a content id (the sweep's fingerprint and the cell), so the same cell enqueued twice is one
// job and its result is stored once. Retries: a cell's bad input (a LabError) fails at once and
// is reported once; anything else is tried 3 times; a worker that dies mid-cell leaves a stalled
// job that BullMQ hands to another worker (up to twice).
import type { JobsOptions } from 'bullmq';
import { hashJson } from '../features/hash.ts';
import type { CellKey, ModelRole } from '../sweep/types.ts';
import type { SweepSpec } from './spec.ts';

/** The BullMQ queue every sweep's jobs go to (jobs carry their sweep). */
export const QUEUE_NAME = 'diffpir-sweep';

export type CellJobData =
  | { kind: 'cell'; spec: SweepSpec; fingerprint: Record<string, unknown>; key: CellKey }
  | { kind: 'baseline'; spec: SweepSpec; fingerprint: Record<string, unknown>; id: string }
  | { kind: 'features'; spec: SweepSpec; fingerprint: Record<string, unknown>; role: ModelRole; sigma: number; taps: string[]; pooled: boolean }
  /** No work: measures what the queue itself costs per job. */
  | { kind: 'noop'; tag: string };

export const JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  // Finished jobs stay a while: a coordinator that restarts picks their results up.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The job's id: a hash of the sweep's fingerprint and what the job computes. */
export async function jobId(data: CellJobData): Promise<string> {
  const { spec: _spec, ...what } = data as CellJobData & { spec?: unknown };
  return `${data.kind}-${(await hashJson(what)).slice(0, 24)}`;
}

/** A name for logs and dashboards. */
export function jobName(data: CellJobData): string {
  switch (data.kind) {
    case 'cell': return `${data.key.role}|${data.key.sigma}|${data.key.tap}|${data.key.head}`;
    case 'baseline': return data.id;
    case 'features': return `features ${data.role} sigma ${data.sigma} ${data.taps.join(',')}${data.pooled ? ' pooled' : ''}`;
    case 'noop': return `noop ${data.tag}`;
  }
}
