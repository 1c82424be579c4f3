// The data of a diffusion training run in Node: the training clips of one or more corpora
// (folders or presets; e.g. Model 0 pre-trains on the recorded and the SoundFont corpus together),
// with or without the multi-label set, and validation clips spread evenly over the corpora.
import path from 'node:path';
import type { JobOptions } from '../common/progress.ts';
import { loadManifest } from '../corpus/manifest-node.ts';
import { resolveCorpusDir } from './corpusDir.ts';
import type { MelClip } from './melData.ts';
import { loadSplitMels } from './melData-node.ts';
import { portablePath } from '../common/portable-path.ts';

export interface TrainCorpusInfo {
  /** As given (a preset name or a folder), never resolved to an absolute path. */
  source: string;
  preset?: string;
  seed?: number;
  trainClips: number;
  validationClips: number;
}

export interface TrainData {
  train: MelClip[];
  validation: MelClip[];
  corpora: TrainCorpusInfo[];
}

/** `n` items spread evenly over `items` (all of them when n >= length), deterministic. */
export function spreadPick<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

/** Reads every corpus; `validationClips` are taken evenly from each corpus's validation split in turn. */
export async function loadTrainData(
  corpora: readonly string[], opts: JobOptions & { withMulti?: boolean; trainLimit?: number; validationClips?: number } = {},
): Promise<TrainData> {
  const train: MelClip[] = [];
  const perCorpusVal: MelClip[][] = [];
  const info: TrainCorpusInfo[] = [];
  for (const source of corpora) {
    const dir = await resolveCorpusDir(source, { onProgress: opts.onProgress, signal: opts.signal });
    const manifest = loadManifest(dir);
    const t = await loadSplitMels(dir, 'train', { onProgress: opts.onProgress, signal: opts.signal, limit: opts.trainLimit, withMulti: opts.withMulti });
    const v = await loadSplitMels(dir, 'validation', { onProgress: opts.onProgress, signal: opts.signal });
    const tag = corpora.length > 1 ? `${path.basename(path.resolve(dir))}/` : '';
    train.push(...t.map((c) => ({ ...c, id: tag + c.id })));
    perCorpusVal.push(v.map((c) => ({ ...c, id: tag + c.id })));
    info.push({ source: portablePath(source), preset: manifest.preset, seed: manifest.seed, trainClips: t.length, validationClips: 0 });
  }
  const want = opts.validationClips ?? 64;
  const validation: MelClip[] = [];
  perCorpusVal.forEach((v, i) => {
    const share = Math.floor(want / corpora.length) + (i < want % corpora.length ? 1 : 0);
    const picked = spreadPick(v, share);
    info[i].validationClips = picked.length;
    validation.push(...picked);
  });
  return { train, validation, corpora: info };
}
