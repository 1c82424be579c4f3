// Test-only helpers for the audio tests: fixture locations, tone synthesis and tone analysis
// (least-squares amplitude at a known frequency, frequency from interpolated zero crossings).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNpy, type NpyArray } from '../common/npy.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared/fixtures relative to the repo root; tests fail (not skip) when it is missing. */
export { SHARED_FIXTURES } from '../common/testing/shared-fixtures.ts';
import { SHARED_FIXTURES } from '../common/testing/shared-fixtures.ts';
export const AUDIO_FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/audio');

export function readSharedNpy(rel: string): NpyArray {
  const file = path.join(SHARED_FIXTURES, rel);
  if (!existsSync(file)) throw new Error(`shared fixture missing: ${file} (expected ../shared/fixtures beside the repo)`);
  return parseNpy(new Uint8Array(readFileSync(file)), rel);
}

export function readAudioFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(AUDIO_FIXTURES, name)));
}

export function sine(freqHz: number, rate: number, seconds: number, amplitude = 0.5, phase = 0): Float32Array {
  const n = Math.round(rate * seconds);
  return Float32Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * freqHz * i) / rate + phase));
}

/** Amplitude of the component at `freqHz`, fitted by least squares over x[from, to). */
export function toneAmplitude(x: Float32Array, rate: number, freqHz: number, from = 0, to = x.length): number {
  let ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
  for (let i = from; i < to; i++) {
    const a = (2 * Math.PI * freqHz * i) / rate;
    const s = Math.sin(a), c = Math.cos(a);
    ss += s * s; cc += c * c; sc += s * c; xs += x[i] * s; xc += x[i] * c;
  }
  const det = ss * cc - sc * sc;
  const bs = (xs * cc - xc * sc) / det, bc = (xc * ss - xs * sc) / det;
  return Math.hypot(bs, bc);
}

/** Frequency from the first and last upward zero crossings (linearly interpolated) in x[from, to). */
export function zeroCrossingHz(x: Float32Array, rate: number, from = 0, to = x.length): number {
  let first = -1, last = -1, count = 0;
  for (let i = Math.max(from, 1); i < to; i++) {
    if (x[i - 1] < 0 && x[i] >= 0) {
      const t = i - 1 + x[i - 1] / (x[i - 1] - x[i]);
      if (first < 0) first = t;
      last = t;
      count++;
    }
  }
  if (count < 2) return 0;
  return ((count - 1) * rate) / (last - first);
}

export function rms(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / Math.max(1, to - from));
}

export const db = (ratio: number): number => 20 * Math.log10(ratio);
