// Winograd F(2x2, 3x3) against the direct same-padded conv, even and odd sizes, batch > 1.
import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { convSame } from './conv.ts';
import { winogradConv3x3, winogradKernelData, winogradKernels } from './winograd.ts';
import { describeEachBackend, testValues } from '../testing/backends.ts';
import { relativeError } from '../testing/fixtures.ts';

describeEachBackend('winograd', () => {
  for (const [B, H, W, ci, co] of [
    [2, 8, 6, 5, 3],
    [1, 7, 5, 4, 6],
    [3, 1, 9, 2, 2],
  ]) {
    it(`equals the direct conv for x [${B}, ${H}, ${W}, ${ci}] -> ${co} channels`, () => {
      const [direct, wino] = tf.tidy(() => {
        const x = tf.tensor4d(testValues(B * H * W * ci, 1), [B, H, W, ci]);
        const w = tf.tensor4d(testValues(9 * ci * co, 2), [3, 3, ci, co]);
        const b = tf.tensor1d(testValues(co, 3));
        const U = winogradKernels(w);
        return [convSame(x, w, b).dataSync(), winogradConv3x3(x, U, b).dataSync()];
      });
      expect(relativeError(wino, direct)).toBeLessThan(2e-6);
    });
  }

  it('transforms a kernel as G g G^T', () => {
    const g = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]); // one in, one out channel
    const G = [[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]];
    const U = winogradKernelData(g, 1, 1);
    for (let xi = 0; xi < 4; xi++) {
      for (let nu = 0; nu < 4; nu++) {
        let ref = 0;
        for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) ref += G[xi][i] * g[i * 3 + j] * G[nu][j];
        expect(U[xi * 4 + nu][0]).toBeCloseTo(ref, 5);
      }
    }
  });
});
