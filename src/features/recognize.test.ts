// recognize(): windows with times, class probabilities = mean of the windows, decisions at the
// probe's validation threshold on the aggregated score, and a refusal of another model's features.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../compute/node.ts';
import { trainProbe } from '../probes/train.ts';
import type { Probe } from '../probes/probe.ts';
import { NO_CACHE } from './cache.ts';
import { extractLabelledFeatures } from './dataset.ts';
import { FeatureExtractor } from './extract.ts';
import { resolveModel, type ModelSource } from './model-source.ts';
import { recognize } from './recognize.ts';
import { memoryClips, toneClip } from './test-helpers.ts';

const noFolders = async () => {
  throw new Error('no folders');
};

describe('recognize [wasm]', () => {
  let model: ModelSource;
  let probe: Probe;
  const classes = ['flu', 'pia', 'vio'];
  const hz: Record<string, number> = { flu: 1320, pia: 262, vio: 660 };

  beforeAll(async () => {
    await initNodeBackend('wasm');
    model = await resolveModel('random-init:tiny', noFolders);
    const make = (split: string, n: number) => memoryClips(classes.flatMap((c, ci) =>
      Array.from({ length: n }, (_, i) => ({ id: `${split}-${c}-${i}`, labels: [c], samples: toneClip(3, hz[c], 10 * ci + i + (split === 'v' ? 50 : 0)) })))).clips;
    const ex = new FeatureExtractor(model, NO_CACHE);
    const request = { sigma: 0.1, taps: ['d3.4.resnet'], pooled: true, noiseSeed: 0 };
    const train = (await extractLabelledFeatures(ex, make('t', 3), classes, request)).get('d3.4.resnet')!;
    const validation = (await extractLabelledFeatures(ex, make('v', 1), classes, request)).get('d3.4.resnet')!;
    ex.dispose();
    probe = await trainProbe({
      kind: 'mlp', classes, train, validation, settings: { epochs: 3 },
      featureSpec: { model: model.id, modelHash: model.hash, sigma: 0.1, tap: 'd3.4.resnet', pooled: true, shape: train.shape, noiseSeed: 0 },
    });
    return () => probe.dispose();
  });

  it('gives one entry per class, a timeline of windows and decisions at the threshold', async () => {
    const before = tf.memory().numTensors;
    const r = await recognize(toneClip(7, 660, 3), probe, model, { probeName: 'test probe' });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.instruments.map((i) => i.code)).toEqual(classes);
    expect(r.windows.map((w) => [w.start, w.end])).toEqual([[0, 3.04], [1.52, 4.56], [3.04, 6.08], [3.96, 7]]);
    expect(r.duration).toBe(7);
    for (const [c, inst] of r.instruments.entries()) {
      const mean = r.windows.reduce((s, w) => s + w.probabilities[classes[c]], 0) / r.windows.length;
      expect(inst.probability).toBeCloseTo(mean, 3);
      expect(inst.predicted).toBe(inst.score >= (r.threshold as number));
    }
    expect(Math.max(...r.instruments.map((i) => i.score))).toBe(1);
    expect(r).toMatchObject({ model: 'random-init:tiny', probe: 'test probe', decision: 'model-rule', calibration: null });
    // Recognized = predicted by the probe's rule and raw probability >= 0.5; otherwise "not sure".
    expect(r.recognized).toEqual(r.instruments.filter((i) => i.predicted && i.probability >= 0.5).sort((a, b) => b.probability - a.probability).map((i) => i.code));
    expect(r.confidence).toBe(r.recognized.length ? 'confident' : 'not-sure');
    expect(r.top3.map((t) => t.probability)).toEqual([...r.instruments.map((i) => i.probability)].sort((a, b) => b - a).slice(0, 3));
  });

  it('refuses a model other than the one the probe was trained on', async () => {
    const other = await resolveModel('random-init:tiny@2', noFolders);
    await expect(recognize(toneClip(3, 660), probe, other)).rejects.toThrow(/trained on features of random-init:tiny/);
  });
});
