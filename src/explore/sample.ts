// Drawing a new log-mel from a model: start from seeded Gaussian noise at sigma = 1 and take
// `steps` deterministic DDIM steps down to sigma = 0 (evenly spaced sigmas). Returns the
// normalised result, row-major [nMels, frames].
import * as tf from '@tensorflow/tfjs';
import { check } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import type { UNet } from '../unet/model.ts';
import { ddimStep } from '../unet/diffusion.ts';
import { windowNoise } from '../features/noise.ts';
import { inputToMel, melToInput } from './tensors.ts';

export interface SampleSettings {
  steps: number;
  seed: number;
  nMels: number;
  frames: number;
}

/** The DDIM schedule: steps + 1 sigmas from 1 down to 0. */
export function sampleSigmas(steps: number): number[] {
  return Array.from({ length: steps + 1 }, (_, i) => 1 - i / steps);
}

export async function sampleMel(unet: UNet, s: SampleSettings, opts: JobOptions = {}): Promise<Float32Array> {
  check(Number.isInteger(s.steps) && s.steps >= 1 && s.steps <= 200, `sample: steps must be an integer in 1..200, got ${s.steps}`);
  const sigmas = sampleSigmas(s.steps);
  let x = melToInput(unet.config, windowNoise(s.seed, 'sample', 0, s.nMels * s.frames), s.nMels);
  try {
    for (let i = 0; i < s.steps; i++) {
      throwIfCancelled(opts.signal, 'sampling');
      const prev = x;
      x = tf.tidy(() => {
        const sig = tf.tensor1d([sigmas[i]]);
        const v = unet.forward(prev, sig, { v: true }).v!;
        return ddimStep(prev, v, sigmas[i], sigmas[i + 1]);
      });
      prev.dispose();
      await new Promise((r) => setTimeout(r, 0)); // lets a cancel message in
      opts.onProgress?.({ stage: 'sampling', done: i + 1, total: s.steps, detail: `sigma ${sigmas[i + 1].toFixed(2)}` });
    }
    return inputToMel(unet.config, (await x.data()) as Float32Array, s.nMels);
  } finally {
    x.dispose();
  }
}
