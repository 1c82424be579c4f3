// Microphone, recording chain and delivery for recorded-sounding clips (16 kHz): high-pass,
// low/high shelving tilt, an optional telephone-like band limit, a noise floor (and mains hum
// on a few), and a feed-forward compressor. All settings seeded in the clip plan. Pure.
import type { Rng } from './prng.ts';
import { Rng as PRng } from './prng.ts';

export interface MicPlan {
  highpassHz: number;
  lowShelfDb: number;
  highShelfDb: number;
  /** Low-pass corner for a band-limited (phone, old recording) clip, or 0. */
  lowpassHz: number;
  /** Noise floor relative to the clip's RMS, dB (e.g. -60). */
  noiseDb: number;
  humHz: number;
  humDb: number;
  compressor?: { thresholdDb: number; ratio: number; attack: number; release: number };
  seed: number;
}

export function planMic(rng: Rng): MicPlan {
  const band = rng.chance(0.12);
  return {
    highpassHz: rng.range(30, 140),
    lowShelfDb: rng.range(-5, 4),
    highShelfDb: rng.range(-9, 3),
    lowpassHz: band ? rng.range(3200, 6500) : 0,
    noiseDb: rng.range(-75, band ? -35 : -45),
    humHz: rng.chance(0.08) ? rng.weighted([50, 60], [1, 1]) : 0,
    humDb: rng.range(-55, -40),
    compressor: rng.chance(0.5) ? { thresholdDb: rng.range(-6, 2), ratio: rng.range(1.5, 4), attack: rng.range(0.003, 0.02), release: rng.range(0.05, 0.3) } : undefined,
    seed: rng.int(0, 0x7fffffff),
  };
}

/** RBJ biquad, in place. */
function biquad(x: Float32Array, b0: number, b1: number, b2: number, a1: number, a2: number): void {
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const y = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1; x1 = v; y2 = y1; y1 = y;
    x[i] = y;
  }
}

function pass(x: Float32Array, kind: 'hp' | 'lp', f: number, rate: number, q = Math.SQRT1_2): void {
  const w = (2 * Math.PI * f) / rate, c = Math.cos(w), al = Math.sin(w) / (2 * q), a0 = 1 + al;
  if (kind === 'hp') biquad(x, (1 + c) / 2 / a0, -(1 + c) / a0, (1 + c) / 2 / a0, (-2 * c) / a0, (1 - al) / a0);
  else biquad(x, (1 - c) / 2 / a0, (1 - c) / a0, (1 - c) / 2 / a0, (-2 * c) / a0, (1 - al) / a0);
}

function shelf(x: Float32Array, kind: 'low' | 'high', f: number, gainDb: number, rate: number): void {
  const A = 10 ** (gainDb / 40), w = (2 * Math.PI * f) / rate, c = Math.cos(w), s = Math.sin(w);
  const al = (s / 2) * Math.SQRT2, sq = 2 * Math.sqrt(A) * al;
  const sign = kind === 'low' ? 1 : -1;
  const b0 = A * (A + 1 - sign * (A - 1) * c + sq), b1 = sign * 2 * A * (A - 1 - sign * (A + 1) * c), b2 = A * (A + 1 - sign * (A - 1) * c - sq);
  const a0 = A + 1 + sign * (A - 1) * c + sq, a1 = -sign * 2 * (A - 1 + sign * (A + 1) * c), a2 = A + 1 + sign * (A - 1) * c - sq;
  biquad(x, b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
}

function rmsOf(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s / Math.max(1, x.length));
}

/** Applies the chain in place to a 16 kHz clip. */
export function applyMic(x: Float32Array, mic: MicPlan, rate: number): void {
  pass(x, 'hp', mic.highpassHz, rate);
  shelf(x, 'low', 200, mic.lowShelfDb, rate);
  shelf(x, 'high', 3000, mic.highShelfDb, rate);
  if (mic.lowpassHz > 0) { pass(x, 'lp', mic.lowpassHz, rate); pass(x, 'lp', mic.lowpassHz, rate); }
  const level = rmsOf(x);
  if (mic.compressor && level > 0) {
    const { thresholdDb, ratio, attack, release } = mic.compressor;
    const thr = level * 10 ** (thresholdDb / 20);
    const ka = Math.exp(-1 / (attack * rate)), kr = Math.exp(-1 / (release * rate));
    let env = 0;
    for (let i = 0; i < x.length; i++) {
      const v = Math.abs(x[i]);
      env = v > env ? ka * env + (1 - ka) * v : kr * env + (1 - kr) * v;
      if (env > thr) x[i] *= (thr * (env / thr) ** (1 / ratio)) / env;
    }
  }
  // Noise floor: pinkish (one-pole low-passed white plus a little white), then hum.
  const rng = new PRng(mic.seed);
  const noise = new Float32Array(x.length);
  let lp = 0;
  for (let i = 0; i < x.length; i++) {
    const w = rng.next() * 2 - 1;
    lp = 0.97 * lp + 0.03 * w;
    noise[i] = 4 * lp + 0.3 * w;
  }
  const g = (rmsOf(x) * 10 ** (mic.noiseDb / 20)) / Math.max(1e-12, rmsOf(noise));
  for (let i = 0; i < x.length; i++) x[i] += g * noise[i];
  if (mic.humHz > 0) {
    const a = rmsOf(x) * 10 ** (mic.humDb / 20) * Math.SQRT2;
    for (let i = 0; i < x.length; i++) {
      const t = (2 * Math.PI * mic.humHz * i) / rate;
      x[i] += a * (Math.sin(t) + 0.5 * Math.sin(2 * t) + 0.3 * Math.sin(3 * t));
    }
  }
}
