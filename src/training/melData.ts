// The training data (no Node imports): log-mel clips ([128, frames] row-major, the audio part's
// front end), their normalisation statistics, and batches of random crops in the U-Net's
// channels-last layout [B, 128, frames, 1]. Reading a corpus folder: melData-node.ts.
import { LabError } from '../common/errors.ts';
import { normaliseLogMel, silenceValue, type MelNormalisation } from '../features/mel-norm.ts';

export const N_MELS = 128;

export interface MelClip {
  id: string;
  /** [128, frames] row-major: raw ln(max(mel, 1e-5)), or normalised after normaliseClips. */
  mel: Float32Array;
  frames: number;
}

/** Scalar mean and standard deviation of every log-mel value of `clips` (float64 sums). */
export function melStatistics(clips: readonly MelClip[]): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (const c of clips) {
    for (let i = 0; i < c.mel.length; i++) {
      sum += c.mel[i];
      sq += c.mel[i] * c.mel[i];
    }
    n += c.mel.length;
  }
  if (n === 0) throw new LabError('mel statistics: no values');
  const mean = sum / n;
  const std = Math.sqrt(Math.max(sq / n - mean * mean, 1e-12));
  return { mean: Math.round(mean * 1e4) / 1e4, std: Math.round(std * 1e4) / 1e4 };
}

/** The clips with (logmel - mean) / std applied, as extraction applies it (features/mel-norm.ts). */
export function normaliseClips(clips: readonly MelClip[], norm: MelNormalisation): MelClip[] {
  return clips.map((c) => ({ ...c, mel: normaliseLogMel(c.mel, N_MELS, norm) }));
}

export interface CropPick {
  clip: number;
  /** First frame of the crop (frames past the clip's end are filled with silence). */
  offset: number;
}

/** Crops of `frames` frames as one channels-last batch [B, 128, frames, 1], row-major. */
export function cropBatch(clips: readonly MelClip[], picks: readonly CropPick[], frames: number, norm: MelNormalisation): Float32Array {
  const out = new Float32Array(picks.length * N_MELS * frames);
  picks.forEach(({ clip, offset }, b) => {
    const c = clips[clip];
    const have = Math.max(0, Math.min(frames, c.frames - offset));
    for (let m = 0; m < N_MELS; m++) {
      const dst = (b * N_MELS + m) * frames;
      out.set(c.mel.subarray(m * c.frames + offset, m * c.frames + offset + have), dst);
      if (have < frames) out.fill(silenceValue(norm, m), dst + have, dst + frames);
    }
  });
  return out;
}

/** The centre crop of every clip (deterministic; used for validation and evaluation). */
export function centreCrops(clips: readonly MelClip[], frames: number): CropPick[] {
  return clips.map((c, clip) => ({ clip, offset: Math.max(0, Math.floor((c.frames - frames) / 2)) }));
}
