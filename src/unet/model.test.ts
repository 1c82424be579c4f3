// The forward's contract on small random models: early exit (same values, decoder not run), v only
// when needed, no tensor leaks, input checks, and a differentiable trainable forward.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { UNetConfig } from './config.ts';
import { createUNet } from './model.ts';
import { randomInitWeights } from './randomInit.ts';
import { paperProbeSites } from './taps.ts';
import { initNodeBackend } from '../compute/node.ts';
import { PAPER_CONFIG } from './presets.ts';
import { testValues } from './testing/backends.ts';

const TINY_2D: UNetConfig = {
  ...PAPER_CONFIG,
  channels: [4, 8, 8],
  items: [1, 1, 2],
  attentions: [0, 1, 1],
  cross_attentions: [0, 1, 1],
  factors: [1, 2, 2],
  attention_heads: 2,
  attention_features: 4,
  resnet_groups: 2,
  modulation_features: 8,
  embedding_features: 12,
  embedding_max_length: 5,
};
const TINY_1D: UNetConfig = { ...TINY_2D, dim: 1, in_channels: 6 };

function inputs(cfg: UNetConfig, B = 2): [tf.Tensor, tf.Tensor1D] {
  const shape = cfg.dim === 2 ? [B, 8, 12, cfg.in_channels] : [B, 12, cfg.in_channels];
  const n = shape.reduce((a, b) => a * b, 1);
  return [tf.tensor(testValues(n, 5), shape), tf.tensor1d(Array.from({ length: B }, (_, i) => 0.2 + 0.5 * i))];
}

describe('U-Net forward [wasm]', () => {
  beforeAll(async () => void (await initNodeBackend('wasm')));

  for (const cfg of [TINY_2D, TINY_1D]) {
    describe(`${cfg.dim}D`, () => {
      it('early exit returns the full forward values and does not run the decoder', () => {
        const model = createUNet(cfg, randomInitWeights(cfg, 1));
        const [x, sigma] = inputs(cfg);
        const full = model.forward(x, sigma, { taps: 'all' });
        expect(full.steps).toEqual(model.tapNames);
        expect(full.v).toBeDefined();
        const sites = paperProbeSites(cfg);
        const wanted = [sites.finalDown, ...sites.bottleneck.slice(0, 2)];
        const early = model.forward(x, sigma, { taps: wanted });
        expect(early.steps[early.steps.length - 1]).toBe(sites.bottleneck[1]);
        expect(early.steps.some((s) => s.startsWith('u') || s.startsWith('level'))).toBe(false);
        expect(early.v).toBeUndefined();
        for (const t of wanted) {
          expect(early.taps.get(t)!.shape).toEqual(full.taps.get(t)!.shape);
          expect(Array.from(early.taps.get(t)!.dataSync())).toEqual(Array.from(full.taps.get(t)!.dataSync()));
        }
        const firstUp = model.forward(x, sigma, { taps: [sites.firstUp] });
        expect(firstUp.steps[firstUp.steps.length - 1]).toBe(sites.firstUp);
        expect(firstUp.steps).not.toContain(`level${cfg.channels.length - 1}`);
        tf.dispose([x, sigma, full.v!, ...full.taps.values(), ...early.taps.values(), ...firstUp.taps.values()]);
        model.dispose();
      });

      it('gives v when the pass is full, and matches the v of a plain call', () => {
        const model = createUNet(cfg, randomInitWeights(cfg, 2));
        const [x, sigma] = inputs(cfg);
        const plain = model.forward(x, sigma);
        const withTap = model.forward(x, sigma, { taps: ['level0'] });
        expect(plain.taps.size).toBe(0);
        expect(Array.from(withTap.v!.dataSync())).toEqual(Array.from(plain.v!.dataSync()));
        expect(withTap.v).not.toBe(withTap.taps.get('level0'));
        expect(plain.v!.shape).toEqual(x.shape);
        tf.dispose([x, sigma, plain.v!, withTap.v!, ...withTap.taps.values()]);
        model.dispose();
      });

      it('leaks no tensor over 20 forwards (full, early exit, batch of 3)', () => {
        const start = tf.memory().numTensors;
        const model = createUNet(cfg, randomInitWeights(cfg, 3));
        const [x, sigma] = inputs(cfg, 3);
        for (let i = 0; i < 20; i++) {
          const r = model.forward(x, sigma, i % 2 ? { taps: ['d1.0.resnet', 'd2.1.modulation'] } : { taps: 'all', v: true });
          tf.dispose([...(r.v ? [r.v] : []), ...r.taps.values()]);
        }
        tf.dispose([x, sigma]);
        model.dispose();
        expect(tf.memory().numTensors).toBe(start);
      });
    });
  }

  it('names the problem with bad inputs and unknown taps', () => {
    const model = createUNet(TINY_2D, randomInitWeights(TINY_2D, 4));
    const [x, sigma] = inputs(TINY_2D);
    const odd = tf.zeros([1, 8, 10, 1]);
    expect(() => model.forward(x, sigma, { taps: ['d9.down'] })).toThrow(/unknown tap "d9.down"/);
    expect(() => model.forward(odd, tf.tensor1d([0.5]))).toThrow(/multiple of 4/);
    expect(() => model.forward(x, tf.tensor1d([0.5]))).toThrow(/one sigma per batch item/);
    const w = randomInitWeights(TINY_2D, 4);
    w.delete('blocks.0.weights');
    expect(() => createUNet(TINY_2D, w)).toThrow(/missing blocks.0.weights/);
    const w2 = randomInitWeights(TINY_2D, 4);
    w2.set('blocks.1.blocks.0.0.weight', { shape: [8, 9], data: new Float32Array(72) });
    expect(() => createUNet(TINY_2D, w2)).toThrow(/blocks.1.blocks.0.0.weight has shape \[8, 9\] but the config implies \[8, 8\]/);
    tf.dispose([x, sigma, odd]);
    model.dispose();
  });
});

describe('trainable U-Net [cpu]', () => {
  beforeAll(async () => void (await initNodeBackend('cpu')));

  it('holds variables, matches the frozen forward and has a gradient for every parameter', () => {
    const cfg = TINY_2D;
    const frozen = createUNet(cfg, randomInitWeights(cfg, 5));
    const model = createUNet(cfg, randomInitWeights(cfg, 5), { trainable: true });
    const [x, sigma] = inputs(cfg);
    const a = frozen.forward(x, sigma).v!;
    const b = model.forward(x, sigma).v!;
    expect(tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0])).toBeLessThan(1e-5);
    expect([...model.params.values()].every((p) => p instanceof tf.Variable)).toBe(true);
    const start = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(model.forward(x, sigma).v!)) as tf.Scalar);
    for (const [key, p] of model.params) {
      const g = grads[(p as tf.Variable).name];
      expect(g, key).toBeDefined();
      expect(Number.isFinite(tf.tidy(() => tf.sum(tf.abs(g)).dataSync()[0])), key).toBe(true);
    }
    tf.dispose([value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose([x, sigma, a, b]);
    frozen.dispose();
    model.dispose();
  });
});
