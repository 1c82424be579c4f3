// Node side of the leave-one-source-out evaluation (`diffpir loso`): for each fold of loso.ts, a
// Han CNN trained (trainHan, the train-baseline code) on the clips that do not use the source and
// scored (scoreHanSplit) on the clips the source leads. Each finished fold is written to
// <out>/folds/<source>.json at once; a re-run with the same corpus and settings keeps those and
// trains only the rest (other settings in the same folder are refused). Folds with the same
// training set share one model. Ends with <out>/loso.json and <out>/loso.md (the table).
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { logMel } from '../audio/mel.ts';
import { LabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import { corpusIdentity } from '../corpus/content-id.ts';
import { loadManifest, readClipSamples } from '../corpus/manifest-node.ts';
import { stableJson } from '../features/hash.ts';
import type { EpochReport, FitSettings } from '../probes/fit.ts';
import { resolveCorpusDir } from '../training/corpusDir.ts';
import type { HanModel } from './han.ts';
import { losoTable, mixedClips, planLoso, type LosoFold, type LosoFoldResult } from './loso.ts';
import type { HanConfig } from './model.ts';
import { scoreHanSplit } from './score-han.ts';
import { HAN_FIT, trainHan } from './train.ts';
import type { MelClipLabelled } from './windows.ts';

export interface LosoOptions {
  /** Corpus folder or preset name (rendered into .cache/corpus/ once). */
  corpus: string;
  out: string;
  corpusSeed?: number;
  sources?: string[];
  maxClips?: number;
  /** Validation clips per class (default: maxClips). */
  maxValidation?: number;
  withMulti?: boolean;
  settings?: Partial<FitSettings>;
  /** Architecture overrides (tests use small filters); the paper's by default. */
  config?: Partial<HanConfig>;
}

export interface LosoFoldEvent {
  index: number;
  total: number;
  source: string;
  status: 'start' | 'done' | 'kept';
  result?: LosoFoldResult;
}

export interface LosoJob extends JobOptions {
  onFold?: (e: LosoFoldEvent) => void;
  onEpoch?: (e: EpochReport & { source: string }) => void;
}

/** What must match for a stored fold to be kept. */
interface LosoRunKey {
  corpusContent: string;
  settings: FitSettings;
  maxClips: number | null;
  maxValidation: number | null;
  withMulti: boolean;
  config: Partial<HanConfig>;
}

export interface LosoRun {
  format: 'diffpir-loso';
  version: 1;
  corpus: string;
  corpusDir: string;
  corpusId: string;
  run: LosoRunKey;
  /** Clips whose labelled parts come from several sources (scored in no fold). */
  mixedClips: number;
  folds: LosoFoldResult[];
  /** Seconds of this invocation, and the sum over the folds as they were computed (resumed runs included). */
  wallSeconds: number;
  foldSeconds: number;
}

const foldFile = (out: string, source: string) => path.join(out, 'folds', `${source.replace(/[^A-Za-z0-9_.-]+/g, '_')}.json`);

async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

async function readStoredFold(file: string, run: LosoRunKey): Promise<LosoFoldResult | undefined> {
  if (!existsSync(file)) return undefined;
  let stored: { run?: unknown; result?: LosoFoldResult };
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as typeof stored;
  } catch {
    return undefined; // unreadable (interrupted write): compute the fold again
  }
  if (stableJson(stored.run) !== stableJson(run)) {
    throw new LabError(`${file} holds a fold made with other settings or another corpus (${stableJson(stored.run)}); use another --out or delete it`);
  }
  return stored.result;
}

