// Windows over test clips and their aggregation to one score row per clip, as Han et al.:
// mean of the window probabilities over the clip, then divided by the largest class mean,
// so the top class scores 1 and the threshold acts on relative strength.
import { LabError, check } from '../common/errors.ts';
import { checkClasses, scoreMatrix } from './labels.ts';
import type { ScoreMatrix } from './types.ts';

export interface WindowSpan {
  /** First frame (or sample) of the window, inclusive. */
  start: number;
  /** One past the last frame; end - start = window length. */
  end: number;
}

/**
 * Windows of `window` frames every `hop` frames over `length` frames. A tail the regular hop
 * misses gets one extra window ending at the clip's end, so every frame is covered. A clip
 * shorter than one window gets a single window [0, window) that the caller pads.
 */
export function slidingWindows(length: number, window: number, hop: number): WindowSpan[] {
  check(Number.isInteger(length) && length > 0, `windows: clip length ${length} must be a positive integer`);
  check(Number.isInteger(window) && window > 0, `windows: window ${window} must be a positive integer`);
  check(Number.isInteger(hop) && hop > 0, `windows: hop ${hop} must be a positive integer`);
  if (length <= window) return [{ start: 0, end: window }];
  const spans: WindowSpan[] = [];
  let start = 0;
  for (; start + window <= length; start += hop) spans.push({ start, end: start + window });
  const last = spans[spans.length - 1];
  if (last.end < length) spans.push({ start: length - window, end: length });
  return spans;
}

/** How window scores become a clip score: 'mean-max' (mean, then / max over classes) or 'mean'. */
export type Aggregation = 'mean-max' | 'mean';

/** One clip's score row from its windows' probabilities (windows × classes). */
export function aggregateWindows(windowProbs: readonly ArrayLike<number>[], how: Aggregation = 'mean-max'): Float32Array {
  check(windowProbs.length > 0, 'aggregate: a clip has no windows');
  const k = windowProbs[0].length;
  const mean = new Float32Array(k);
  for (const w of windowProbs) {
    check(w.length === k, () => `aggregate: windows have ${w.length} and ${k} classes`);
    for (let c = 0; c < k; c++) mean[c] += w[c] / windowProbs.length;
  }
  if (how === 'mean') return mean;
  let max = 0;
  for (let c = 0; c < k; c++) max = Math.max(max, mean[c]);
  if (max > 0) for (let c = 0; c < k; c++) mean[c] = Math.min(1, mean[c] / max);
  return mean;
}

/**
 * Groups window probabilities (row-major windows × classes) by clip id and aggregates each
 * clip. Returns the clip ids in first-seen order and the matching score matrix.
 */
export function aggregateByClip(
  classes: readonly string[],
  windowProbs: Float32Array,
  clipIds: readonly string[],
  how: Aggregation = 'mean-max',
): { clipIds: string[]; scores: ScoreMatrix } {
  checkClasses(classes, 'aggregate');
  const k = classes.length;
  if (windowProbs.length !== clipIds.length * k) {
    throw new LabError(`aggregate: ${windowProbs.length} values for ${clipIds.length} windows × ${k} classes`);
  }
  const groups = new Map<string, Float32Array[]>();
  clipIds.forEach((id, w) => {
    const list = groups.get(id) ?? [];
    list.push(windowProbs.subarray(w * k, (w + 1) * k));
    groups.set(id, list);
  });
  const ids = [...groups.keys()];
  return { clipIds: ids, scores: scoreMatrix(classes, ids.map((id) => aggregateWindows(groups.get(id)!, how))) };
}
