// The sweep engine (no Node imports; the corpus, cache, result store and baseline are injected):
// stage 1 sigma with the MLP at the 2nd bottleneck resnet, stage 2 the paper's taps at the best
// sigma, stage 3 the four heads at the best (sigma, tap), each cell for the subject model and its
// random-init control, the Han CNN once alongside. Results are saved after every cell; a rerun
// with the same fingerprint skips completed cells. Cells run here one after another, or are
// handed to an injected CellExecutor (a job queue, src/sweep-queue) a stage at a time; a shard
// runs only its share of each stage's cells. Either way the stages are chosen here, the same way.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions, type Progress } from '../common/progress.ts';
import type { FeatureCache } from '../features/cache.ts';
import { FeatureExtractor } from '../features/extract.ts';
import type { ModelSource } from '../features/model-source.ts';
import { runProbeCell } from './cell.ts';
import { BASELINE_CELL_PREFIX, cellId, chooseStages, requireSigma, requireTap, stage1Cells, stage2Cells, stage3Cells, stageTaps } from './plan.ts';
import { newResults, orderCells, putCell, resumeResults, sweepFingerprint } from './results.ts';
import { reusableControlCells } from './reuse.ts';
import type { BaselineRunner, CellKey, CellOutcome, CellResult, ModelRole, ResultsStore, Stage, SweepCorpus, SweepResults, SweepSettings, SweepShard } from './types.ts';

export interface SweepEnv {
  subject: ModelSource;
  /** The random-init control (same config, fixed seed); omit when the subject is itself random. */
  control?: ModelSource;
  corpus: SweepCorpus;
  cache: FeatureCache;
  store: ResultsStore;
  baseline?: BaselineRunner;
}

export interface SweepRunOptions extends JobOptions {
  /** Every finished (or skipped, already completed) cell. */
  onCell?: (cell: CellResult, skipped: boolean) => void;
  /** Progress inside the current cell. */
  onStep?: (p: Progress) => void;
  /** One-line messages (stage starts, choices). */
  log?: (line: string) => void;
  /** Runs the cells elsewhere (a job queue); default: here, one after another. */
  executor?: CellExecutor;
  /** Run only the i-th of N shares of each stage's cells (array jobs; `diffpir merge` joins the files). */
  shard?: SweepShard;
  /** Earlier sweeps with the same control, corpus and settings whose control cells are taken instead of computed (reuse.ts). */
  reuseControl?: { name: string; results: SweepResults }[];
}

/** What the engine hands an executor: a stage's missing cells, the baseline cell, or features to fill the cache with first. */
export type CellBatch =
  | { kind: 'cells'; stage: Stage; keys: CellKey[]; fingerprint: Record<string, unknown> }
  | { kind: 'baseline'; id: string; fingerprint: Record<string, unknown> }
  | { kind: 'features'; sigma: number; taps: string[]; pooled: boolean; roles: ModelRole[]; fingerprint: Record<string, unknown> };

/**
 * Runs a batch of cells anywhere (in any order, in parallel) and hands each finished cell to
 * `record` (which saves the results file); resolves when the batch is done, throws a LabError
 * naming the cells that failed.
 */
export interface CellExecutor {
  run(batch: CellBatch, record: (cell: CellResult) => Promise<void>): Promise<void>;
}

/** Whether a stage's index-th cell belongs to the shard (the baseline cell is shard 0's). */
export function inShard(shard: SweepShard | undefined, index: number): boolean {
  return !shard || index % shard.count === shard.index;
}

