// GroupNorm, LayerNorm and modulation against loops in double precision.
import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { groupNorm, layerNorm, modulate } from './norms.ts';
import { describeEachBackend, maxAbsDiff, testValues } from '../testing/backends.ts';

const [B, H, W, C] = [2, 3, 5, 6];
const x = Array.from(testValues(B * H * W * C, 7), (v, i) => 3 * v + (i % 5));
const gamma = Array.from(testValues(C, 8), (v) => 1 + v);
const beta = Array.from(testValues(C, 9));
const at = (b: number, p: number, c: number) => x[(b * H * W + p) * C + c];

/** Normalises the values at (b, positions, channels in cs) together. */
function refNorm(cs: number[][], eps: number, affine: boolean, perPosition: boolean): number[] {
  const out = new Array<number>(x.length).fill(NaN);
  for (let b = 0; b < B; b++) {
    const groups = perPosition ? Array.from({ length: H * W }, (_, p) => [p]) : [Array.from({ length: H * W }, (_, p) => p)];
    for (const ps of groups) {
      for (const chans of cs) {
        const vals = ps.flatMap((p) => chans.map((c) => at(b, p, c)));
        const mean = vals.reduce((a, v) => a + v, 0) / vals.length;
        const variance = vals.reduce((a, v) => a + (v - mean) ** 2, 0) / vals.length;
        for (const p of ps) {
          for (const c of chans) {
            const y = (at(b, p, c) - mean) / Math.sqrt(variance + eps);
            out[(b * H * W + p) * C + c] = affine ? y * gamma[c] + beta[c] : y;
          }
        }
      }
    }
  }
  return out;
}

describeEachBackend('norms', () => {
  it('GroupNorm(3 groups of consecutive channels, eps 1e-5, affine) matches the definition', () => {
    const got = tf.tidy(() => groupNorm(tf.tensor4d(x, [B, H, W, C]), tf.tensor1d(gamma), tf.tensor1d(beta), 3).dataSync());
    expect(maxAbsDiff(got, refNorm([[0, 1], [2, 3], [4, 5]], 1e-5, true, false))).toBeLessThan(2e-6);
  });

  it('GroupNorm: the loops (wasm, cpu) equal the op chain in value and in the gradients of x, gamma and beta', () => {
    const before = tf.memory().numTensors;
    for (const [shape, groups] of [[[2, 7, 5, 16], 8], [[3, 11, 32], 8], [[2, 4, 6], 1], [[1, 9, 12], 12]] as [number[], number][]) {
      const n = shape.reduce((a, v) => a * v, 1);
      const C = shape[shape.length - 1];
      const xv = Array.from(testValues(n, 11), (v, i) => 2 * v + (i % 7) * 0.3);
      const gv = Array.from(testValues(C, 12), (v) => 1 + v);
      const bv = Array.from(testValues(C, 13));
      const w = testValues(n, 14); // a weighted sum as the loss, so every output gets its own gradient
      const run = (ops: boolean) => tf.tidy(() => {
        const f = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(groupNorm(x, g, b, groups, 1e-5, ops), tf.tensor(w, shape)));
        const y = groupNorm(tf.tensor(xv, shape), tf.tensor1d(gv), tf.tensor1d(bv), groups, 1e-5, ops).dataSync();
        const grads = tf.grads(f)([tf.tensor(xv, shape), tf.tensor1d(gv), tf.tensor1d(bv)]).map((t) => t.dataSync());
        return [y, ...grads];
      });
      const loops = run(false);
      const chain = run(true);
      const tol = [2e-6, 2e-5, 2e-5, 2e-5];
      loops.forEach((a, i) => expect(maxAbsDiff(a, chain[i]), `${shape} output ${i}`).toBeLessThan(tol[i]));
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('LayerNorm over channels, with and without affine', () => {
    const all = [[0, 1, 2, 3, 4, 5]];
    const t = () => tf.tensor4d(x, [B, H, W, C]);
    const plain = tf.tidy(() => layerNorm(t(), 1e-6).dataSync());
    const affine = tf.tidy(() => layerNorm(t(), 1e-5, tf.tensor1d(gamma), tf.tensor1d(beta)).dataSync());
    expect(maxAbsDiff(plain, refNorm(all, 1e-6, false, true))).toBeLessThan(2e-6);
    expect(maxAbsDiff(affine, refNorm(all, 1e-5, true, true))).toBeLessThan(2e-6);
  });

  it('modulation: LayerNorm * (1 + scale[b, c]) + shift[b, c]', () => {
    const scale = Array.from(testValues(B * C, 3));
    const shift = Array.from(testValues(B * C, 4));
    const got = tf.tidy(() =>
      modulate(tf.tensor4d(x, [B, H, W, C]), tf.tensor2d(scale, [B, C]), tf.tensor2d(shift, [B, C])).dataSync(),
    );
    const norm = refNorm([[0, 1, 2, 3, 4, 5]], 1e-6, false, true);
    const ref = norm.map((y, i) => {
      const b = Math.floor(i / (H * W * C));
      const c = i % C;
      return y * (1 + scale[b * C + c]) + shift[b * C + c];
    });
    expect(maxAbsDiff(got, ref)).toBeLessThan(4e-6);
  });
});
