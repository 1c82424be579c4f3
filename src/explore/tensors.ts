// Between row-major log-mel windows ([nMels, frames], what the page draws) and the U-Net's
// channels-last input: [1, nMels, frames, 1] for a 2D model, [1, frames, nMels] for a 1D one.
import * as tf from '@tensorflow/tfjs';
import type { UNetConfig } from '../unet/config.ts';

export function melToInput(cfg: UNetConfig, mel: Float32Array, nMels: number): tf.Tensor {
  const frames = mel.length / nMels;
  if (cfg.dim === 2) return tf.tensor4d(mel, [1, nMels, frames, 1]);
  const buf = new Float32Array(mel.length);
  for (let m = 0; m < nMels; m++) for (let t = 0; t < frames; t++) buf[t * nMels + m] = mel[m * frames + t];
  return tf.tensor3d(buf, [1, frames, nMels]);
}

/** The inverse of melToInput for one batch item's values (as read from the tensor). */
export function inputToMel(cfg: UNetConfig, values: Float32Array, nMels: number): Float32Array {
  if (cfg.dim === 2) return values;
  const frames = values.length / nMels;
  const out = new Float32Array(values.length);
  for (let t = 0; t < frames; t++) for (let m = 0; m < nMels; m++) out[m * frames + t] = values[t * nMels + m];
  return out;
}

/** Height, width and channels of a tap tensor ([1, H, W, C] or [1, T, C]). */
export function tapGeometry(t: tf.Tensor): { height: number; width: number; channels: number } {
  return t.rank === 4
    ? { height: t.shape[1]!, width: t.shape[2]!, channels: t.shape[3]! }
    : { height: 1, width: t.shape[1]!, channels: t.shape[2]! };
}

/** (x - 0) * std + mean: a normalised window back to log-mel units, band by band. */
export function denormalise(x: Float32Array, nMels: number, mean: number | number[], std: number | number[]): Float32Array {
  const frames = x.length / nMels;
  const out = new Float32Array(x.length);
  for (let m = 0; m < nMels; m++) {
    const mu = typeof mean === 'number' ? mean : mean[m];
    const sd = typeof std === 'number' ? std : std[m];
    for (let t = 0; t < frames; t++) out[m * frames + t] = x[m * frames + t] * sd + mu;
  }
  return out;
}
