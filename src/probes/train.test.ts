import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../compute/node.ts';
import { CancelledError } from '../common/errors.ts';
import { HEAD_KINDS } from './heads/index.ts';
import { loadProbe } from './load.ts';
import { syntheticFeatures } from './test-helpers.ts';
import { trainProbe, type TrainProbeRequest } from './train.ts';
import type { LabelledFeatures } from './features.ts';

const classes = ['a', 'b', 'c', 'd'];
const shape: [number, number, number] = [8, 4, 5];
const spec = { model: 'synthetic', sigma: 0, tap: 'none', pooled: false, shape };

function request(kind: TrainProbeRequest['kind'], train: LabelledFeatures, validation: LabelledFeatures,
  settings: TrainProbeRequest['settings']): TrainProbeRequest {
  return { kind, classes, featureSpec: spec, train, validation, settings };
}

/** Mean BCE of probabilities against labels (what fit() reports as valLoss). */
function bce(probs: Float32Array, labels: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = Math.min(Math.max(probs[i], 1e-7), 1 - 1e-7);
    s -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return s / probs.length;
}

beforeAll(async () => {
  await initNodeBackend('wasm');
});

describe('trainProbe', () => {
  it('learns a separable multi-label problem (MLP) in a few seconds', async () => {
    const train = syntheticFeatures(200, shape, 4, 1);
    const validation = syntheticFeatures(60, shape, 4, 2, 3);
    const started = performance.now();
    const epochs: number[] = [];
    const probe = await trainProbe(request('mlp', train, validation, { epochs: 20, patience: 20, seed: 3 }),
      { onEpoch: (e) => epochs.push(e.valMicroF1) });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(epochs).toHaveLength(20);
    expect(probe.meta.metrics.validation.microF1).toBeGreaterThan(0.95);
    expect(probe.threshold.chosenOn).toBe('validation');
    expect(probe.meta.parameters).toBe(8 * 128 + 128 + 128 * 4 + 4);
    const test = syntheticFeatures(40, shape, 4, 9);
    const probs = await probe.predict(test);
    let correct = 0;
    for (let i = 0; i < probs.length; i++) correct += Number((probs[i] > 0.5) === (test.labels[i] === 1));
    expect(correct / probs.length).toBeGreaterThan(0.95);
    probe.dispose();
  });

  it('trains every head without leaking tensors, and save -> load gives identical predictions', async () => {
    const train = syntheticFeatures(48, shape, 4, 4);
    const validation = syntheticFeatures(16, shape, 4, 5);
    const start = tf.memory().numTensors;
    for (const kind of HEAD_KINDS) {
      const probe = await trainProbe(request(kind, train, validation, { epochs: 2, batchSize: 16, seed: 7 }));
      const before = await probe.predict(validation);
      const { json, weights } = await probe.toFiles();
      const copy = loadProbe(json, weights.slice());
      const after = await copy.predict(validation);
      expect(Array.from(after)).toEqual(Array.from(before));
      expect(copy.meta.kind).toBe(kind);
      expect(copy.threshold).toEqual(probe.threshold);
      probe.dispose();
      copy.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });

  it('reads 1D maps [C, T] too, and refuses features of another shape at predict time', async () => {
    const as1d = (f: LabelledFeatures): LabelledFeatures => ({ ...f, shape: [8, 20] });
    const train = as1d(syntheticFeatures(24, shape, 4, 6));
    const validation = as1d(syntheticFeatures(8, shape, 4, 7));
    for (const kind of ['cnn', 'crnn', 'attention'] as const) {
      const probe = await trainProbe({ ...request(kind, train, validation, { epochs: 1, seed: 1 }), featureSpec: { ...spec, shape: [8, 20] } });
      expect((await probe.predict(validation)).length).toBe(8 * 4);
      await expect(probe.predict(syntheticFeatures(2, shape, 4, 8))).rejects.toThrow(/features of shape \[8,4,5\], but this .* reads \[8,20\]/);
      probe.dispose();
    }
  });

  it('is reproducible with a seed', async () => {
    const train = syntheticFeatures(32, shape, 4, 4);
    const validation = syntheticFeatures(16, shape, 4, 5);
    const run = async () => {
      const p = await trainProbe(request('cnn', train, validation, { epochs: 2, batchSize: 8, seed: 11 }));
      const out = await p.predict(validation);
      p.dispose();
      return Array.from(out);
    };
    expect(await run()).toEqual(await run());
  });
});

describe('early stopping and cancellation', () => {
  // Validation labels unrelated to the features: the model overfits and validation loss rises.
  const train = syntheticFeatures(64, shape, 4, 21);
  const noise = syntheticFeatures(32, shape, 4, 22);
  const unrelated: LabelledFeatures = { ...noise, labels: syntheticFeatures(32, shape, 4, 99).labels };

  it('stops after `patience` epochs without improvement and keeps the best weights', async () => {
    const probe = await trainProbe(request('mlp', train, unrelated,
      { epochs: 40, patience: 3, learningRate: 0.01, dropout: 0, seed: 5 }));
    const m = probe.meta.metrics;
    expect(m.stopReason).toBe('patience');
    expect(m.epochs.length).toBe(m.bestEpoch + 3);
    const kept = bce(await probe.predict(unrelated), unrelated.labels);
    expect(kept).toBeCloseTo(m.epochs[m.bestEpoch - 1].valLoss, 4);
    expect(kept).toBeLessThan(m.epochs[m.epochs.length - 1].valLoss);
    probe.dispose();
  });

  it('stops when aborted, keeping the best epoch so far; before any epoch it throws', async () => {
    const controller = new AbortController();
    const probe = await trainProbe(request('mlp', train, unrelated, { epochs: 40, patience: 40, seed: 5 }), {
      signal: controller.signal,
      onEpoch: (e) => { if (e.epoch === 3) controller.abort(); },
    });
    const m = probe.meta.metrics;
    expect(m.stopReason).toBe('cancelled');
    expect(m.epochs).toHaveLength(3);
    const kept = bce(await probe.predict(unrelated), unrelated.labels);
    expect(kept).toBeCloseTo(m.epochs[m.bestEpoch - 1].valLoss, 4);
    probe.dispose();

    const start = tf.memory().numTensors;
    const aborted = new AbortController();
    aborted.abort();
    await expect(trainProbe(request('mlp', train, unrelated, { epochs: 5 }), { signal: aborted.signal }))
      .rejects.toBeInstanceOf(CancelledError);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('names the problem on bad input', async () => {
    await expect(trainProbe(request('cnn', { ...train, shape: [160] }, unrelated, {})))
      .rejects.toThrow(/reads unpooled maps/);
    await expect(trainProbe(request('mlp', { ...train, labels: new Uint8Array(3) }, unrelated, {})))
      .rejects.toThrow(/3 labels for 64 examples × 4 classes/);
    await expect(trainProbe({ ...request('mlp', train, unrelated, {}), featureSpec: { ...spec, shape: [8, 4, 6] } }))
      .rejects.toThrow(/feature spec says \[8,4,6\]/);
    const poisoned = { ...unrelated, data: unrelated.data.map((v, i) => (i === 5 ? NaN : v)) };
    const start = tf.memory().numTensors;
    await expect(trainProbe(request('mlp', train, poisoned, { epochs: 2 }))).rejects.toThrow(/diverged at epoch 1: validation loss is NaN/);
    expect(tf.memory().numTensors).toBe(start);
  });
});
