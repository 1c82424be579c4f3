// 1 s log-mel windows for the Han CNN. Training clips (3 s = 150 frames) are cut into
// non-overlapping 1 s windows (hop 50 frames), each labelled with its clip's labels; validation
// and test clips are scanned with 1 s windows every 0.5 s (hop 25), plus a tail window ending
// at the clip end (evaluation/windows.ts). Frames past a short clip's end are filled with the
// clip's quietest log-mel value (ln 1e-5 = silence for the front end).
import * as tf from '@tensorflow/tfjs';
import { check } from '../common/errors.ts';
import { slidingWindows } from '../evaluation/windows.ts';
import type { LabelledSource } from '../probes/fit.ts';

export const HOP_SECONDS = 0.02; // 320 samples at 16 kHz
export const TRAIN_HOP_FRAMES = 50;
export const EVAL_HOP_FRAMES = 25;
const SILENCE = Math.log(1e-5);

export interface MelClipLabelled {
  id: string;
  /** Raw log-mel, [mels, frames] row-major. */
  mel: Float32Array;
  frames: number;
  /** Multi-hot over the classes. */
  labels: Uint8Array;
}

export interface WindowPick {
  clip: number;
  start: number;
}

export function windowPicks(clips: readonly MelClipLabelled[], window: number, hop: number): WindowPick[] {
  return clips.flatMap((c, clip) => slidingWindows(c.frames, window, hop).map((s) => ({ clip, start: s.start })));
}

/** A batch source over windows of clips: [B, mels, window, 1] tensors, labels and clip ids. */
export function windowSource(
  clips: readonly MelClipLabelled[], mels: number, window: number, hop: number, classes: number,
): LabelledSource & { picks: WindowPick[] } {
  const picks = windowPicks(clips, window, hop);
  const labels = new Uint8Array(picks.length * classes);
  picks.forEach((p, i) => {
    check(clips[p.clip].labels.length === classes, () => `clip ${clips[p.clip].id}: ${clips[p.clip].labels.length} labels, expected ${classes}`);
    labels.set(clips[p.clip].labels, i * classes);
  });
  return {
    count: picks.length,
    labels,
    clipIds: picks.map((p) => clips[p.clip].id),
    picks,
    batch: (idx) => tf.tensor4d(windowBatch(clips, picks, idx, mels, window), [idx.length, mels, window, 1]),
  };
}

function windowBatch(
  clips: readonly MelClipLabelled[], picks: readonly WindowPick[], idx: ArrayLike<number>, mels: number, window: number,
): Float32Array {
  const out = new Float32Array(idx.length * mels * window);
  for (let b = 0; b < idx.length; b++) {
    const { clip, start } = picks[idx[b]];
    const c = clips[clip];
    const have = Math.max(0, Math.min(window, c.frames - start));
    for (let m = 0; m < mels; m++) {
      const dst = (b * mels + m) * window;
      out.set(c.mel.subarray(m * c.frames + start, m * c.frames + start + have), dst);
      if (have < window) out.fill(SILENCE, dst + have, dst + window);
    }
  }
  return out;
}

/** Scalar mean and standard deviation over every log-mel value of the clips. */
export function melStats(clips: readonly MelClipLabelled[]): { mean: number; std: number } {
  let n = 0;
  let s = 0;
  let q = 0;
  for (const c of clips) {
    for (let i = 0; i < c.mel.length; i++) {
      s += c.mel[i];
      q += c.mel[i] * c.mel[i];
    }
    n += c.mel.length;
  }
  check(n > 0, 'Han CNN: no log-mel values to normalise with');
  const mean = s / n;
  return { mean, std: Math.sqrt(Math.max(q / n - mean * mean, 1e-12)) };
}
