// Where a training/evaluation corpus comes from: a corpus folder (with manifest.json), or a
// preset name of the corpus part (tiny, small, full), rendered once into .cache/corpus/<preset>-seed<N>
// by renderCorpus (which resumes an interrupted render and skips clips already there).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { DEFAULT_SEED, renderCorpus } from '../corpus/corpus-node.ts';
import { manifestPath } from '../corpus/manifest-node.ts';
import { PRESETS } from '../corpus/plan.ts';

export const CORPUS_CACHE_DIR = path.join('.cache', 'corpus');

/** The folder of a rendered preset in the cache. */
export function presetCorpusDir(preset: string, seed = DEFAULT_SEED): string {
  return path.join(CORPUS_CACHE_DIR, `${preset}-seed${seed}`);
}

/** A corpus folder for `dirOrPreset`, rendering a preset into the cache first when needed. */
export async function resolveCorpusDir(dirOrPreset: string, opts: JobOptions & { seed?: number } = {}): Promise<string> {
  if (existsSync(dirOrPreset) && statSync(dirOrPreset).isDirectory()) {
    if (!existsSync(manifestPath(dirOrPreset))) throw new LabError(`corpus ${dirOrPreset}: no manifest.json (not a corpus folder)`);
    return dirOrPreset;
  }
  if (!(dirOrPreset in PRESETS)) {
    throw new LabError(`corpus "${dirOrPreset}": not a folder and not a preset (presets: ${Object.keys(PRESETS).join(', ')})`);
  }
  const dir = presetCorpusDir(dirOrPreset, opts.seed);
  await renderCorpus(dirOrPreset, { out: dir, seed: opts.seed, onProgress: opts.onProgress, signal: opts.signal });
  return dir;
}