export async function runSweep(env: SweepEnv, settings: SweepSettings, opts: SweepRunOptions = {}): Promise<SweepResults> {
  const runStart = performance.now();
  const { subject, control, corpus } = env;
  if (control && control.config !== subject.config && JSON.stringify(control.config) !== JSON.stringify(subject.config)) {
    throw new LabError(`sweep: the control ${control.id} has another config than ${subject.id}`);
  }
  for (const s of ['train', 'validation', 'test'] as const) {
    if (!corpus.clips.some((c) => c.split === s)) throw new LabError(`sweep: corpus ${corpus.id} has no ${s} clips`);
  }
  const taps = stageTaps(subject.config, settings.stage1Tap);
  const fingerprint = sweepFingerprint(settings, subject, control, corpus, env.baseline?.name);
  const stored = await env.store.load();
  const results = stored === undefined
    ? newResults(fingerprint, settings, subject, control, corpus, taps, tf.getBackend())
    : resumeResults(stored, fingerprint, env.store.name);
  results.settings = settings;
  if (opts.shard && results.shard && (results.shard.index !== opts.shard.index || results.shard.count !== opts.shard.count)) {
    throw new LabError(`${env.store.name} holds shard ${results.shard.index}/${results.shard.count}, this run is shard ${opts.shard.index}/${opts.shard.count}; give another --out`);
  }
  // A shard file made from an earlier stage's file carries that file's wall time; remember it, so merge counts it once.
  if (opts.shard && !results.shard && stored !== undefined) results.seedWallSeconds = results.wallSeconds;
  if (opts.shard) results.shard = { index: opts.shard.index, count: opts.shard.count };
  else {
    delete results.shard;
    delete results.seedWallSeconds;
  }
  const wallBefore = results.wallSeconds;
  const roles: ModelRole[] = control ? ['subject', 'control'] : ['subject'];
  const extractors = new Map<ModelRole, FeatureExtractor>();
  const extractorOf = (role: ModelRole) => {
    let ex = extractors.get(role);
    if (!ex) extractors.set(role, (ex = new FeatureExtractor(role === 'subject' ? subject : control!, env.cache)));
    return ex;
  };
  const save = async () => {
    results.choices = chooseStages(results.cells, settings, taps);
    orderCells(results);
    results.updated = new Date().toISOString();
    results.backend = tf.getBackend();
    results.wallSeconds = wallBefore + (performance.now() - runStart) / 1000;
    await env.store.save(results);
  };
  const done = new Map(results.cells.map((c) => [c.id, c]));
  // Prefetching covers the outside sets' clips too, so each tap's cell reads them from the cache.
  const prefetchClips = [...corpus.clips, ...(corpus.outside ?? []).flatMap((o) => o.clips)];
  if (opts.reuseControl?.length && opts.shard) throw new LabError('--reuse-control goes with a whole sweep, not a --shard');
  // Cells of earlier sweeps this one may take instead of computing them (only those it plans).
  const pool = new Map<string, { cell: CellResult; from: string }>();
  for (const r of opts.reuseControl ?? []) {
    for (const cell of reusableControlCells(r.results, fingerprint, control, r.name)) if (!pool.has(cell.id)) pool.set(cell.id, { cell, from: r.name });
  }
  const adopt = async (ids: string[]) => {
    const taken = ids.filter((id) => !done.has(id) && pool.has(id)).map((id) => pool.get(id)!);
    for (const { cell, from } of taken) {
      putCell(results, cell);
      done.set(cell.id, cell);
      const note = `cell ${cell.id} taken from ${from} (same control weights, corpus and settings)`;
      if (!results.notes.includes(note)) results.notes.push(note);
    }
    if (taken.length > 0) {
      opts.log?.(`reused ${taken.length} cell${taken.length === 1 ? '' : 's'} of earlier sweeps (--reuse-control)`);
      await save();
    }
  };
  let cellIndex = 0;
  let planned = 0;
  const record = async (cell: CellResult) => {
    putCell(results, cell);
    done.set(cell.id, cell);
    await save();
    opts.onCell?.(cell, false);
  };
  const runCells = async (stage: Stage, all: CellKey[]) => {
    const keys = all.filter((_, i) => inShard(opts.shard, i));
    await adopt(keys.map(cellId));
    planned += keys.length;
    if (opts.executor) {
      const missing = keys.filter((k) => !done.has(cellId(k)));
      for (const key of keys) if (done.has(cellId(key))) opts.onCell?.(done.get(cellId(key))!, true);
      cellIndex += keys.length;
      if (missing.length > 0) {
        const wanted = new Set(missing.map(cellId));
        await opts.executor.run({ kind: 'cells', stage, keys: missing, fingerprint }, async (cell) => {
          if (wanted.delete(cell.id)) await record(cell);
        });
      }
      return;
    }
    for (const key of keys) {
      throwIfCancelled(opts.signal, 'sweep');
      const id = cellId(key);
      cellIndex++;
      opts.onProgress?.({ stage: 'sweep', done: cellIndex - 1, total: planned, detail: id });
      const old = done.get(id);
      if (old) {
        opts.onCell?.(old, true);
        continue;
      }
      await record(await runProbeCell(key, extractorOf(key.role), corpus, settings, { signal: opts.signal, onStep: opts.onStep }));
    }
  };
  /**
   * Fills the cache for several taps in one pass per model (the cells then read it), for the roles
   * that still have a missing cell among `keys` (a shard's share only, so shards do not repeat work).
   */
  const prefetch = async (sigma: number, tapList: string[], pooled: boolean, keys: CellKey[]) => {
    const mine = keys.filter((_, i) => inShard(opts.shard, i)).filter((k) => (k.head === 'mlp') === pooled);
    const needed = roles.filter((role) => mine.some((k) => k.role === role && !done.has(cellId(k))));
    if (opts.executor) {
      if (needed.length > 0) {
        opts.log?.(`features: ${needed.join(', ')} at sigma ${sigma}, ${tapList.join(', ')} (${pooled ? 'pooled' : 'maps'})`);
        await opts.executor.run({ kind: 'features', sigma, taps: tapList, pooled, roles: needed, fingerprint }, async () => {});
      }
      return;
    }
    for (const role of needed) {
      opts.log?.(`features: ${role} at sigma ${sigma}, ${tapList.join(', ')} (${pooled ? 'pooled' : 'maps'})`);
      await extractorOf(role).extract(prefetchClips, { sigma, taps: tapList, pooled, noiseSeed: settings.noiseSeed, window: settings.window },
        { batchSize: settings.batchSize, signal: opts.signal, onProgress: opts.onStep });
    }
  };

  try {
    if (env.baseline) {
      const id = `${BASELINE_CELL_PREFIX}${env.baseline.name}`;
      await adopt([id]);
      planned++;
      cellIndex++;
      if (done.has(id)) opts.onCell?.(done.get(id)!, true);
      else if (!inShard(opts.shard, 0)) planned--;
      else if (opts.executor) {
        opts.log?.(`baseline: ${env.baseline.name}`);
        await opts.executor.run({ kind: 'baseline', id, fingerprint }, async (cell) => {
          if (cell.id === id) await record(cell);
        });
      } else {
        opts.log?.(`baseline: ${env.baseline.name}`);
        const outcome = await env.baseline.run(corpus, { seed: settings.probeSeed, signal: opts.signal, onProgress: opts.onStep });
        await record(baselineCell(outcome, id, env.baseline.name, corpus.id));
      }
    } else if (!results.notes.some((n) => n.startsWith('baseline'))) {
      results.notes.push('baseline: no Han CNN runner was given, so no baseline figures');
    }
    if (settings.stages.includes(1)) {
      opts.log?.(`stage 1: sigma in {${settings.sigmas.join(', ')}}, MLP at ${taps.stage1Tap}`);
      await runCells(1, stage1Cells(settings, taps.stage1Tap, roles));
    }
    results.choices = chooseStages(results.cells, settings, taps);
    if (settings.stages.includes(2)) {
      const sigma = requireSigma(results.choices, 2);
      opts.log?.(`stage 2: sigma ${sigma} (${results.choices.sigma!.by}), taps ${taps.stage2Taps.join(', ')}`);
      const cells = stage2Cells(sigma, taps.stage2Taps, roles);
      await prefetch(sigma, taps.stage2Taps, true, cells);
      await runCells(2, cells);
    }
    results.choices = chooseStages(results.cells, settings, taps);
    if (settings.stages.includes(3)) {
      const sigma = requireSigma(results.choices, 3);
      const tap = requireTap(results.choices);
      opts.log?.(`stage 3: heads ${settings.heads.join(', ')} at sigma ${sigma}, ${tap}`);
      const cells = stage3Cells(sigma, tap, settings.heads, roles);
      if (settings.heads.some((h) => h !== 'mlp')) await prefetch(sigma, [tap], false, cells);
      await runCells(3, cells);
    }
    await save();
    return results;
  } finally {
    for (const ex of extractors.values()) ex.dispose();
  }
}

/** The results file's cell of a baseline run. */
export function baselineCell(outcome: CellOutcome, id: string, name: string, corpusId: string): CellResult {
  return { ...outcome, id, kind: 'baseline', role: 'baseline', sigma: null, tap: null, head: name, corpus: corpusId, finishedAt: new Date().toISOString() };
}
