// Test helper: seeded synthetic clip probabilities with a known Platt miscalibration.
import { Rng } from '../corpus/prng.ts';
import { sigmoid } from './platt.ts';

/** n clips whose raw probability is sigmoid(z) (z uniform in [-4, 4]) but whose true probability is sigmoid(a z + b). */
export function plattData(n: number, a: number, b: number, seed: number): { p: Float64Array; y: Uint8Array } {
  const rng = new Rng(seed);
  const p = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const z = rng.range(-4, 4);
    p[i] = sigmoid(z);
    y[i] = rng.chance(sigmoid(a * z + b)) ? 1 : 0;
  }
  return { p, y };
}
