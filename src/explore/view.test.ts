// Explore's worker computations on a tiny random-init U-Net (WASM in Node): the view's shapes,
// x0 = input at sigma 0, maps strongest first and equal to the control's for the same weights,
// sampling's schedule and output, projection of pooled features, and no tensor leak.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../compute/node.ts';
import { MemoryFeatureCache } from '../features/cache.ts';
import { FeatureExtractor } from '../features/extract.ts';
import { randomInitModel, TINY_CONFIG, type ModelSource } from '../features/model-source.ts';
import { DEFAULT_MEL_NORMALISATION } from '../features/mel-norm.ts';
import { memoryClips, toneClip } from '../features/test-helpers.ts';
import { createUNet, type UNet } from '../unet/model.ts';
import { paperProbeSites } from '../unet/taps.ts';
import { pickProjectionClips, projectClips } from './projection.ts';
import { sampleMel, sampleSigmas } from './sample.ts';
import { controlMaps, modelView } from './view.ts';
import type { ClipRecord } from '../corpus/types.ts';

const nMels = 128;
const frames = 152;

describe('explore computations [wasm]', () => {
  let model: ModelSource;
  let unet: UNet;
  const mel = Float32Array.from({ length: nMels * frames }, (_, i) => Math.sin(i / 37) + ((i * 7) % 11) / 11 - 0.5);
  const noise = Float32Array.from({ length: nMels * frames }, (_, i) => Math.cos(i * 1.3));

  beforeAll(async () => {
    await initNodeBackend('wasm');
    model = await randomInitModel({ id: 'tiny', config: TINY_CONFIG, melNorm: DEFAULT_MEL_NORMALISATION });
    unet = createUNet(model.config, model.weights);
  });

  it('returns the noised window, x0 (= the input at sigma 0) and the strongest channels of the tap', async () => {
    const before = tf.memory().numTensors;
    const tap = paperProbeSites(TINY_CONFIG).bottleneck[1];
    const v = await modelView(unet, { mel, noise, nMels, sigma: 0, tap, topK: 5 });
    expect(v.noised.length).toBe(nMels * frames);
    let maxDiff = 0;
    for (let i = 0; i < mel.length; i++) maxDiff = Math.max(maxDiff, Math.abs(v.x0[i] - mel[i]), Math.abs(v.noised[i] - mel[i]));
    expect(maxDiff).toBeLessThan(1e-5);
    const m = v.maps!;
    expect(m.channels.length).toBe(5);
    expect(m.totalChannels).toBe(16);
    expect([m.height, m.width]).toEqual([16, 19]);
    for (let i = 1; i < 5; i++) expect(m.strength[i]).toBeLessThanOrEqual(m.strength[i - 1]);
    const c = await controlMaps(unet, { mel, noise, nMels, sigma: 0, tap, topK: 5 });
    expect(Array.from(c.channels)).toEqual(Array.from(m.channels));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('noises with alpha x + beta noise at sigma 0.5 and names an unknown tap', async () => {
    const v = await modelView(unet, { mel, noise, nMels, sigma: 0.5, tap: null, topK: 4 });
    const a = Math.cos(Math.PI / 4), b = Math.sin(Math.PI / 4);
    expect(v.noised[100]).toBeCloseTo(a * mel[100] + b * noise[100], 5);
    expect(v.maps).toBeNull();
    await expect(modelView(unet, { mel, noise, nMels, sigma: 0.5, tap: 'd9.up', topK: 4 })).rejects.toThrow(/unknown tap "d9.up"/);
  });

  it('samples with DDIM from sigma 1 to 0, deterministic for a seed', async () => {
    expect(sampleSigmas(4)).toEqual([1, 0.75, 0.5, 0.25, 0]);
    const before = tf.memory().numTensors;
    const steps: number[] = [];
    const a = await sampleMel(unet, { steps: 3, seed: 1, nMels, frames: 16 }, { onProgress: (p) => steps.push(p.done) });
    const b = await sampleMel(unet, { steps: 3, seed: 1, nMels, frames: 16 });
    expect(a.length).toBe(nMels * 16);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.every(Number.isFinite)).toBe(true);
    expect(steps).toEqual([1, 2, 3]);
    expect(tf.memory().numTensors).toBe(before);
    await expect(sampleMel(unet, { steps: 0, seed: 1, nMels, frames: 16 })).rejects.toThrow(/steps must be/);
  });

  it('projects pooled features of clips to 2D and picks single-label clips per class', async () => {
    const { clips } = memoryClips([
      { id: 'a', labels: ['pia'], samples: toneClip(3, 220, 1) },
      { id: 'b', labels: ['pia'], samples: toneClip(3, 230, 2) },
      { id: 'c', labels: ['vio'], samples: toneClip(3, 1760, 3) },
      { id: 'd', labels: ['vio'], samples: toneClip(3, 1800, 4) },
    ]);
    const ex = new FeatureExtractor(model, new MemoryFeatureCache());
    const tap = paperProbeSites(TINY_CONFIG).finalDown;
    const p = await projectClips(ex, clips, { sigma: 0.3, tap, seed: 2 });
    expect(p.points.length).toBe(8);
    expect(p.channels).toBe(8);
    expect(p.explained[0]).toBeGreaterThan(0);
    expect(p.hashes).toHaveLength(4);
    const again = await projectClips(ex, clips, { sigma: 0.3, tap, seed: 2 });
    expect(again.cachedClips).toBe(4);
    expect(Array.from(again.points)).toEqual(Array.from(p.points));
    ex.dispose();

    const rec = (id: string, split: ClipRecord['split'], labels: string[]) => ({ id, split, labels, file: `${id}.wav`, duration: 3, sampleRate: 16000 }) as ClipRecord;
    const manifest = [rec('t1', 'train', ['pia']), rec('t2', 'train', ['pia']), rec('t3', 'train', ['pia']), rec('v1', 'validation', ['vio']), rec('x1', 'test', ['vio']), rec('x2', 'train', ['vio', 'pia'])];
    expect(pickProjectionClips(manifest, 2, ['train', 'validation']).map((c) => c.id)).toEqual(['t1', 't2', 'v1']);
  });
});
