// The Explore page's 2D map of the corpus at one (sigma, tap): each clip's pooled tap features
// (per-window global averages, then the mean over the clip's windows) through the feature
// pipeline and its cache, projected on their first two principal components.
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import type { ClipRecord, Split } from '../corpus/types.ts';
import type { ClipInput, FeatureExtractor } from '../features/extract.ts';
import { pca } from './pca.ts';

/** Up to `perClass` single-label clips of each class from `splits`, in manifest order. */
export function pickProjectionClips(clips: readonly ClipRecord[], perClass: number, splits: readonly Split[]): ClipRecord[] {
  const count = new Map<string, number>();
  return clips.filter((c) => {
    if (!splits.includes(c.split) || c.labels.length !== 1) return false;
    const n = count.get(c.labels[0]) ?? 0;
    count.set(c.labels[0], n + 1);
    return n < perClass;
  });
}

/** Mean over windows of pooled features ([windows, C] -> [C]). */
export function meanOverWindows(data: Float32Array, windows: number): Float32Array {
  const c = data.length / windows;
  const out = new Float32Array(c);
  for (let w = 0; w < windows; w++) for (let j = 0; j < c; j++) out[j] += data[w * c + j] / windows;
  return out;
}

export interface Projection {
  points: Float32Array;
  explained: number[];
  channels: number;
  cachedClips: number;
  seconds: number;
  /** Each clip's content hash (pass it back as ClipInput.contentHash to skip reading on a cache hit). */
  hashes: string[];
}

/** Pooled features of `clips` at (sigma, tap) -> PCA 2D. */
export async function projectClips(
  extractor: FeatureExtractor, clips: readonly ClipInput[], req: { sigma: number; tap: string; seed: number }, opts: JobOptions = {},
): Promise<Projection> {
  if (clips.length < 3) throw new LabError(`projection: needs at least 3 clips, the corpus offers ${clips.length} (render more on the Data page)`);
  const t0 = performance.now();
  const before = extractor.stats.cachedClips;
  const feats = await extractor.extract(clips, { sigma: req.sigma, taps: [req.tap], pooled: true, noiseSeed: req.seed }, opts);
  const first = feats[0].taps.get(req.tap)!;
  const channels = first.shape[0];
  const matrix = new Float32Array(clips.length * channels);
  feats.forEach((f, i) => {
    const e = f.taps.get(req.tap)!;
    matrix.set(meanOverWindows(e.data, e.windows), i * channels);
  });
  const res = pca(matrix, clips.length, channels, 2);
  return {
    points: res.scores, explained: res.explained, channels,
    cachedClips: extractor.stats.cachedClips - before, seconds: (performance.now() - t0) / 1000,
    hashes: feats.map((f) => f.contentHash),
  };
}
