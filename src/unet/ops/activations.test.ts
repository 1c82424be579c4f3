// SiLU and exact GELU against double-precision references (erf by its Taylor series).
import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { gelu, silu } from './activations.ts';
import { describeEachBackend, maxAbsDiff } from '../testing/backends.ts';

/** erf by its Maclaurin series in double precision (accurate to ~1e-9 for |x| <= 4.5). */
function erfRef(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

const xs = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);

describeEachBackend('activations', () => {
  it('GELU is the erf form within 2e-6 on [-6, 6] (the tanh form is off by > 1e-4)', () => {
    const got = tf.tidy(() => gelu(tf.tensor1d(xs)).dataSync());
    const ref = xs.map((x) => 0.5 * x * (1 + erfRef(x / Math.SQRT2)));
    const tanhForm = xs.map((x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))));
    expect(maxAbsDiff(got, ref)).toBeLessThan(2e-6);
    expect(maxAbsDiff(tanhForm, ref)).toBeGreaterThan(1e-4);
    expect(ref[xs.findIndex((x) => Math.abs(x - 1) < 1e-9)]).toBeCloseTo(0.8413447460685429, 9);
  });

  it('SiLU is x * sigmoid(x)', () => {
    const got = tf.tidy(() => silu(tf.tensor1d(xs)).dataSync());
    expect(maxAbsDiff(got, xs.map((x) => x / (1 + Math.exp(-x))))).toBeLessThan(1e-6);
  });
});