export async function runLoso(o: LosoOptions, job: LosoJob = {}): Promise<LosoRun> {
  const t0 = performance.now();
  const corpusDir = await resolveCorpusDir(o.corpus, { seed: o.corpusSeed, signal: job.signal, onProgress: job.onProgress });
  const manifest = loadManifest(corpusDir);
  const identity = await corpusIdentity(manifest, path.basename(path.resolve(corpusDir)));
  const folds = planLoso(manifest, { sources: o.sources, maxClips: o.maxClips, maxValidation: o.maxValidation, withMulti: o.withMulti });
  const settings: FitSettings = { ...HAN_FIT, ...o.settings };
  const run: LosoRunKey = {
    corpusContent: identity.contentId, settings, maxClips: o.maxClips ?? null, maxValidation: o.maxValidation ?? o.maxClips ?? null,
    withMulti: o.withMulti === true, config: o.config ?? {},
  };
  const classes = [...manifest.classes];
  const records = new Map(manifest.clips.map((c) => [c.id, c]));
  const mels = new Map<string, MelClipLabelled>();
  const melsOf = async (ids: readonly string[], stage: string): Promise<MelClipLabelled[]> => {
    const out: MelClipLabelled[] = [];
    for (const [i, id] of ids.entries()) {
      throwIfCancelled(job.signal, 'loso');
      let m = mels.get(id);
      if (!m) {
        const rec = records.get(id)!;
        const lm = logMel(await readClipSamples(corpusDir, manifest, rec));
        const labels = new Uint8Array(classes.length);
        for (const l of rec.labels) labels[classes.indexOf(l)] = 1;
        mels.set(id, (m = { id, mel: lm.logMel, frames: lm.frames, labels }));
      }
      out.push(m);
      job.onProgress?.({ stage, done: i + 1, total: ids.length });
    }
    return out;
  };

  const results: LosoFoldResult[] = [];
  // In fold order, so a refusal always names the first stale fold (Promise.all would name whichever read finished first).
  const stored: (LosoFoldResult | undefined)[] = [];
  for (const f of folds) stored.push(await readStoredFold(foldFile(o.out, f.source), run));
  // A model is kept while a later fold still needs the same training set.
  const models = new Map<string, { model: HanModel; source: string }>();
  const stillNeeded = (key: string, from: number) => folds.some((f, j) => j >= from && !stored[j] && f.trainingKey === key);
  try {
    for (const [i, fold] of folds.entries()) {
      const ev = { index: i + 1, total: folds.length, source: fold.source };
      if (stored[i]) {
        results.push(stored[i]!);
        job.onFold?.({ ...ev, status: 'kept', result: stored[i] });
        continue;
      }
      job.onFold?.({ ...ev, status: 'start' });
      const result = await runFold(fold, i, folds.length);
      await writeAtomic(foldFile(o.out, fold.source), JSON.stringify({ format: 'diffpir-loso-fold', version: 1, run, result }, null, 1) + '\n');
      results.push(result);
      job.onFold?.({ ...ev, status: 'done', result });
      for (const [key, m] of models) {
        if (!stillNeeded(key, i + 1)) {
          m.model.dispose();
          models.delete(key);
        }
      }
    }
  } finally {
    for (const m of models.values()) m.model.dispose();
  }

  async function runFold(fold: LosoFold, i: number, n: number): Promise<LosoFoldResult> {
    const started = performance.now();
    const tag = `fold ${i + 1}/${n} (${fold.source})`;
    if (fold.train.length === 0 || fold.validation.length === 0) {
      throw new LabError(`loso: without ${fold.source} no ${fold.train.length === 0 ? 'training' : 'validation'} clips are left (every one uses it)`);
    }
    let shared = models.get(fold.trainingKey);
    let epochs = 0, bestEpoch = 0, trainSeconds = 0;
    if (!shared) {
      const train = await melsOf(fold.train, `${tag}: log-mels (train)`);
      const validation = await melsOf(fold.validation, `${tag}: log-mels (validation)`);
      const model = await trainHan({ classes, train, validation, settings, config: o.config }, {
        signal: job.signal, onProgress: job.onProgress, onEpoch: (e) => job.onEpoch?.({ ...e, source: fold.source }),
      });
      shared = { model, source: fold.source };
      models.set(fold.trainingKey, shared);
    }
    const m = shared.model.meta.metrics;
    epochs = m.epochs.length;
    bestEpoch = m.bestEpoch;
    trainSeconds = m.trainSeconds;
    const scored = await melsOf(fold.scored, `${tag}: log-mels (scored)`);
    const score = await scoreHanSplit(shared.model, classes, scored, 'test');
    const support = Object.fromEntries(score.report.classes.filter((c) => c.support > 0).map((c) => [c.code, c.support]));
    return {
      source: fold.source, trainClips: fold.train.length, validationClips: fold.validation.length, excluded: fold.excluded,
      scoredBy: fold.scoredBy, support, report: score.report,
      validationF1: { micro: m.validation.microF1, macro: m.validation.macroF1 }, threshold: [...shared.model.meta.threshold.values],
      epochs, bestEpoch, trainSeconds, seconds: (performance.now() - started) / 1000,
      ...(shared.source !== fold.source ? { sharedModelWith: shared.source } : {}),
    };
  }

  const summary: LosoRun = {
    format: 'diffpir-loso', version: 1, corpus: o.corpus, corpusDir, corpusId: identity.id, run,
    mixedClips: mixedClips(manifest), folds: results,
    wallSeconds: (performance.now() - t0) / 1000, foldSeconds: results.reduce((s, r) => s + r.seconds, 0),
  };
  await writeAtomic(path.join(o.out, 'loso.json'), JSON.stringify(summary, null, 1) + '\n');
  await writeAtomic(path.join(o.out, 'loso.md'), losoMarkdown(summary));
  return summary;
}

/** The run as markdown: settings, then the table. */
export function losoMarkdown(r: LosoRun): string {
  const s = r.run.settings;
  return [
    `# Leave-one-source-out: Han CNN on ${r.corpusId}`,
    '',
    `Settings: ${s.epochs} epochs at most (patience ${s.patience}), batch ${s.batchSize}, lr ${s.learningRate}, seed ${s.seed}` +
      `${r.run.maxClips !== null ? `, at most ${r.run.maxClips} training clips per class` : ''}` +
      `${r.run.maxValidation !== null ? `, at most ${r.run.maxValidation} validation clips per class` : ''}` +
      `${r.run.withMulti ? ', multi-label set trained on' : ''}.`,
    `Folds: ${r.folds.length}; clips led by several sources (scored in no fold): ${r.mixedClips}; ` +
      `fold time ${r.foldSeconds.toFixed(0)} s in all (this invocation ${r.wallSeconds.toFixed(0)} s wall).`,
    '',
    losoTable(r.folds),
    '',
  ].join('\n');
}
