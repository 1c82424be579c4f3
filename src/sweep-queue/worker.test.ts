// A worker in this process on the `tiny` preset: it runs real cells and frees every tensor when
// closed; a cell with bad input fails once, is reported once and is not retried; bad or
// unreachable --queue addresses are one line naming host and port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../compute/node.ts';
import { runSweep } from '../sweep/sweep.ts';
import { MemoryResultsStore } from '../sweep/store.ts';
import { sweepSettings } from '../sweep/settings.ts';
import type { SweepResults } from '../sweep/types.ts';
import { QueueExecutor } from './executor.ts';
import { openSweepSpec, type SweepSpec } from './spec.ts';
import { freePort, runCli, startRedis, type TestRedis } from './test-helpers.ts';
import { parseQueueUrl } from './url.ts';
import { startWorker } from './worker.ts';

describe('worker in process', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    await initNodeBackend('wasm');
    redis = await startRedis();
  });
  afterAll(() => redis?.cleanup());

  it('runs cells and leaks no tensor; a cell with bad input is reported once, not retried', async () => {
    const address = parseQueueUrl(redis.url);
    const logs: string[] = [];
    const before = tf.memory().numTensors;
    const worker = startWorker(address, { log: (l) => logs.push(`worker: ${l}`) });
    const settings = sweepSettings({ sigmas: [0.2], stages: [1], maxClips: 11, fit: { epochs: 2, patience: 2 } });
    const spec: SweepSpec = { model: 'random-init:tiny@5', control: 'random-init:tiny', corpus: 'tiny', cache: 'none', baseline: 'none', settings };
    const executor = await QueueExecutor.open(address, spec, { log: (l) => logs.push(l), pollMs: 100 });
    try {
      const host = await openSweepSpec(spec);
      const store = new MemoryResultsStore();
      await runSweep({ ...host, store }, settings, { executor });
      const r = JSON.parse(store.text!) as SweepResults;
      expect(r.cells.map((c) => c.id)).toEqual(['subject|0.2|d3.4.resnet|mlp', 'control|0.2|d3.4.resnet|mlp']);
      expect(r.cells[0]).toMatchObject({ model: 'random-init:tiny@5', corpus: host.corpus.id, backend: 'wasm' });

      // (A cell not run above: the same cell would be the finished job, not run again.)
      const bad = { ...spec, model: 'no-such-model' };
      const key = { role: 'subject' as const, sigma: 0.3, tap: 'd3.4.resnet', head: 'mlp' as const };
      await expect(executor.follow('stage 1', [{ data: { kind: 'cell', spec: bad, fingerprint: r.fingerprint, key }, expect: 'subject|0.3|d3.4.resnet|mlp' }], async () => {}))
        .rejects.toThrow(/^1 of 1 stage 1 job failed \(subject\|0\.3\|d3\.4\.resnet\|mlp: model "no-such-model": no such folder.*\); the finished cells are saved/);
      expect(logs.filter((l) => /^ {2}failed: /.test(l))).toHaveLength(1);
      expect(logs.filter((l) => /worker: start subject\|0\.3\|/.test(l))).toHaveLength(1);
      const failed = (await executor.queue.getFailed())[0];
      expect(failed.attemptsMade).toBe(1);
      expect(await executor.queue.getJobCounts('wait', 'delayed', 'active')).toEqual({ wait: 0, delayed: 0, active: 0 });
    } finally {
      await executor.close();
      await worker.close();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('says in one line when --queue is not a Redis URL or nothing answers there', async () => {
    const port = await freePort();
    const w = await runCli(['worker', '--queue', `redis://127.0.0.1:${port}`]);
    expect(w.code).toBe(1);
    expect(w.err).toBe(`diffpir worker: cannot reach Redis at 127.0.0.1:${port} (ECONNREFUSED); start one there (redis-server --port ${port}) or give another --queue`);
    const s = await runCli(['sweep', '--model', 'random-init:tiny', '--corpus', 'tiny', '--out', 'unused.json', '--queue', `redis://127.0.0.1:${port}`]);
    expect(s.code).toBe(1);
    expect(s.err).toBe(`diffpir sweep: cannot reach Redis at 127.0.0.1:${port} (ECONNREFUSED); start one there (redis-server --port ${port}) or give another --queue`);
    const u = await runCli(['worker', '--queue', 'localhost:6379']);
    expect(u.err).toMatch(/^diffpir worker: --queue "localhost:6379": the scheme must be redis:\/\/ or rediss:\/\//);
    const both = await runCli(['sweep', '--model', 'random-init:tiny', '--corpus', 'tiny', '--out', 'unused.json', '--queue', redis.url, '--shard', '0/2']);
    expect(both.err).toBe('diffpir sweep: give --queue (a pool of workers) or --shard (array jobs), not both');
  });
});
