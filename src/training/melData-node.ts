// A corpus folder's split as raw log-mel clips for training and evaluation (Node).
import { logMel } from '../audio/mel.ts';
import { LabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import { clipsOf } from '../corpus/manifest.ts';
import { loadManifest, readClipSamples } from '../corpus/manifest-node.ts';
import type { Split } from '../corpus/types.ts';
import type { MelClip } from './melData.ts';

/** Every clip of `split` in the corpus folder, as raw log-mel spectrograms. */
/** withMulti: the multi-label training set (recorded-recipe corpora) joins the training split. */
export async function loadSplitMels(corpusDir: string, split: Split, opts: JobOptions & { limit?: number; withMulti?: boolean } = {}): Promise<MelClip[]> {
  const manifest = loadManifest(corpusDir);
  const records = clipsOf(manifest, split, { withMulti: opts.withMulti }).slice(0, opts.limit ?? Infinity);
  if (records.length === 0) throw new LabError(`corpus ${corpusDir}: no ${split} clips in manifest.json`);
  const out: MelClip[] = [];
  for (const [i, clip] of records.entries()) {
    throwIfCancelled(opts.signal, 'loading mels');
    const lm = logMel(await readClipSamples(corpusDir, manifest, clip));
    out.push({ id: clip.id, mel: lm.logMel, frames: lm.frames });
    opts.onProgress?.({ stage: `computing ${split} log-mels`, done: i + 1, total: records.length });
  }
  return out;
}
