// Sweeps beyond one process: cells as BullMQ jobs on Redis for a pool of workers, and shards
// for array jobs with `diffpir merge` to join them. See README.md.
export { parseQueueUrl, checkReachable, type QueueAddress } from './url.ts';
export { openSweepSpec, type SweepSpec, type SweepHost } from './spec.ts';
export { QUEUE_NAME, type CellJobData } from './jobs.ts';
export { QueueExecutor, type QueueExecutorOptions } from './executor.ts';
export { startWorker, type RunningWorker, type WorkerOptions } from './worker.ts';
export { parseShard } from './shard.ts';
export { mergeShards, planId, type ShardFile } from './merge.ts';
