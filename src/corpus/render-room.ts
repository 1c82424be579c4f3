// Room acoustics for recorded-sounding clips: a seeded impulse response (direct sound, early
// reflections, a two-band exponentially decaying noise tail whose highs die sooner) applied by
// FFT convolution at 16 kHz. The room kind, RT60 and the direct-to-reverberant ratio (mic
// distance) come from the clip's plan. Pure and deterministic; no Node APIs.
import { FftPlan } from '../audio/fft.ts';
import { Rng } from './prng.ts';

export interface RoomPlan {
  kind: 'booth' | 'studio' | 'room' | 'hall' | 'church';
  /** Seconds for the tail to fall 60 dB (low band). */
  rt60: number;
  /** Direct-to-reverberant energy ratio, dB (close mic: high). */
  drrDb: number;
  /** Gap before the tail, seconds. */
  predelay: number;
  seed: number;
}

const RT60: Record<RoomPlan['kind'], [number, number]> = {
  booth: [0.12, 0.3], studio: [0.25, 0.6], room: [0.4, 0.9], hall: [1.2, 2.2], church: [2.0, 3.2],
};

export function planRoom(rng: Rng): RoomPlan {
  const kind = rng.weighted<RoomPlan['kind']>(['booth', 'studio', 'room', 'hall', 'church'], [1, 3, 3, 2.5, 0.8]);
  const [lo, hi] = RT60[kind];
  return { kind, rt60: rng.range(lo, hi), drrDb: rng.range(-4, 14), predelay: rng.range(0.004, 0.03), seed: rng.int(0, 0x7fffffff) };
}

/** The room's impulse response at `rate`, direct sound at sample 0 with amplitude 1. */
export function roomImpulse(room: RoomPlan, rate: number): Float32Array {
  const rng = new Rng(room.seed);
  const len = Math.round(Math.min(room.rt60 * 1.1, 3.0) * rate) + 1;
  const h = new Float64Array(len);
  // Late tail: white noise split into a low and a high band (one-pole), each with its own decay.
  const tLow = room.rt60 / Math.log(1000);
  const tHigh = 0.55 * tLow;
  const start = Math.round(room.predelay * rate);
  const a = Math.exp((-2 * Math.PI * 1500) / rate);
  let lp = 0;
  for (let i = start; i < len; i++) {
    const w = (rng.next() + rng.next() + rng.next() - 1.5) * 2;
    lp = (1 - a) * w + a * lp;
    const t = (i - start) / rate;
    const fadeIn = Math.min(1, (i - start) / (0.01 * rate));
    h[i] = fadeIn * (lp * 3 * Math.exp(-t / tLow) + (w - lp) * Math.exp(-t / tHigh));
  }
  // Early reflections between 2 ms and the predelay + 40 ms.
  const nRefl = rng.int(5, 12);
  for (let k = 0; k < nRefl; k++) {
    const at = Math.round(rng.range(0.002, room.predelay + 0.04) * rate);
    if (at < len) h[at] += (rng.chance(0.5) ? 1 : -1) * rng.range(0.15, 0.6) * Math.exp(-at / rate / tLow);
  }
  // Scale the reverberant part to the planned direct-to-reverberant ratio.
  let e = 0;
  for (let i = 1; i < len; i++) e += h[i] * h[i];
  const g = Math.sqrt(10 ** (-room.drrDb / 10) / Math.max(e, 1e-12));
  const out = new Float32Array(len);
  out[0] = 1;
  for (let i = 1; i < len; i++) out[i] = h[i] * g;
  return out;
}

const plans = new Map<number, FftPlan>();

/** Linear convolution of x with h, truncated to x's length. */
export function convolve(x: Float32Array, h: Float32Array): Float32Array {
  let n = 1;
  while (n < x.length + h.length - 1) n *= 2;
  let plan = plans.get(n);
  if (!plan) {
    plan = new FftPlan(n);
    if (plans.size > 4) plans.clear();
    plans.set(n, plan);
  }
  const xr = new Float64Array(n), xi = new Float64Array(n);
  xr.set(x);
  xi.set(h); // two real signals in one complex transform
  plan.transform(xr, xi);
  // Separate X and H from the packed spectrum, multiply, conjugate for the inverse.
  const yr = new Float64Array(n), yi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const j = (n - k) % n;
    const Xr = 0.5 * (xr[k] + xr[j]), Xi = 0.5 * (xi[k] - xi[j]);
    const Hr = 0.5 * (xi[k] + xi[j]), Hi = -0.5 * (xr[k] - xr[j]);
    yr[k] = Xr * Hr - Xi * Hi;
    yi[k] = -(Xr * Hi + Xi * Hr);
  }
  plan.transform(yr, yi);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = yr[i] / n;
  return out;
}
