// Band-limited resampler: Kaiser-windowed sinc, polyphase. The low-pass passes up to 90% of the
// lower Nyquist and stops (>= 80 dB by design) from the lower Nyquist on, so nothing above
// 8 kHz survives a conversion to 16 kHz. For integer rates with a small reduced ratio L/M the
// L phases are exact; otherwise a 4096-phase table is interpolated linearly. Zero-phase: no delay.
import { LabError } from '../common/errors.ts';

/** Design of the anti-alias / anti-image low-pass, relative to min(fromRate, toRate) / 2. */
export const RESAMPLER_DESIGN = Object.freeze({
  passbandFraction: 0.9,
  stopbandFraction: 1.0,
  attenuationDb: 80,
  maxExactPhases: 4096,
  interpolatedPhases: 4096,
});

function besselI0(x: number): number {
  let sum = 1, term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 200; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

interface Kernel {
  /** Taps per phase (2 * half). */
  taps: number;
  half: number;
  /** [phases (+1 when interpolated)][taps] row-major; row p is for fractional offset p / phases. */
  table: Float64Array;
  phases: number;
}

function designKernel(fromRate: number, toRate: number, phases: number, extraRow: boolean): Kernel {
  const d = RESAMPLER_DESIGN;
  const nyquist = Math.min(fromRate, toRate) / 2;
  const pass = d.passbandFraction * nyquist, stop = d.stopbandFraction * nyquist;
  const cutoff = (pass + stop) / 2 / fromRate; // cycles per input sample
  const transition = (2 * Math.PI * (stop - pass)) / fromRate; // radians per input sample
  const a = d.attenuationDb;
  const beta = a > 50 ? 0.1102 * (a - 8.7) : a >= 21 ? 0.5842 * (a - 21) ** 0.4 + 0.07886 * (a - 21) : 0;
  const half = Math.max(2, Math.ceil((a - 8) / (2.285 * transition) / 2));
  const taps = 2 * half;
  const rows = phases + (extraRow ? 1 : 0);
  const table = new Float64Array(rows * taps);
  const i0Beta = besselI0(beta);
  for (let p = 0; p < rows; p++) {
    const frac = p / phases;
    let sum = 0;
    for (let j = 0; j < taps; j++) {
      const u = frac + half - 1 - j; // input-sample distance from the output instant to tap j
      const v = u / half;
      const win = Math.abs(v) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - v * v)) / i0Beta;
      const x = 2 * cutoff * u;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const g = 2 * cutoff * sinc * win;
      table[p * taps + j] = g;
      sum += g;
    }
    for (let j = 0; j < taps; j++) table[p * taps + j] /= sum; // unit DC gain in every phase
  }
  return { taps, half, table, phases };
}

const kernelCache = new Map<string, Kernel>();

/** sum_j a[ai + j] * b[bi + j], four accumulators (taps is even, >= 4). */
function dot(a: Float64Array, ai: number, b: Float64Array, bi: number, taps: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let j = 0;
  for (; j + 3 < taps; j += 4) {
    s0 += a[ai + j] * b[bi + j];
    s1 += a[ai + j + 1] * b[bi + j + 1];
    s2 += a[ai + j + 2] * b[bi + j + 2];
    s3 += a[ai + j + 3] * b[bi + j + 3];
  }
  for (; j < taps; j++) s0 += a[ai + j] * b[bi + j];
  return s0 + s1 + s2 + s3;
}

function validateRate(rate: number, what: string): void {
  if (!Number.isFinite(rate) || rate <= 0) throw new LabError(`resample: ${what} must be a positive number of Hz, got ${rate}`);
}

/** Resamples x from `fromRate` to `toRate` Hz with the band-limited filter above. */
export function resample(x: Float32Array, fromRate: number, toRate: number): Float32Array {
  validateRate(fromRate, 'source rate');
  validateRate(toRate, 'target rate');
  if (fromRate === toRate) return x.slice();
  const n = x.length;
  const exact = Number.isInteger(fromRate) && Number.isInteger(toRate);
  const g = exact ? gcd(fromRate, toRate) : 1;
  const up = exact ? toRate / g : 0, down = exact ? fromRate / g : 0;
  const usePhases = exact && up <= RESAMPLER_DESIGN.maxExactPhases;
  const outLength = usePhases ? Math.ceil((n * up) / down) : Math.ceil((n * toRate) / fromRate);
  const out = new Float32Array(outLength);
  if (n === 0) return out;

  const phases = usePhases ? up : RESAMPLER_DESIGN.interpolatedPhases;
  const key = `${fromRate}:${toRate}:${phases}:${usePhases}`;
  let kernel = kernelCache.get(key);
  if (!kernel) {
    kernel = designKernel(fromRate, toRate, phases, !usePhases);
    kernelCache.set(key, kernel);
  }
  const { taps, half, table } = kernel;
  // Zero-pad so every tap index is in range: tap j of output at base k0 reads x[k0 - half + 1 + j].
  const padded = new Float64Array(n + 2 * half + 2);
  padded.set(x, half);

  if (usePhases) {
    for (let i = 0; i < outLength; i++) {
      const pos = i * down;
      const k0 = Math.floor(pos / up);
      const row = (pos - k0 * up) * taps;
      out[i] = dot(table, row, padded, k0 + 1, taps); // k0 + 1 = (k0 - half + 1) + half in padded indices
    }
  } else {
    const step = fromRate / toRate;
    for (let i = 0; i < outLength; i++) {
      const t = i * step;
      const k0 = Math.floor(t);
      const f = (t - k0) * phases;
      const p = Math.min(Math.floor(f), phases - 1);
      const w = f - p;
      const r0 = p * taps, r1 = r0 + taps;
      const base = k0 + 1;
      let acc = 0;
      for (let j = 0; j < taps; j++) acc += (table[r0 + j] + w * (table[r1 + j] - table[r0 + j])) * padded[base + j];
      out[i] = acc;
    }
  }
  return out;
}
