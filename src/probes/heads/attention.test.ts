// The attention head's pooled attention equals the textbook order (attend, then average the
// token outputs) in value and gradient, without leaks.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../compute/node.ts';
import { attendAndPool } from './attention.ts';

beforeAll(async () => {
  await initNodeBackend('wasm');
});

function reference(q: tf.Tensor3D, kT: tf.Tensor3D, v: tf.Tensor3D): tf.Tensor3D {
  const weights = tf.matMul(q, kT).mul(1 / Math.sqrt(q.shape[2])).softmax() as tf.Tensor3D;
  return tf.matMul(weights, v).mean(1, true) as tf.Tensor3D;
}

describe('attendAndPool', () => {
  it('equals attention followed by the mean over tokens, value and gradients', () => {
    const [m, n, d] = [8, 208, 128]; // the student's d3.4 map of a 3 s window, 2 clips x 4 heads
    const q = tf.randomNormal([m, n, d], 0, 1, 'float32', 1) as tf.Tensor3D;
    const kT = tf.randomNormal([m, d, n], 0, 1, 'float32', 2) as tf.Tensor3D;
    const v = tf.randomNormal([m, n, d], 0, 1, 'float32', 3) as tf.Tensor3D;
    const w = tf.randomNormal([m, 1, d], 0, 1, 'float32', 4);
    const start = tf.memory().numTensors;
    const maxDiff = (x: tf.Tensor, y: tf.Tensor) => tf.tidy(() => x.sub(y).abs().max().dataSync()[0]);
    const maxAbs = (x: tf.Tensor) => tf.tidy(() => x.abs().max().dataSync()[0]);
    tf.tidy(() => {
      const loss = (f: typeof attendAndPool) => (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
        f(a as tf.Tensor3D, b as tf.Tensor3D, c as tf.Tensor3D).mul(w).sum();
      const got = attendAndPool(q, kT, v);
      expect(got.shape).toEqual([m, 1, d]);
      expect(maxDiff(got, reference(q, kT, v))).toBeLessThan(1e-5);
      const g = tf.grads(loss(attendAndPool))([q, kT, v]);
      const r = tf.grads(loss(reference))([q, kT, v]);
      for (let i = 0; i < 3; i++) expect(maxDiff(g[i], r[i])).toBeLessThan(1e-5 * Math.max(1, maxAbs(r[i])));
    });
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose([q, kT, v, w]);
  });
});
