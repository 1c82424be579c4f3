// The time embedding: [sigma, sin, cos] feature order and the hidden Linear applied twice.
import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { fourierFeatures, timeEmbedding } from './time.ts';
import { describeEachBackend, maxAbsDiff, testValues } from '../testing/backends.ts';

/** erf by its series (|x| <= 5; beyond, erf = +-1 to 1e-12). */
function erf(x: number): number {
  if (Math.abs(x) > 5) return Math.sign(x);
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
const gelu = (x: number) => 0.5 * x * (1 + erf(x / Math.SQRT2));
/** y = gelu(x W + b) with W [in, out] row-major. */
const layer = (x: number[], w: Float32Array, b: Float32Array) =>
  Array.from(b, (bj, j) => gelu(x.reduce((acc, xi, i) => acc + xi * w[i * b.length + j], bj)));

describeEachBackend('time embedding', () => {
  it('orders the Fourier features as [sigma, sin(2 pi sigma w), cos(2 pi sigma w)]', () => {
    const got = tf.tidy(() => fourierFeatures(tf.tensor1d([0.25]), tf.tensor1d([1, 2])).dataSync());
    const a = [2 * Math.PI * 0.25, 2 * Math.PI * 0.5];
    expect(maxAbsDiff(got, [0.25, Math.sin(a[0]), Math.sin(a[1]), Math.cos(a[0]), Math.cos(a[1])])).toBeLessThan(1e-6);
  });

  it('is GELU(Linear 257->M), then the same GELU(Linear M->M) twice', () => {
    const M = 3;
    const freqs = testValues(128, 1);
    const w = { inW: testValues(257 * M, 2), inB: testValues(M, 3), hW: testValues(M * M, 4), hB: testValues(M, 5) };
    const sigma = [0.1, 0.7];
    const got = tf.tidy(() =>
      timeEmbedding(tf.tensor1d(sigma), {
        freqs: tf.tensor1d(freqs),
        inW: tf.tensor2d(w.inW, [257, M]),
        inB: tf.tensor1d(w.inB),
        hiddenW: tf.tensor2d(w.hW, [M, M]),
        hiddenB: tf.tensor1d(w.hB),
      }).dataSync(),
    );
    const ref = sigma.flatMap((s) => {
      const ang = Array.from(freqs, (f) => 2 * Math.PI * s * f);
      const h1 = layer([s, ...ang.map(Math.sin), ...ang.map(Math.cos)], w.inW, w.inB);
      return layer(layer(h1, w.hW, w.hB), w.hW, w.hB);
    });
    expect(maxAbsDiff(got, ref)).toBeLessThan(1e-5);
  });
});
