// The coordinator's side of the queue: the sweep engine hands it a stage's missing cells (or the
// baseline, or features to compute first); it enqueues one job per cell, follows their states
// (polling Redis), records each finished cell into the results file as it arrives, prints
// progress with the time left, and reports each failed cell once. Jobs found missing (Redis
// restarted without its data) are enqueued again; finished cells are already in the results
// file, so none is lost. A job that failed in an earlier run is tried again in this one.
import { Queue } from 'bullmq';
import { LabError } from '../common/errors.ts';
import { cellId } from '../sweep/plan.ts';
import type { CellBatch, CellExecutor } from '../sweep/sweep.ts';
import type { CellResult } from '../sweep/types.ts';
import { JOB_OPTIONS, QUEUE_NAME, jobId, jobName, type CellJobData } from './jobs.ts';
import { duration, progressLine, timeLeft } from './progress.ts';
import type { SweepSpec } from './spec.ts';
import { checkReachable, connectionOptions, type QueueAddress } from './url.ts';

export interface QueueExecutorOptions {
  log?: (line: string) => void;
  /** How often job states are read (default 500 ms). */
  pollMs?: number;
  /** A progress line at least this often while anything changes or runs (default 15 s). */
  progressMs?: number;
}

interface Pending {
  id: string;
  name: string;
  data: CellJobData;
  /** The cell id a cell or baseline job must hand back. */
  expect?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An error of the caller's (writing the results file), not of Redis: never waited out. */
class RecordError extends Error {
  constructor(readonly inner: unknown) {
    super('record');
  }
}

export function jobsOf(batch: CellBatch, spec: SweepSpec): { data: CellJobData; expect?: string }[] {
  const { fingerprint } = batch;
  switch (batch.kind) {
    case 'cells': return batch.keys.map((key) => ({ data: { kind: 'cell', spec, fingerprint, key }, expect: cellId(key) }));
    case 'baseline': return [{ data: { kind: 'baseline', spec, fingerprint, id: batch.id }, expect: batch.id }];
    case 'features': return batch.roles.map((role) => ({
      data: { kind: 'features', spec, fingerprint, role, sigma: batch.sigma, taps: batch.taps, pooled: batch.pooled },
    }));
  }
}

export class QueueExecutor implements CellExecutor {
  readonly queue: Queue<CellJobData>;
  private readonly log: (line: string) => void;
  private queueError = '';

  private constructor(readonly address: QueueAddress, readonly spec: SweepSpec | undefined, private readonly opts: QueueExecutorOptions) {
    this.log = opts.log ?? (() => {});
    this.queue = new Queue<CellJobData>(QUEUE_NAME, { connection: connectionOptions(address, 'queue') });
    this.queue.on('error', (e) => void (this.queueError = e.message));
  }

  /** Checks that Redis answers at `address` (a LabError naming it if not), then opens the queue. */
  static async open(address: QueueAddress, spec: SweepSpec | undefined, opts: QueueExecutorOptions = {}): Promise<QueueExecutor> {
    await checkReachable(address);
    const ex = new QueueExecutor(address, spec, opts);
    await ex.queue.waitUntilReady();
    return ex;
  }

  async run(batch: CellBatch, record: (cell: CellResult) => Promise<void>): Promise<void> {
    if (!this.spec) throw new LabError('queue executor: no sweep to run cells of');
    const what = batch.kind === 'cells' ? `stage ${batch.stage}` : batch.kind;
    await this.follow(what, jobsOf(batch, this.spec), (_p, value) => record(value as CellResult));
  }

