// Both reduction orders of ./means.ts (innermost first; WebGPU's long rows / matMul) give the mean.
import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { groupMean, meanLastAxis } from './means.ts';
import { describeEachBackend, maxAbsDiff, testValues } from '../testing/backends.ts';

const [B, P, G, per] = [2, 15, 3, 4];
const x = Array.from(testValues(B * P * G * per, 5), (v, i) => 2 * v + (i % 7));

describeEachBackend('means', () => {
  for (const longRows of [false, true]) {
    it(`groupMean over positions and group channels (longRows ${longRows})`, () => {
      const ref: number[] = [];
      for (let b = 0; b < B; b++) {
        for (let g = 0; g < G; g++) {
          let s = 0;
          for (let p = 0; p < P; p++) for (let c = 0; c < per; c++) s += x[((b * P + p) * G + g) * per + c];
          ref.push(s / (P * per));
        }
      }
      const got = tf.tidy(() => {
        const m = groupMean(tf.tensor4d(x, [B, P, G, per]), longRows);
        expect(m.shape).toEqual([B, 1, G, 1]);
        return m.dataSync();
      });
      expect(maxAbsDiff(got, ref)).toBeLessThan(1e-6);
    });

    it(`meanLastAxis keeps the axis (longRows ${longRows})`, () => {
      const C = G * per;
      const ref = Array.from({ length: B * P }, (_, r) => x.slice(r * C, (r + 1) * C).reduce((a, v) => a + v, 0) / C);
      const got = tf.tidy(() => {
        const m = meanLastAxis(tf.tensor3d(x, [B, P, C]), longRows);
        expect(m.shape).toEqual([B, P, 1]);
        return m.dataSync();
      });
      expect(maxAbsDiff(got, ref)).toBeLessThan(2e-6);
    });
  }
});
