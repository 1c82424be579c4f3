// One Explore view, computed in the worker: a window of a clip's normalised log-mel, noised at
// sigma with the seeded noise the feature pipeline uses, one U-Net pass giving v (so the
// one-step clean estimate x0 = alpha x_t - beta v) and the tap, the tap's strongest channels,
// and the random-init control's tap for the same noised input (its pass stops at the tap).
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import type { UNet } from '../unet/model.ts';
import { addNoise, x0FromV } from '../unet/diffusion.ts';
import { topChannelMaps, type ChannelMaps } from './channels.ts';
import { inputToMel, melToInput, tapGeometry } from './tensors.ts';

export interface ViewInput {
  /** Normalised log-mel window, row-major [nMels, frames]. */
  mel: Float32Array;
  noise: Float32Array;
  nMels: number;
  sigma: number;
  /** Tap to show, or null for the denoise view alone. */
  tap: string | null;
  topK: number;
}

export interface ViewOutput {
  /** Normalised noised window and one-step clean estimate, row-major [nMels, frames]. */
  noised: Float32Array;
  x0: Float32Array;
  maps: ChannelMaps | null;
}

async function tapMaps(t: tf.Tensor, k: number): Promise<ChannelMaps> {
  const g = tapGeometry(t);
  const data = (await t.data()) as Float32Array;
  return topChannelMaps(data, g.height, g.width, g.channels, k);
}

/** The model's view: noised input, x0 and the tap's top channels. */
export async function modelView(unet: UNet, input: ViewInput): Promise<ViewOutput> {
  const cfg = unet.config;
  if (input.tap !== null && !unet.tapNames.includes(input.tap)) {
    throw new LabError(`unknown tap "${input.tap}" for this model (valid: ${unet.tapNames.join(', ')})`);
  }
  const [noisy, x0, tap] = tf.tidy(() => {
    const x = melToInput(cfg, input.mel, input.nMels);
    const noise = melToInput(cfg, input.noise, input.nMels);
    const s = tf.tensor1d([input.sigma]);
    const noisyT = addNoise(x, s, noise);
    const r = unet.forward(noisyT, s, { taps: input.tap ? [input.tap] : [], v: true });
    if (!r.v) throw new LabError('the U-Net returned no v');
    return [noisyT, x0FromV(noisyT, r.v, s), ...(input.tap ? [r.taps.get(input.tap)!] : [])];
  });
  try {
    const [n, e] = await Promise.all([noisy.data(), x0.data()]);
    return {
      noised: inputToMel(cfg, n as Float32Array, input.nMels),
      x0: inputToMel(cfg, e as Float32Array, input.nMels),
      maps: tap ? await tapMaps(tap, input.topK) : null,
    };
  } finally {
    tf.dispose([noisy, x0, ...(tap ? [tap] : [])]);
  }
}

/** The control's tap for the same noised input (the pass stops at the tap). */
export async function controlMaps(unet: UNet, input: ViewInput & { tap: string }): Promise<ChannelMaps> {
  const t = tf.tidy(() => {
    const x = melToInput(unet.config, input.mel, input.nMels);
    const noise = melToInput(unet.config, input.noise, input.nMels);
    const s = tf.tensor1d([input.sigma]);
    return unet.forward(addNoise(x, s, noise), s, { taps: [input.tap], v: false }).taps.get(input.tap)!;
  });
  try {
    return await tapMaps(t, input.topK);
  } finally {
    t.dispose();
  }
}
