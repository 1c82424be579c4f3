import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../compute/node.ts';
import { matMulBatched } from './matmul.ts';

beforeAll(async () => {
  await initNodeBackend('wasm');
});

describe('matMulBatched on WASM', () => {
  it('matches tf.matMul in value and gradient (looped 2D path), without leaks', () => {
    const a = tf.randomNormal([3, 64, 64], 0, 1, 'float32', 1) as tf.Tensor3D;
    const b = tf.randomNormal([3, 64, 64], 0, 1, 'float32', 2) as tf.Tensor3D;
    const w = tf.randomNormal([3, 64, 64], 0, 1, 'float32', 3);
    const start = tf.memory().numTensors;
    const maxDiff = (x: tf.Tensor, y: tf.Tensor) => tf.tidy(() => x.sub(y).abs().max().dataSync()[0]);
    tf.tidy(() => {
      const loss = (f: typeof matMulBatched) => (x: tf.Tensor, y: tf.Tensor) =>
        f(x as tf.Tensor3D, y as tf.Tensor3D).mul(w).sum();
      expect(maxDiff(matMulBatched(a, b), tf.matMul(a, b))).toBeLessThan(1e-4);
      const [ga, gb] = tf.grads(loss(matMulBatched))([a, b]);
      const [ra, rb] = tf.grads(loss((x, y) => tf.matMul(x, y)))([a, b]);
      expect(maxDiff(ga, ra)).toBeLessThan(1e-4);
      expect(maxDiff(gb, rb)).toBeLessThan(1e-4);
    });
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose([a, b, w]);
  });
});
