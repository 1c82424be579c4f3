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
