// Windows of a clip's (normalised) log-mel for the U-Net: every window is WINDOW frames long, a
// multiple of the U-Net's total downsampling (8). Default: 152 frames = 3.04 s at hop 320, i.e. a
// 3 s training clip (150 frames) is exactly one window, padded by two frames; longer clips (test
// clips of 5-10 s, a user's recording) are cut every 76 frames (50% overlap) with one extra
// window ending at the clip's end (evaluation/windows.ts slidingWindows), and every window's
// features are kept so evaluation can aggregate them. Padding is silence (the log-mel floor).
import { MEL_CONFIG } from '../audio/config.ts';
import { check } from '../common/errors.ts';
import { slidingWindows, type WindowSpan } from '../evaluation/windows.ts';
import { silenceValue, type MelNormalisation } from './mel-norm.ts';

export interface WindowSpec {
  /** Frames per window (a multiple of the model's total downsampling). */
  frames: number;
  /** Frames between window starts. */
  hop: number;
}

/** 152 frames (3.04 s) every 76 frames (1.52 s). */
export const DEFAULT_WINDOW: WindowSpec = Object.freeze({ frames: 152, hop: 76 });

/** Seconds per mel frame (20 ms). */
export const FRAME_SECONDS = MEL_CONFIG.hopLength / MEL_CONFIG.sampleRate;

export function checkWindowSpec(w: WindowSpec, multipleOf = 8): void {
  check(Number.isInteger(w.frames) && w.frames > 0 && w.frames % multipleOf === 0,
    () => `window: ${w.frames} frames must be a positive multiple of ${multipleOf} (the U-Net's total downsampling)`);
  check(Number.isInteger(w.hop) && w.hop > 0, () => `window: hop ${w.hop} must be a positive integer number of frames`);
}

/** A window written FRAMES or FRAMES/HOP (the CLI's --window; hop defaults to half the frames, rounded down). */
export function parseWindowSpec(text: string): WindowSpec {
  const m = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  check(m !== null, () => `--window "${text}": write FRAMES or FRAMES/HOP in mel frames of 20 ms, e.g. 152/76 (the default) or 48/24`);
  const frames = Number(m![1]);
  const w = { frames, hop: m![2] !== undefined ? Number(m![2]) : Math.max(1, Math.floor(frames / 2)) };
  checkWindowSpec(w);
  return w;
}

/** The windows of a clip of `frames` mel frames. */
export function clipWindows(frames: number, spec: WindowSpec = DEFAULT_WINDOW): WindowSpan[] {
  checkWindowSpec(spec);
  return slidingWindows(frames, spec.frames, spec.hop);
}

/**
 * Copies window `span` of a row-major [nMels, frames] array into `out` ([nMels, span length],
 * row-major), filling frames past the clip's end with the normalised silence value.
 */
export function windowSlice(
  mel: Float32Array, nMels: number, span: WindowSpan, norm: MelNormalisation, out?: Float32Array,
): Float32Array {
  const frames = mel.length / nMels;
  const len = span.end - span.start;
  const dst = out ?? new Float32Array(nMels * len);
  const have = Math.max(0, Math.min(len, frames - span.start));
  for (let m = 0; m < nMels; m++) {
    const src = m * frames + span.start;
    dst.set(mel.subarray(src, src + have), m * len);
    if (have < len) dst.fill(silenceValue(norm, m), m * len + have, (m + 1) * len);
  }
  return dst;
}

/** A window's span in seconds (rounded to the millisecond). */
export function spanSeconds(span: WindowSpan): { start: number; end: number } {
  const ms = (frames: number) => Math.round(frames * FRAME_SECONDS * 1000) / 1000;
  return { start: ms(span.start), end: ms(span.end) };
}
