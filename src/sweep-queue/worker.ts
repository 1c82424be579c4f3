// A worker: takes cell jobs from the queue and runs them with the sweep's own cell code
// (runProbeCell, the baseline runner, the feature extractor), handing each finished cell back
// as the job's result. Models, corpus and extractors are opened once per sweep and kept for the
// next job of that sweep (the last two sweeps seen; older ones are disposed). Bad input (a
// LabError) becomes BullMQ's UnrecoverableError: failed at once, reported once, not retried.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { LabError } from '../common/errors.ts';
import type { Progress } from '../common/progress.ts';
import { FeatureExtractor } from '../features/extract.ts';
import { hashJson } from '../features/hash.ts';
import { runProbeCell } from '../sweep/cell.ts';
import { sweepFingerprint } from '../sweep/results.ts';
import { baselineCell } from '../sweep/sweep.ts';
import type { CellResult, ModelRole } from '../sweep/types.ts';
import { QUEUE_NAME, jobName, type CellJobData } from './jobs.ts';
import { checkSameSweep, openSweepSpec, type SweepHost, type SweepSpec } from './spec.ts';
import { connectionOptions, type QueueAddress } from './url.ts';

export interface WorkerOptions {
  concurrency?: number;
  /** Seconds without a lock renewal before a job counts as stalled (default 30; BullMQ's lockDuration). */
  stallSeconds?: number;
  log?: (line: string) => void;
  /** Progress inside a cell. */
  onStep?: (p: Progress) => void;
}

interface OpenSweep {
  host: SweepHost;
  fingerprint: Record<string, unknown>;
  extractors: Map<ModelRole, FeatureExtractor>;
}

/** Opens sweeps on demand and keeps the last `keep` of them. */
class SweepCache {
  private readonly open = new Map<string, Promise<OpenSweep>>();
  constructor(private readonly keep = 2) {}

  async get(spec: SweepSpec): Promise<OpenSweep> {
    const key = await hashJson(spec);
    let s = this.open.get(key);
    if (s) {
      this.open.delete(key);
      this.open.set(key, s);
      return s;
    }
    s = (async () => {
      const host = await openSweepSpec(spec);
      const fingerprint = sweepFingerprint(spec.settings, host.subject, host.control, host.corpus, host.baseline?.name);
      return { host, fingerprint, extractors: new Map() };
    })();
    s.catch(() => this.open.delete(key));
    this.open.set(key, s);
    while (this.open.size > this.keep) {
      const [oldKey, old] = this.open.entries().next().value!;
      this.open.delete(oldKey);
      old.then((o) => disposeSweep(o), () => {});
    }
    return s;
  }

  async dispose(): Promise<void> {
    for (const s of this.open.values()) await s.then((o) => disposeSweep(o), () => {});
    this.open.clear();
  }
}

function disposeSweep(o: OpenSweep): void {
  for (const ex of o.extractors.values()) ex.dispose();
  o.extractors.clear();
}

function extractorOf(o: OpenSweep, role: ModelRole): FeatureExtractor {
  let ex = o.extractors.get(role);
  if (!ex) {
    const model = role === 'subject' ? o.host.subject : o.host.control;
    if (!model) throw new LabError('this sweep has no control model');
    o.extractors.set(role, (ex = new FeatureExtractor(model, o.host.cache)));
  }
  return ex;
}

/** Runs one job's work; what it returns is the job's result (a CellResult for cells). */
export async function runJob(data: CellJobData, sweeps: SweepCache, opts: WorkerOptions = {}): Promise<CellResult | { ok: true }> {
  if (data.kind === 'noop') return { ok: true };
  const o = await sweeps.get(data.spec);
  checkSameSweep(o.fingerprint, data.fingerprint, 'this worker');
  const { host } = o;
  const settings = data.spec.settings;
  switch (data.kind) {
    case 'cell':
      return runProbeCell(data.key, extractorOf(o, data.key.role), host.corpus, settings, { onStep: opts.onStep });
    case 'baseline': {
      if (!host.baseline) throw new LabError('this sweep has no baseline');
      const outcome = await host.baseline.run(host.corpus, { seed: settings.probeSeed, onProgress: opts.onStep });
      return baselineCell(outcome, data.id, host.baseline.name, host.corpus.id);
    }
    case 'features':
      await extractorOf(o, data.role).extract(host.corpus.clips,
        { sigma: data.sigma, taps: data.taps, pooled: data.pooled, noiseSeed: settings.noiseSeed, window: settings.window },
        { batchSize: settings.batchSize, onProgress: opts.onStep });
      return { ok: true };
  }
}

export interface RunningWorker {
  worker: Worker<CellJobData>;
  /** Cells in hand right now (counted here, so it holds while Redis is away). */
  busy(): number;
  /** Waits for the jobs in hand (or not, when `force`), then frees every tensor. */
  close(force?: boolean): Promise<void>;
}

export function startWorker(address: QueueAddress, opts: WorkerOptions = {}): RunningWorker {
  const log = opts.log ?? (() => {});
  const sweeps = new SweepCache();
  const lockDuration = Math.round((opts.stallSeconds ?? 30) * 1000);
  let busy = 0;
  const processor = async (job: Job<CellJobData>) => {
    const name = jobName(job.data);
    const started = performance.now();
    log(`start ${name} (job ${job.id}, attempt ${job.attemptsMade + 1})`);
    busy++;
    try {
      const result = await runJob(job.data, sweeps, opts);
      log(`done ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      return result;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log(`failed ${name}: ${message}`);
      if (e instanceof LabError) throw new UnrecoverableError(message);
      throw e;
    } finally {
      busy--;
    }
  };
  const worker = new Worker<CellJobData>(QUEUE_NAME, processor, {
    connection: connectionOptions(address, 'worker'),
    concurrency: opts.concurrency ?? 1,
    lockDuration,
    stalledInterval: Math.max(1000, Math.round(lockDuration / 2)),
    maxStalledCount: 2,
  });
  let lastError = '';
  worker.on('error', (e) => {
    const line = `queue at ${address.where}: ${e.message}`;
    if (line !== lastError) log(line);
    lastError = line;
  });
  worker.on('ready', () => {
    if (lastError) log(`queue at ${address.where}: connected`);
    lastError = '';
  });
  return {
    worker,
    busy: () => busy,
    async close(force = false) {
      await worker.close(force);
      await sweeps.dispose();
    },
  };
}
