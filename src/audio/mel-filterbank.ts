// HTK mel filterbank without area normalisation (torchaudio melscale_fbanks semantics):
// triangles over the linear STFT bins 0..sr/2, corners evenly spaced on the HTK mel scale
// between fMin and fMax. Built in float64 once per configuration and cached.
import { MEL_CONFIG } from './config.ts';

export const hzToMelHtk = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
export const melToHzHtk = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

export interface MelFilterbank {
  nFreqs: number;
  nMels: number;
  /** Dense weights, [nFreqs, nMels] row-major (the layout of mel_filterbank.npy). */
  dense: Float64Array;
  /** Per band: first bin with a non-zero weight and the weights from there (sparse rows). */
  bandStart: Int32Array;
  bandWeights: Float64Array[];
}

export interface FilterbankSpec {
  sampleRate: number;
  nFft: number;
  nMels: number;
  fMin: number;
  fMax: number;
}

export function buildMelFilterbank(spec: FilterbankSpec): MelFilterbank {
  const { sampleRate, nFft, nMels, fMin, fMax } = spec;
  const nFreqs = Math.floor(nFft / 2) + 1;
  const binHz = (k: number) => ((sampleRate / 2) * k) / (nFreqs - 1);
  const melMin = hzToMelHtk(fMin);
  const melMax = hzToMelHtk(fMax);
  const cornersHz = Array.from({ length: nMels + 2 }, (_, i) => melToHzHtk(melMin + ((melMax - melMin) * i) / (nMels + 1)));
  const dense = new Float64Array(nFreqs * nMels);
  const bandStart = new Int32Array(nMels);
  const bandWeights: Float64Array[] = [];
  for (let b = 0; b < nMels; b++) {
    const left = cornersHz[b], centre = cornersHz[b + 1], right = cornersHz[b + 2];
    let first = -1;
    const weights: number[] = [];
    for (let k = 0; k < nFreqs; k++) {
      const f = binHz(k);
      const rising = (f - left) / (centre - left);
      const falling = (right - f) / (right - centre);
      const w = Math.max(0, Math.min(rising, falling));
      dense[k * nMels + b] = w;
      if (w > 0) {
        if (first < 0) first = k;
        weights.length = k - first + 1;
        weights[k - first] = w;
      }
    }
    bandStart[b] = Math.max(first, 0);
    bandWeights.push(Float64Array.from(weights, (w) => w ?? 0));
  }
  return { nFreqs, nMels, dense, bandStart, bandWeights };
}

let cached: MelFilterbank | undefined;

/** The filterbank of MEL_CONFIG, built on first use. */
export function melFilterbank(): MelFilterbank {
  cached ??= buildMelFilterbank(MEL_CONFIG);
  return cached;
}
