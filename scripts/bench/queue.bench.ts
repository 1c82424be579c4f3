// What the sweep's job queue costs per cell, apart from the cell's work: no-op jobs through a
// private redis-server on 127.0.0.1 (started and stopped here), followed by the same coordinator
// code as `diffpir sweep --queue` (enqueue, poll, collect). Workers run in this process.
import type { BenchRow } from '../bench.ts';
import { QueueExecutor } from '../../src/sweep-queue/executor.ts';
import { startRedis } from '../../src/sweep-queue/redis-local.ts';
import { parseQueueUrl } from '../../src/sweep-queue/url.ts';
import { startWorker } from '../../src/sweep-queue/worker.ts';

export const title = 'sweep queue: overhead per cell (no-op jobs, Redis on 127.0.0.1)';

export async function run(): Promise<BenchRow[]> {
  const redis = await startRedis();
  const rows: BenchRow[] = [];
  try {
    const address = parseQueueUrl(redis.url);
    for (const [workers, jobs, pollMs] of [[1, 200, 500], [1, 200, 50], [2, 200, 50]] as const) {
      const running = Array.from({ length: workers }, () => startWorker(address));
      const ex = await QueueExecutor.open(address, undefined, { pollMs });
      try {
        const tag = `${Date.now()}-${workers}-${pollMs}`;
        const { seconds } = await ex.follow('noop', Array.from({ length: jobs }, (_, i) => ({ data: { kind: 'noop' as const, tag: `${tag}-${i}` } })), async () => {});
        rows.push({ workers, jobs, 'poll ms': pollMs, seconds, 'ms per job': (seconds * 1000) / jobs });
      } finally {
        await ex.close();
        await Promise.all(running.map((w) => w.close()));
      }
    }
  } finally {
    await redis.cleanup();
  }
  return rows;
}
