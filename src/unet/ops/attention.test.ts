// Multi-head attention against a loop over heads (head-major feature split, 1/sqrt(D) scale).
import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { headKV, multiHeadAttention } from './attention.ts';
import { describeEachBackend, maxAbsDiff, testValues } from '../testing/backends.ts';

const [B, Nq, Nk, Hh, D] = [2, 5, 7, 3, 4];
const F = Hh * D;

/** out[b, i, h*D + d] = sum_j softmax_j(q_h[i] . k_h[j] / sqrt D) v_h[j, d]; kB = 1 shares k, v. */
function refAttention(q: Float32Array, k: Float32Array, v: Float32Array, kB: number): number[] {
  const out = new Array<number>(B * Nq * F).fill(0);
  for (let b = 0; b < B; b++) {
    const kb = kB === 1 ? 0 : b;
    for (let h = 0; h < Hh; h++) {
      for (let i = 0; i < Nq; i++) {
        const s = Array.from({ length: Nk }, (_, j) => {
          let dot = 0;
          for (let d = 0; d < D; d++) dot += q[(b * Nq + i) * F + h * D + d] * k[(kb * Nk + j) * F + h * D + d];
          return dot / Math.sqrt(D);
        });
        const m = Math.max(...s);
        const e = s.map((z) => Math.exp(z - m));
        const z = e.reduce((a, c) => a + c, 0);
        for (let d = 0; d < D; d++) {
          let acc = 0;
          for (let j = 0; j < Nk; j++) acc += (e[j] / z) * v[(kb * Nk + j) * F + h * D + d];
          out[(b * Nq + i) * F + h * D + d] = acc;
        }
      }
    }
  }
  return out;
}

describeEachBackend('attention', () => {
  const q = testValues(B * Nq * F, 1).map((x) => 3 * x);
  for (const kB of [B, 1]) {
    for (const perHead of [true, false]) {
      it(`matches the per-head loop (keys batch ${kB}, ${perHead ? 'per-head 2D' : 'batched'} matmuls)`, () => {
        const k = testValues(kB * Nk * F, 2).map((x) => 3 * x);
        const v = testValues(kB * Nk * F, 3);
        const got = tf.tidy(() => {
          const kv = headKV(tf.tensor3d(k, [kB, Nk, F]), tf.tensor3d(v, [kB, Nk, F]), Hh);
          return multiHeadAttention(tf.tensor3d(q, [B, Nq, F]), kv, Hh, perHead).dataSync();
        });
        expect(maxAbsDiff(got, refAttention(q, k, v, kB))).toBeLessThan(2e-6);
      });
    }
  }

  it('splits features head-major: feature h*D + d goes to head h (keys transposed)', () => {
    const t = tf.tensor3d(Array.from({ length: F }, (_, i) => i), [1, 1, F]);
    const kv = headKV(t, t, Hh);
    expect(kv.keysT.shape).toEqual([1, Hh, D, 1]);
    expect(kv.values.shape).toEqual([1, Hh, 1, D]);
    expect((kv.values.arraySync() as number[][][][])[0][1][0]).toEqual([4, 5, 6, 7]);
    expect((kv.keysT.arraySync() as number[][][][])[0][2].flat()).toEqual([8, 9, 10, 11]);
    tf.dispose([t, kv.keysT, kv.values]);
  });
});