  /**
   * Enqueues `jobs` (one per id; ids already there are left alone, old failures are retried)
   * and follows them until each has completed or failed, calling `onDone` with each result.
   */
  async follow(what: string, jobs: { data: CellJobData; expect?: string }[], onDone: (p: Pending, value: unknown) => Promise<void>): Promise<{ seconds: number }> {
    const started = performance.now();
    const pending = new Map<string, Pending>();
    for (const j of jobs) {
      const id = await jobId(j.data);
      pending.set(id, { id, name: jobName(j.data), data: j.data, expect: j.expect });
    }
    const total = pending.size;
    let done = 0;
    const failures: { name: string; reason: string }[] = [];
    let first = true;
    let downSince: number | undefined;
    let lastLine = '';
    let lastPrinted = 0;
    let noWorkersSaid = false;
    while (pending.size > 0) {
      try {
        const list = [...pending.values()];
        const states = await Promise.all(list.map((p) => this.queue.getJobState(p.id)));
        let running = 0;
        let waiting = 0;
        const lost: Pending[] = [];
        for (const [i, p] of list.entries()) {
          const state = states[i];
          if (state === 'completed') {
            const job = await this.queue.getJob(p.id);
            const value: unknown = job?.returnvalue;
            const got = (value as { id?: unknown } | null)?.id;
            if (value === undefined || value === null) {
              await this.queue.remove(p.id);
              lost.push(p);
              continue;
            }
            pending.delete(p.id);
            if (p.expect !== undefined && got !== p.expect) {
              failures.push({ name: p.name, reason: `a worker handed back ${String(got)}` });
              this.log(`  failed: ${p.name}: a worker handed back ${String(got)}`);
              continue;
            }
            try {
              await onDone(p, value);
            } catch (err) {
              throw new RecordError(err);
            }
            done++;
          } else if (state === 'failed') {
            const job = await this.queue.getJob(p.id);
            const reason = job?.failedReason || 'no reason given';
            if (first) {
              // Failed in an earlier run: try once more now (the cause may be fixed).
              this.log(`  ${p.name} failed before (${reason}); trying it again`);
              await this.queue.remove(p.id);
              lost.push(p);
              continue;
            }
            pending.delete(p.id);
            failures.push({ name: p.name, reason });
            this.log(`  failed: ${p.name}: ${reason} (not retried${job && job.attemptsMade > 1 ? ` after ${job.attemptsMade} attempts` : ''})`);
          } else if (state === 'unknown') {
            lost.push(p);
          } else if (state === 'active') running++;
          else waiting++;
        }
        if (lost.length > 0) {
          if (!first) this.log(`  queue: ${lost.length} job${lost.length === 1 ? '' : 's'} missing from Redis at ${this.address.where} (restarted?); enqueued again, finished cells are kept`);
          for (const p of lost) await this.queue.add(p.name, p.data, { ...JOB_OPTIONS, jobId: p.id });
          waiting += lost.length;
        }
        first = false;
        if (downSince !== undefined) {
          this.log(`  queue: Redis at ${this.address.where} answers again (after ${duration((Date.now() - downSince) / 1000)})`);
          downSince = undefined;
        }
        // CLIENT LIST may be refused by a managed Redis: then the count is left out.
        const workers = await this.queue.getWorkersCount().catch(() => undefined);
        if (workers === 0 && pending.size > 0 && !noWorkersSaid) {
          this.log(`  queue: no worker is connected; start some: npx diffpir worker --queue redis://${this.address.where}`);
          noWorkersSaid = true;
        }
        const elapsed = (performance.now() - started) / 1000;
        const counts = { total, done, running, waiting, failed: failures.length, workers };
        const line = progressLine(what, counts, timeLeft(counts, done, elapsed));
        const now = Date.now();
        const changed = line.replace(/; about .*$/, '') !== lastLine.replace(/; about .*$/, '');
        if ((changed && now - lastPrinted > 1000) || now - lastPrinted > (this.opts.progressMs ?? 15000) || pending.size === 0) {
          this.log(`  ${line}`);
          lastLine = line;
          lastPrinted = now;
        }
      } catch (e) {
        if (e instanceof RecordError) throw e.inner;
        if (e instanceof LabError) throw e;
        if (downSince === undefined) {
          downSince = Date.now();
          this.log(`  queue: Redis at ${this.address.where} does not answer (${(e as Error).message || this.queueError}); waiting for it, finished cells are saved`);
        }
      }
      if (pending.size > 0) await sleep(this.opts.pollMs ?? 500);
    }
    if (failures.length > 0) {
      const f = failures[0];
      throw new LabError(`${failures.length} of ${total} ${what} job${total === 1 ? '' : 's'} failed (${f.name}: ${f.reason}${failures.length > 1 ? '; see above for the others' : ''}); ` +
        'the finished cells are saved: fix the cause and run the same command again');
    }
    return { seconds: (performance.now() - started) / 1000 };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
