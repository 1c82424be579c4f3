// How a model wants its input: the log-mel ln(max(mel, 1e-5)) standardised as
// (logmel - mean) / std, with mean and std recorded in the model's config.json (scalars or one
// value per mel band). The canonical place is `config.json` -> `mel.normalisation`
// = {"mean": m, "std": s}; `mel_normalisation` at the top level is read too. A model that
// records none gets DEFAULT_MEL_NORMALISATION, and the provenance says so.
import { MEL_CONFIG } from '../audio/config.ts';
import { LabError } from '../common/errors.ts';

export interface MelNormalisation {
  /** Subtracted from the log-mel: one value, or one per mel band. */
  mean: number | number[];
  /** Divides the centred log-mel: one value, or one per mel band (all > 0). */
  std: number | number[];
  /** Where it came from: "config.json" or "default". */
  source: 'config.json' | 'default';
}

/**
 * Used when a model's config.json records no normalisation (e.g. a bare random-init model): the
 * built-in corpus's log-mel mean and standard deviation over all bands and frames (train split
 * of the tiny preset, seed 1: -0.72 and 1.58).
 */
export const DEFAULT_MEL_NORMALISATION: MelNormalisation = { mean: -0.7, std: 1.6, source: 'default' };

function checkValues(v: unknown, what: string, nMels: number, positive: boolean): number | number[] {
  const ok = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && (!positive || x > 0);
  if (ok(v)) return v as number;
  if (Array.isArray(v) && v.length === nMels && v.every(ok)) return v as number[];
  throw new LabError(`${what} must be a finite number${positive ? ' > 0' : ''} or ${nMels} of them (one per mel band)`);
}

/** The normalisation a model's config.json records, or the default. */
export function readMelNormalisation(configJson: Record<string, unknown> | undefined, source = 'config.json', nMels = 128): MelNormalisation {
  const mel = configJson?.mel as Record<string, unknown> | undefined;
  const raw = (mel && typeof mel === 'object' ? mel.normalisation : undefined) ?? configJson?.mel_normalisation;
  if (raw === undefined || raw === null) return DEFAULT_MEL_NORMALISATION;
  if (typeof raw !== 'object') throw new LabError(`${source}: mel.normalisation must be an object {mean, std}`);
  const r = raw as Record<string, unknown>;
  return {
    mean: checkValues(r.mean, `${source}: mel.normalisation.mean`, nMels, false),
    std: checkValues(r.std, `${source}: mel.normalisation.std`, nMels, true),
    source: 'config.json',
  };
}

/** (logMel - mean) / std for a row-major [nMels, frames] log-mel; returns a new array. */
export function normaliseLogMel(logMel: Float32Array, nMels: number, norm: MelNormalisation): Float32Array {
  if (logMel.length % nMels !== 0) throw new LabError(`log-mel of ${logMel.length} values is not [${nMels}, frames]`);
  const frames = logMel.length / nMels;
  const out = new Float32Array(logMel.length);
  for (let m = 0; m < nMels; m++) {
    const mean = typeof norm.mean === 'number' ? norm.mean : norm.mean[m];
    const std = typeof norm.std === 'number' ? norm.std : norm.std[m];
    const row = m * frames;
    for (let t = 0; t < frames; t++) out[row + t] = (logMel[row + t] - mean) / std;
  }
  return out;
}

/** The normalised value of silence (the log-mel floor ln(1e-5)) in band m: what padding is filled with. */
export function silenceValue(norm: MelNormalisation, m: number): number {
  const mean = typeof norm.mean === 'number' ? norm.mean : norm.mean[m];
  const std = typeof norm.std === 'number' ? norm.std : norm.std[m];
  return (Math.log(MEL_CONFIG.logFloor) - mean) / std;
}
