// Test helpers of the training part: a tiny U-Net config and synthetic log-mel clips with
// learnable structure (harmonic stacks that move in time over a noise floor).
import { TINY_CONFIG } from '../unet/presets.ts';
import type { UNetConfig } from '../unet/config.ts';
import { N_MELS, type MelClip } from './melData.ts';
import { Prng } from './prng.ts';

/** The tiny U-Net config the training tests use (the shared preset). */
export const TINY_TRAIN_CONFIG: UNetConfig = TINY_CONFIG;

/** `count` clips of `frames` frames in log-mel units (about -11.5 .. 2). */
export function syntheticMelClips(count: number, frames: number, seed: number): MelClip[] {
  const prng = new Prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const mel = new Float32Array(N_MELS * frames);
    const f0 = 6 + prng.int(20);
    const drift = prng.uniform() * 0.2 - 0.1;
    for (let m = 0; m < N_MELS; m++) {
      for (let t = 0; t < frames; t++) {
        const base = f0 + drift * t;
        const harmonic = [1, 2, 3, 4].some((h) => Math.abs(m - base * h) < 1.5);
        mel[m * frames + t] = (harmonic ? 0 : -9) + 0.3 * (prng.uniform() - 0.5);
      }
    }
    return { id: `syn-${seed}-${i}`, mel, frames };
  });
}
