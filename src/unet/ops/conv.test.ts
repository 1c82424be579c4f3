// Nearest upsampling, and the sub-pixel up conv against upsample-then-conv, in 2D and 1D.
import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { convDown, upsampleConvDirect, upsampleConvSubPixel, upsampleNearest, subPixelKernels } from './conv.ts';
import { describeEachBackend, maxAbsDiff, testValues } from '../testing/backends.ts';

describeEachBackend('conv ops', () => {
  it('nearest upsampling repeats each value f times along H and W (PyTorch nearest)', () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1]);
    const y = upsampleNearest(x, 2, 2);
    expect(y.shape).toEqual([1, 4, 6, 1]);
    expect(Array.from(y.dataSync())).toEqual([1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 4, 4, 5, 5, 6, 6]);
    tf.dispose([x, y]);
  });

  const cases: [string, number[], number[], number, number][] = [
    ['2D factor 2', [2, 5, 4, 3], [3, 3, 3, 4], 2, 2],
    ['2D factor 3', [1, 3, 4, 2], [3, 3, 2, 5], 3, 3],
    ['1D factor 2', [2, 1, 7, 3], [1, 3, 3, 4], 1, 2],
    ['1D factor 4', [1, 1, 5, 2], [1, 3, 2, 3], 1, 4],
  ];
  for (const [name, xs, ws, fH, fW] of cases) {
    it(`sub-pixel up conv equals upsample + same conv (${name})`, () => {
      const [direct, sub] = tf.tidy(() => {
        const x = tf.tensor4d(testValues(xs.reduce((a, b) => a * b), 1), xs as [number, number, number, number]);
        const w = tf.tensor4d(testValues(ws.reduce((a, b) => a * b), 2), ws as [number, number, number, number]);
        const b = tf.tensor1d(testValues(ws[3], 3));
        const d = upsampleConvDirect(x, w, b, fH, fW);
        const s = upsampleConvSubPixel(x, subPixelKernels(w, fH, fW), b);
        return [d.arraySync(), s.arraySync()];
      });
      expect(maxAbsDiff((sub as number[][][][]).flat(3), (direct as number[][][][]).flat(3))).toBeLessThan(5e-6);
      expect((direct as number[][][][])[0].length).toBe(xs[1] * fH);
    });
  }

  it('the down conv has kernel = stride = factor and no padding', () => {
    const y = tf.tidy(() => {
      const x = tf.tensor4d(Array.from({ length: 16 }, (_, i) => i), [1, 4, 4, 1]);
      return convDown(x, tf.ones([2, 2, 1, 1]), tf.tensor1d([0.5])).arraySync();
    });
    expect(y).toEqual([[[[10.5], [18.5]], [[42.5], [50.5]]]]);
  });
});
