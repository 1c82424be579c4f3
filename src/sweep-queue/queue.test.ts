// The queue end to end on the `tiny` preset (11 clips per split, a tiny random-init U-Net and its
// control, 2 epochs): a sweep on 2 worker processes gives the single-process results file cell by
// cell (up to timing fields); the same cells enqueued again are taken from the queue, not run
// twice; a worker killed with SIGKILL mid-cell and a Redis restarted mid-sweep still end with
// every cell once and no finished cell lost. Each test starts its own redis-server on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CellResult, SweepResults } from '../sweep/types.ts';
import { runCli, spawnWorker, startRedis, type TestRedis, type WorkerProcess } from './test-helpers.ts';

const TIMING = new Set(['seconds', 'finishedAt']);
export const figures = (c: CellResult) => Object.fromEntries(Object.entries(c).filter(([k]) => !TIMING.has(k)));
const read = async (f: string) => JSON.parse(await readFile(f, 'utf8')) as SweepResults;

describe('sweep --queue with worker processes', () => {
  let dir: string;
  let redis: TestRedis;
  const workers: WorkerProcess[] = [];
  const base = (cache: string) => [
    'sweep', '--model', 'random-init:tiny@3', '--control', 'random-init:tiny', '--corpus', 'tiny', '--max-clips', '11',
    '--epochs', '2', '--patience', '2', '--cache', path.join(dir, cache),
  ];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'diffpir-queue-'));
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await redis?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('2 workers give the single-process results file, cell by cell; enqueued again, the cells are not run twice', async () => {
    const args = [...base('single'), '--sigmas', '0.05,0.5', '--stages', '1,2'];
    const single = await runCli([...args, '--out', path.join(dir, 'single.json')]);
    expect(single.err).not.toMatch(/internal error/);
    expect(single.code).toBe(0);
    workers.push(spawnWorker(redis.url), spawnWorker(redis.url));
    const queuedArgs = [...base('queued'), '--sigmas', '0.05,0.5', '--stages', '1,2', '--queue', redis.url];
    const queued = await runCli([...queuedArgs, '--out', path.join(dir, 'queued.json')]);
    expect(queued.err).not.toMatch(/internal error/);
    expect(queued.code).toBe(0);
    expect(queued.err).toMatch(/stage 1: 4\/4 done, 0 running, 0 waiting, 2 workers/);
    expect(queued.err).toMatch(/stage 2: 0\/10 done, .* time left: after the first cell/);
    const a = await read(path.join(dir, 'single.json'));
    const b = await read(path.join(dir, 'queued.json'));
    expect(b.cells.map((c) => c.id)).toEqual(a.cells.map((c) => c.id));
    expect(a.cells).toHaveLength(1 + 4 + 10); // the Han CNN, stage 1, stage 2
    for (const [i, c] of b.cells.entries()) expect(figures(c)).toEqual(figures(a.cells[i]));
    expect(b.choices).toEqual(a.choices);
    expect(b.fingerprint).toEqual(a.fingerprint);
    // Both workers ran cells.
    for (const w of workers) expect(w.lines.some((l) => /: done (subject|control)\|/.test(l))).toBe(true);
    // The same sweep again into another file: every cell comes from the queue's finished jobs, none runs again.
    const ranBefore = workers.map((w) => w.lines.filter((l) => l.includes(': start ')).length);
    const again = await runCli([...queuedArgs, '--out', path.join(dir, 'again.json')]);
    expect(again.code).toBe(0);
    expect(workers.map((w) => w.lines.filter((l) => l.includes(': start ')).length)).toEqual(ranBefore);
    const c = await read(path.join(dir, 'again.json'));
    expect(c.cells).toEqual(b.cells);
  }, 240_000);

  it('a worker killed with SIGKILL mid-cell: another worker takes its cell, every cell is stored once', async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    const doomed = spawnWorker(redis.url, ['--stall-seconds', '2']);
    const survivor = spawnWorker(redis.url, ['--stall-seconds', '2']);
    workers.push(doomed, survivor);
    const out = path.join(dir, 'killed.json');
    const sweep = runCli([...base('killed'), '--sigmas', '0.05,0.2,0.5', '--stages', '1', '--no-baseline', '--queue', redis.url, '--out', out]);
    const started = await doomed.waitFor(/: start (subject|control)\|/);
    const cell = /start (\S+)/.exec(started)![1];
    doomed.proc.kill('SIGKILL');
    const r = await sweep;
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(doomed.lines.some((l) => l.includes(`done ${cell}`))).toBe(false);
    expect(survivor.lines.some((l) => l.includes(`done ${cell}`))).toBe(true);
    const ids = (await read(out)).cells.map((c) => c.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toContain(cell);
  }, 240_000);

  it('Redis restarted mid-sweep: the sweep goes on and loses no finished cell', async () => {
    const out = path.join(dir, 'restart.json');
    let finished = 0;
    let restarted: Promise<void> | undefined;
    let kept: CellResult[] = [];
    // Other sigmas than above: those cells' jobs are finished in the queue already.
    const sweep = runCli([...base('restart'), '--sigmas', '0.1,0.3,0.7', '--stages', '1', '--no-baseline', '--queue', redis.url, '--out', out], (line) => {
      if (/^ {2}done: /.test(line) && ++finished === 2) {
        restarted = (async () => {
          kept = (await read(out)).cells;
          await redis.stop();
          await new Promise((res) => setTimeout(res, 1500));
          await redis.start();
        })();
      }
    });
    const r = await sweep;
    await restarted;
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Redis at 127\.0\.0\.1:\d+ does not answer/);
    expect(r.err).toMatch(/missing from Redis .* enqueued again, finished cells are kept/);
    const cells = (await read(out)).cells;
    expect(new Set(cells.map((c) => c.id)).size).toBe(6);
    expect(cells).toHaveLength(6);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    // Cells finished before the restart are still there, as they were (not run again).
    for (const k of kept) expect(cells.find((c) => c.id === k.id)).toEqual(k);
  }, 240_000);

  it('a worker told to stop while Redis is away and no cell is in hand leaves anyway', async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    const w = spawnWorker(redis.url);
    workers.push(w);
    await w.waitFor(/on the queue at/);
    await redis.stop();
    try {
      await w.waitFor(/ECONNREFUSED/, 30_000);
      const started = Date.now();
      await w.stop();
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(w.lines.some((l) => l.includes('does not let go: stopping without it'))).toBe(true);
    } finally {
      await redis.start();
    }
  }, 60_000);
});
