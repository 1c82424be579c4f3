// FeatureExtractor: clips -> per-window tap features at one sigma, batched across clips, cached
// by content. For each clip: content hash -> cache keys (one per tap) -> hits are returned as
// stored; a clip missing any tap is read, turned into a normalised log-mel, cut into windows,
// noised with seeded noise and run through the U-Net with its windows batched with other clips'.
import { logMel } from '../audio/mel.ts';
import { MEL_CONFIG } from '../audio/config.ts';
import { LabError, check } from '../common/errors.ts';
import { throwIfCancelled } from '../common/progress.ts';
import { createUNet, type UNet } from '../unet/model.ts';
import { featureKey, type CachedFeatures, type FeatureCache } from './cache.ts';
import { checkMelModel, forwardBatch, tapFeatureShape, type BatchWindow } from './forward-batch.ts';
import { hashFloat32 } from './hash.ts';
import { normaliseLogMel } from './mel-norm.ts';
import type { ModelSource } from './model-source.ts';
import type { ClipFeatures, ClipInput, ExtractOptions, ExtractStats, FeatureRequest } from './extract-types.ts';
import { windowNoise } from './noise.ts';
import { checkWindowSpec, clipWindows, DEFAULT_WINDOW, windowSlice, type WindowSpec } from './windows.ts';

export type { ClipFeatures, ClipInput, ExtractOptions, ExtractStats, FeatureRequest };

interface Pending {
  index: number;
  clip: ClipInput;
  hash: string;
  keys: string[];
  windows: number;
  done: number;
  data: Float32Array[];
}

/** Content hashes of the clip objects seen so far (any extractor), so a clip is hashed once. */
const knownHashes = new WeakMap<ClipInput, string>();

export class FeatureExtractor {
  private unet: UNet | undefined;
  readonly nMels = MEL_CONFIG.nMels;
  stats: ExtractStats = { clips: 0, cachedClips: 0, computedWindows: 0, seconds: 0 };

  constructor(readonly model: ModelSource, readonly cache: FeatureCache) {
    checkMelModel(model.config, this.nMels);
  }

  /** Per-window feature shape of a tap for this model and window. */
  shapeOf(tap: string, pooled: boolean, window: WindowSpec = DEFAULT_WINDOW): number[] {
    return tapFeatureShape(this.model.config, tap, this.nMels, window.frames, pooled);
  }

  /** Features of `clips` (in order) for `request`. */
  async extract(clips: readonly ClipInput[], request: FeatureRequest, opts: ExtractOptions = {}): Promise<ClipFeatures[]> {
    const started = performance.now();
    const window = request.window ?? DEFAULT_WINDOW;
    checkWindowSpec(window);
    check(Number.isFinite(request.sigma) && request.sigma >= 0 && request.sigma <= 1, `features: sigma ${request.sigma} must be in [0, 1]`);
    check(request.taps.length > 0, 'features: no taps requested');
    const taps = [...new Set(request.taps)];
    const shapes = taps.map((t) => this.shapeOf(t, request.pooled, window));
    const per = shapes.map((s) => s.reduce((a, b) => a * b, 1));
    const batchSize = Math.max(1, opts.batchSize ?? 8);
    const results: ClipFeatures[] = new Array(clips.length);
    const queue: { p: Pending; w: number; win: BatchWindow }[] = [];
    let finished = 0;
    const progress = () =>
      opts.onProgress?.({ stage: 'extracting features', done: finished, total: clips.length, detail: `sigma ${request.sigma}, ${taps.join(' ')}` });

    const flush = async () => {
      if (queue.length === 0) return;
      throwIfCancelled(opts.signal, 'feature extraction');
      const batch = queue.splice(0, queue.length);
      const out = await forwardBatch(this.unet!, batch.map((b) => b.win), request.sigma, taps, request.pooled, this.nMels);
      this.stats.computedWindows += batch.length;
      batch.forEach(({ p, w }, b) => {
        taps.forEach((tap, ti) => p.data[ti].set(out.get(tap)!.subarray(b * per[ti], (b + 1) * per[ti]), w * per[ti]));
        p.done++;
      });
      for (const p of new Set(batch.map((b) => b.p))) {
        if (p.done < p.windows) continue;
        const entries = new Map(taps.map((tap, ti) => [tap, { shape: shapes[ti], windows: p.windows, data: p.data[ti] }]));
        for (const [ti, tap] of taps.entries()) await this.cache.set(p.keys[ti], entries.get(tap)!);
        results[p.index] = { id: p.clip.id, contentHash: p.hash, taps: entries, cached: false };
        finished++;
        progress();
      }
    };

    for (const [index, clip] of clips.entries()) {
      throwIfCancelled(opts.signal, 'feature extraction');
      let samples: Float32Array | undefined;
      const hash = clip.contentHash ?? knownHashes.get(clip) ?? (await hashFloat32((samples = await this.readClip(clip))));
      knownHashes.set(clip, hash);
      const keys = await Promise.all(taps.map((tap) => featureKey({
        modelHash: this.model.hash, clipHash: hash, sigma: request.sigma, tap,
        noiseSeed: request.noiseSeed, window, pooled: request.pooled,
      })));
      const hits = await Promise.all(keys.map((k) => this.cache.get(k)));
      if (hits.every((h, i) => h && sameShape(h.shape, shapes[i]))) {
        results[index] = { id: clip.id, contentHash: hash, taps: new Map(taps.map((t, i) => [t, hits[i]!])), cached: true };
        this.stats.cachedClips++;
        finished++;
        progress();
        continue;
      }
      samples ??= await this.readClip(clip);
      const mel = logMel(samples);
      const norm = normaliseLogMel(mel.logMel, this.nMels, this.model.melNorm);
      const spans = clipWindows(mel.frames, window);
      const p: Pending = { index, clip, hash, keys, windows: spans.length, done: 0, data: per.map((n) => new Float32Array(n * spans.length)) };
      this.unet ??= createUNet(this.model.config, this.model.weights);
      for (const [w, span] of spans.entries()) {
        const slice = windowSlice(norm, this.nMels, span, this.model.melNorm);
        queue.push({ p, w, win: { mel: slice, noise: windowNoise(request.noiseSeed, hash, span.start, slice.length) } });
        if (queue.length >= batchSize) await flush();
      }
    }
    await flush();
    this.stats.clips += clips.length;
    this.stats.seconds += (performance.now() - started) / 1000;
    return results;
  }

  private async readClip(clip: ClipInput): Promise<Float32Array> {
    const s = await clip.read();
    if (!(s instanceof Float32Array) || s.length === 0) throw new LabError(`clip ${clip.id}: no samples`);
    return s;
  }

  /** Frees the U-Net's tensors (the extractor can be used again; it rebuilds them). */
  dispose(): void {
    this.unet?.dispose();
    this.unet = undefined;
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
