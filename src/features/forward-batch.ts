// One batched U-Net pass for feature extraction: window slices of normalised log-mels are noised
// with their seeded noise at sigma, run up to the last requested tap (the U-Net stops there, so
// encoder taps never run the decoder), and each tap comes back pooled (mean over positions -> [C])
// or as full maps in torch layout ([C, H, W] in 2D, [C, T] in 1D). Every tensor is disposed here.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import type { UNet } from '../unet/model.ts';
import type { UNetConfig } from '../unet/config.ts';
import { listTaps } from '../unet/taps.ts';
import { addNoise } from '../unet/diffusion.ts';

export interface BatchWindow {
  /** Normalised log-mel of the window, row-major [nMels, frames]. */
  mel: Float32Array;
  /** Standard normal noise of the same size. */
  noise: Float32Array;
}

/** Per-window feature shape (torch layout, batch dim dropped) of a tap. */
export function tapFeatureShape(cfg: UNetConfig, tap: string, nMels: number, frames: number, pooled: boolean): number[] {
  const input = cfg.dim === 2 ? [1, cfg.in_channels, nMels, frames] : [1, cfg.in_channels, frames];
  const info = listTaps(cfg, input).find((t) => t.name === tap);
  if (!info) throw new LabError(`unknown tap "${tap}" (valid: ${listTaps(cfg, input).map((t) => t.name).join(', ')})`);
  return pooled ? [info.shape[1]] : info.shape.slice(1);
}

/** Checks that the model reads log-mels of `nMels` bands (2D: 1 input channel; 1D: nMels channels). */
export function checkMelModel(cfg: UNetConfig, nMels: number): void {
  if (cfg.dim === 2 && cfg.in_channels !== 1) {
    throw new LabError(`model: a 2D U-Net on mel spectrograms needs in_channels 1, the config has ${cfg.in_channels}`);
  }
  if (cfg.dim === 1 && cfg.in_channels !== nMels) {
    throw new LabError(`model: a 1D U-Net reads the ${nMels} mel bands as channels, the config has in_channels ${cfg.in_channels}`);
  }
}

/** Channels-last model input [B, nMels, frames, 1] (2D) or [B, frames, nMels] (1D) from row-major windows. */
function inputTensor(cfg: UNetConfig, rows: Float32Array[], nMels: number, frames: number): tf.Tensor {
  const B = rows.length;
  const buf = new Float32Array(B * nMels * frames);
  if (cfg.dim === 2) {
    rows.forEach((r, b) => buf.set(r, b * nMels * frames));
    return tf.tensor4d(buf, [B, nMels, frames, 1]);
  }
  rows.forEach((r, b) => {
    const base = b * nMels * frames;
    for (let m = 0; m < nMels; m++) for (let t = 0; t < frames; t++) buf[base + t * nMels + m] = r[m * frames + t];
  });
  return tf.tensor3d(buf, [B, frames, nMels]);
}

/**
 * Runs one batch; returns, per tap, B × prod(shape) values (windows back to back, torch layout
 * per window). Windows must all be `frames` long.
 */
export async function forwardBatch(
  unet: UNet, windows: BatchWindow[], sigma: number, taps: readonly string[], pooled: boolean, nMels: number,
): Promise<Map<string, Float32Array>> {
  const cfg = unet.config;
  const B = windows.length;
  const frames = windows[0].mel.length / nMels;
  const outputs = tf.tidy(() => {
    const x = inputTensor(cfg, windows.map((w) => w.mel), nMels, frames);
    const noise = inputTensor(cfg, windows.map((w) => w.noise), nMels, frames);
    const s = tf.fill([B], sigma) as tf.Tensor1D;
    const noisy = addNoise(x, s, noise);
    const result = unet.forward(noisy, s, { taps, v: false });
    const out: tf.Tensor[] = [];
    for (const tap of taps) {
      const t = result.taps.get(tap);
      if (!t) throw new LabError(`U-Net returned no tap "${tap}"`);
      const spatial = t.shape.slice(1, -1).map((_, i) => i + 1);
      out.push(pooled ? tf.mean(t, spatial) : tf.transpose(t, [0, t.rank - 1, ...spatial]));
    }
    return out;
  });
  try {
    const data = await Promise.all(outputs.map((t) => t.data() as Promise<Float32Array>));
    return new Map(taps.map((tap, i) => [tap, data[i]]));
  } finally {
    tf.dispose(outputs);
  }
}
