// Log-mel front end exactly as ../shared/fixtures/mel/config.json: reflect padding of 160 per
// side, 640-point periodic-Hann frames every 320 samples (no centring), |STFT| (power 1),
// 128 HTK mel bands 0-8 kHz, log = ln(max(mel, 1e-5)). Float64 inside, float32 out, pure
// TypeScript so Node and the browser run the same code. Output is [nMels, frames] row-major.
import { LabError } from '../common/errors.ts';
import { throwIfCancelled } from '../common/progress.ts';
import { MEL_CONFIG, MIN_SAMPLES_16K } from './config.ts';
import { FftPlan } from './fft.ts';
import { melFilterbank } from './mel-filterbank.ts';
import type { MelSpectrogram } from './types.ts';

export interface MelOptions {
  /** Checked every few hundred frames; aborting throws CancelledError. */
  signal?: AbortSignal;
}

export interface LogMelSpectrogram {
  /** ln(max(mel, 1e-5)), [nMels, frames] row-major. */
  logMel: Float32Array;
  frames: number;
  nMels: 128;
}

let plan: FftPlan | undefined;
let hann: Float64Array | undefined;

function periodicHann(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, j) => 0.5 - 0.5 * Math.cos((2 * Math.PI * j) / n));
}

/** Number of frames the front end gives for `n` samples at 16 kHz. */
export function melFrameCount(n: number): number {
  const { nFft, hopLength, pad } = MEL_CONFIG;
  if (n < MIN_SAMPLES_16K) return 0;
  return Math.floor((n + 2 * pad - nFft) / hopLength) + 1;
}

/** Copies x with `pad` reflected samples on each side (torch 'reflect': the edge is not repeated). */
function reflectPad(x: Float32Array, pad: number): Float32Array {
  const n = x.length;
  const out = new Float32Array(n + 2 * pad);
  out.set(x, pad);
  for (let i = 1; i <= pad; i++) {
    out[pad - i] = x[i];
    out[pad + n - 1 + i] = x[n - 1 - i];
  }
  return out;
}

/** Mel magnitude spectrogram of 16 kHz mono samples: [128, frames] row-major float32. */
export function melSpectrogram(samples16k: Float32Array, opts: MelOptions = {}): MelSpectrogram {
  const { nFft, hopLength, pad, nMels } = MEL_CONFIG;
  const n = samples16k.length;
  if (n < MIN_SAMPLES_16K) {
    throw new LabError(
      `mel: clip has ${n} samples at 16 kHz; at least ${MIN_SAMPLES_16K} (${(MIN_SAMPLES_16K / 16).toFixed(0)} ms) are needed for one frame`,
    );
  }
  plan ??= new FftPlan(nFft);
  hann ??= periodicHann(nFft);
  const fb = melFilterbank();
  const frames = melFrameCount(n);
  const x = reflectPad(samples16k, pad);
  const out = new Float32Array(nMels * frames);
  const re = new Float64Array(nFft), im = new Float64Array(nFft);
  const magA = new Float64Array(fb.nFreqs), magB = new Float64Array(fb.nFreqs);
  const half = nFft / 2;
  const w = hann;

  for (let t = 0; t < frames; t += 2) {
    if (t % 512 === 0) throwIfCancelled(opts.signal, 'mel spectrogram');
    const hasB = t + 1 < frames;
    const offA = t * hopLength, offB = offA + hopLength;
    for (let j = 0; j < nFft; j++) {
      re[j] = x[offA + j] * w[j];
      im[j] = hasB ? x[offB + j] * w[j] : 0;
    }
    plan.transform(re, im);
    // Two real frames in one complex FFT: A[k] = (Z[k] + conj Z[N-k]) / 2, B[k] = (Z[k] - conj Z[N-k]) / 2i.
    for (let k = 0; k <= half; k++) {
      const nk = k === 0 ? 0 : nFft - k;
      const zr = re[k], zi = im[k], cr = re[nk], ci = -im[nk];
      magA[k] = 0.5 * Math.hypot(zr + cr, zi + ci);
      magB[k] = 0.5 * Math.hypot(zr - cr, zi - ci);
    }
    for (let b = 0; b < nMels; b++) {
      const start = fb.bandStart[b], weights = fb.bandWeights[b];
      let sa = 0, sb = 0;
      for (let i = 0; i < weights.length; i++) { sa += weights[i] * magA[start + i]; sb += weights[i] * magB[start + i]; }
      out[b * frames + t] = sa;
      if (hasB) out[b * frames + t + 1] = sb;
    }
  }
  return { magnitude: out, frames, nMels: 128 };
}

/** ln(max(mel, 1e-5)) of a mel magnitude array (any layout), float32. */
export function toLogMel(magnitude: Float32Array): Float32Array {
  const floor = MEL_CONFIG.logFloor;
  const out = new Float32Array(magnitude.length);
  for (let i = 0; i < magnitude.length; i++) out[i] = Math.log(Math.max(magnitude[i], floor));
  return out;
}

/** Log-mel spectrogram of 16 kHz mono samples: [128, frames] row-major float32. */
export function logMel(samples16k: Float32Array, opts: MelOptions = {}): LogMelSpectrogram {
  const mel = melSpectrogram(samples16k, opts);
  return { logMel: toLogMel(mel.magnitude), frames: mel.frames, nMels: mel.nMels };
}
