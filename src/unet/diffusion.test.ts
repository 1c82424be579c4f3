// v-diffusion helpers against the fixture's x_noisy and the v identities; the DDPM t mapping.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import path from 'node:path';
import { addNoise, ddimStep, ddpmTToSigma, sigmaToDdpmT, vTarget, x0FromV } from './diffusion.ts';
import { FIXTURES, npy, relativeError } from './testing/fixtures.ts';
import { initNodeBackend } from '../compute/node.ts';

describe('v-diffusion', () => {
  beforeAll(async () => void (await initNodeBackend('wasm')));
  const load = (f: string) => {
    const a = npy(path.join(FIXTURES, 'unet-2d', f));
    return tf.tensor(a.data, a.shape);
  };

  it('addNoise reproduces the fixture x_noisy (one sigma per item)', () => {
    tf.tidy(() => {
      const [x, noise, sigma, ref] = ['x.npy', 'noise.npy', 'sigma.npy', 'x_noisy.npy'].map(load);
      const got = addNoise(x, sigma as tf.Tensor1D, noise);
      expect(relativeError(got.dataSync(), ref.dataSync())).toBeLessThan(1e-6);
    });
  });

  it('x0FromV inverts the noising with the true v; a DDIM step with it lands on the noised x', () => {
    tf.tidy(() => {
      const [x, noise] = ['x.npy', 'noise.npy'].map(load);
      const from = tf.tensor1d([0.9, 0.4]);
      const to = tf.tensor1d([0.7, 0.1]);
      const xt = addNoise(x, from, noise);
      const v = vTarget(x, from, noise);
      expect(relativeError(x0FromV(xt, v, from).dataSync(), x.dataSync())).toBeLessThan(1e-5);
      const stepped = ddimStep(xt, v, from, to);
      expect(relativeError(stepped.dataSync(), addNoise(x, to, noise).dataSync())).toBeLessThan(1e-5);
      const scalarStep = ddimStep(addNoise(x, 0.9, noise), vTarget(x, 0.9, noise), 0.9, 0.3);
      expect(relativeError(scalarStep.dataSync(), addNoise(x, 0.3, noise).dataSync())).toBeLessThan(1e-5);
    });
  });

  it('maps DDPM t (0-based, linear betas 1e-4..0.02, T = 1000) to sigma and back', () => {
    expect(ddpmTToSigma(0)).toBeCloseTo((2 / Math.PI) * Math.acos(Math.sqrt(1 - 1e-4)), 12);
    let logAlphabar = 0;
    for (let s = 0; s <= 499; s++) logAlphabar += Math.log(1 - (1e-4 + (0.0199 * s) / 999));
    expect(ddpmTToSigma(499)).toBeCloseTo((2 / Math.PI) * Math.acos(Math.exp(logAlphabar / 2)), 10);
    expect(ddpmTToSigma(999)).toBeGreaterThan(0.99);
    for (const t of [0, 50, 250, 999]) expect(sigmaToDdpmT(ddpmTToSigma(t))).toBe(t);
    expect(() => ddpmTToSigma(1000)).toThrow(/\[0, 999\]/);
  });
});
