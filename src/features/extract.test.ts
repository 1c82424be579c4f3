// Feature extraction on a tiny random-init U-Net: shapes, caching (memory and disk), seeded
// determinism, batching independence, windows for long clips, and no tensor leak.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { initNodeBackend } from '../compute/node.ts';
import { paperProbeSites } from '../unet/taps.ts';
import { MemoryFeatureCache, NO_CACHE, type CachedFeatures, type FeatureCache } from './cache.ts';
import { DiskFeatureCache } from './cache-node.ts';
import { FeatureExtractor, type FeatureRequest } from './extract.ts';
import { extractLabelledFeatures } from './dataset.ts';
import { controlFor, resolveModel, TINY_CONFIG, type ModelSource } from './model-source.ts';
import { memoryClips, toneClip } from './test-helpers.ts';

const noFolders = async () => {
  throw new Error('no folders in this test');
};

class CountingCache implements FeatureCache {
  readonly name = 'counting';
  gets = 0;
  sets = 0;
  constructor(readonly inner: FeatureCache = new MemoryFeatureCache()) {}
  async get(k: string) {
    this.gets++;
    return this.inner.get(k);
  }
  async set(k: string, v: CachedFeatures) {
    this.sets++;
    return this.inner.set(k, v);
  }
}

describe('features [wasm]', () => {
  let model: ModelSource;
  const sites = paperProbeSites(TINY_CONFIG);
  const taps = [sites.bottleneck[1], sites.finalDown];
  const { clips, reads } = memoryClips([
    { id: 'a', labels: ['pia'], samples: toneClip(3, 440, 1) },
    { id: 'b', labels: ['vio', 'flu'], samples: toneClip(7, 880, 2) },
  ]);
  const request: FeatureRequest = { sigma: 0.2, taps, pooled: true, noiseSeed: 3 };

  beforeAll(async () => {
    await initNodeBackend('wasm');
    model = await resolveModel('random-init:tiny', noFolders);
  });

  it('resolves random-init models with a stable hash, and a control of the same config', async () => {
    expect(model.id).toBe('random-init:tiny');
    expect(model.config).toEqual(TINY_CONFIG);
    const again = await resolveModel('random-init:tiny', noFolders);
    expect(again.hash).toBe(model.hash);
    const other = await resolveModel('random-init:tiny@5', noFolders);
    expect(other.hash).not.toBe(model.hash);
    expect(await controlFor(model)).toBe(model);
  });

  it('gives pooled [C] and full [C, H, W] features, one row per window', async () => {
    const ex = new FeatureExtractor(model, NO_CACHE);
    const pooled = await ex.extract(clips, request);
    expect(pooled[0].taps.get(taps[0])!.shape).toEqual([16]);
    expect(pooled[0].taps.get(taps[0])!.windows).toBe(1);
    expect(pooled[1].taps.get(taps[0])!.windows).toBe(4); // 350 frames: 0, 76, 152, 198
    expect(pooled[1].taps.get(taps[1])!.shape).toEqual([8]);
    const full = await ex.extract(clips, { ...request, pooled: false });
    expect(full[0].taps.get(taps[0])!.shape).toEqual([16, 16, 19]);
    expect(full[0].taps.get(taps[1])!.shape).toEqual([8, 32, 38]);
    // pooling the full maps gives the pooled features
    const map = full[1].taps.get(taps[0])!;
    const hw = 16 * 19;
    for (const c of [0, 7, 15]) {
      let s = 0;
      for (let i = 0; i < hw; i++) s += map.data[3 * 16 * hw + c * hw + i];
      expect(s / hw).toBeCloseTo(pooled[1].taps.get(taps[0])!.data[3 * 16 + c], 4);
    }
    ex.dispose();
  });

  it('caches by content: the second call reads nothing, computes nothing and returns the same values', async () => {
    const cache = new CountingCache();
    const ex = new FeatureExtractor(model, cache);
    const first = await ex.extract(clips, request);
    expect(ex.stats.computedWindows).toBe(5);
    expect(cache.sets).toBe(4);
    const withHashes = clips.map((c, i) => ({ ...c, contentHash: first[i].contentHash }));
    reads.clear();
    const second = await ex.extract(withHashes, request);
    expect(ex.stats.computedWindows).toBe(5);
    expect(reads.size).toBe(0);
    expect(second.every((c) => c.cached)).toBe(true);
    expect(second[1].taps.get(taps[0])!.data).toEqual(first[1].taps.get(taps[0])!.data);
    // the same clip objects without hashes: their hashes are remembered, so still no read
    await ex.extract(clips, request);
    expect(reads.size).toBe(0);
    // another sigma, seed or pooling is another key
    await ex.extract(withHashes, { ...request, sigma: 0.5 });
    await ex.extract(withHashes, { ...request, noiseSeed: 4 });
    expect(ex.stats.computedWindows).toBe(15);
    ex.dispose();
  });

  it('keys by content, not by name: a model of the same config, normalisation and weights under another id reads the cache', async () => {
    const cache = new CountingCache();
    const first = new FeatureExtractor(model, cache);
    await first.extract(clips, request);
    expect(first.stats.computedWindows).toBe(5);
    const renamed = new FeatureExtractor({ ...model, id: 'random-init:another-model' }, cache);
    const again = await renamed.extract(clips, request);
    expect(renamed.stats.computedWindows).toBe(0);
    expect(again.every((c) => c.cached)).toBe(true);
    const seed5 = new FeatureExtractor(await resolveModel('random-init:tiny@5', noFolders), cache);
    await seed5.extract(clips, request);
    expect(seed5.stats.computedWindows).toBe(5); // other weights: other keys
    [first, renamed, seed5].forEach((e) => e.dispose());
  });

  it('is deterministic for a noise seed, differs across seeds, and does not depend on the batch size', async () => {
    const a = await new FeatureExtractor(model, NO_CACHE).extract(clips, request, { batchSize: 8 });
    const b = await new FeatureExtractor(model, NO_CACHE).extract(clips, request, { batchSize: 1 });
    const c = await new FeatureExtractor(model, NO_CACHE).extract(clips, { ...request, noiseSeed: 9 });
    const va = a[1].taps.get(taps[0])!.data;
    const vb = b[1].taps.get(taps[0])!.data;
    for (let i = 0; i < va.length; i++) expect(vb[i]).toBeCloseTo(va[i], 4);
    expect(c[1].taps.get(taps[0])!.data).not.toEqual(va);
  });

  it('stores entries on disk so a new process resumes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'diffpir-features-'));
    try {
      const ex1 = new FeatureExtractor(model, new DiskFeatureCache(dir));
      const first = await ex1.extract(clips, request);
      ex1.dispose();
      const ex2 = new FeatureExtractor(model, new DiskFeatureCache(dir));
      const again = await ex2.extract(clips, request);
      expect(ex2.stats.computedWindows).toBe(0);
      expect(again[1].taps.get(taps[1])!.data).toEqual(first[1].taps.get(taps[1])!.data);
      ex2.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('builds labelled window features per tap and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const ex = new FeatureExtractor(model, NO_CACHE);
    const sets = await extractLabelledFeatures(ex, clips, ['flu', 'pia', 'vio'], request);
    ex.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const f = sets.get(taps[0])!;
    expect(f.count).toBe(5);
    expect(f.clipIds).toEqual(['a', 'b', 'b', 'b', 'b']);
    expect(Array.from(f.labels.subarray(0, 6))).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('stops with CancelledError when the signal aborts', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(new FeatureExtractor(model, NO_CACHE).extract(clips, request, { signal: ctl.signal })).rejects.toThrow(/cancelled/);
  });
});
