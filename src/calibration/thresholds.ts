// Per-class decision thresholds on calibrated probabilities: the value on a grid (step 0.01)
// over [floor, 1] that maximises the class's F1 on the validation clips (positive when
// q >= t). The floor (default 0.2) keeps a class from being named on weak evidence even when a
// lower cut would add recall. Ties go to the value nearest 0.5, then the lower one (the rule of
// src/evaluation/threshold.ts).
import { check } from '../common/errors.ts';
import type { ThresholdRule } from './types.ts';

export const DEFAULT_THRESHOLD_RULE: ThresholdRule = Object.freeze({
  objective: 'f1', floor: 0.2, step: 0.01, ties: 'nearest 0.5, then the lower value',
}) as ThresholdRule;

export function f1At(q: ArrayLike<number>, y: ArrayLike<number>, t: number): number {
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < q.length; i++) {
    const p = q[i] >= t;
    if (p && y[i]) tp++;
    else if (p) fp++;
    else if (y[i]) fn++;
  }
  return 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** The F1-maximising threshold of one class on (calibrated probability, 0/1 label) pairs, and its F1. */
export function chooseClassThreshold(q: ArrayLike<number>, y: ArrayLike<number>, rule: Pick<ThresholdRule, 'floor' | 'step'> = DEFAULT_THRESHOLD_RULE): { threshold: number; f1: number } {
  check(q.length === y.length && q.length > 0, () => `threshold: ${q.length} probabilities and ${y.length} labels`);
  check(rule.floor >= 0 && rule.floor <= 1, `threshold: floor ${rule.floor} is outside [0, 1]`);
  check(rule.step > 0 && rule.step <= 0.5, `threshold: step ${rule.step} must be in (0, 0.5]`);
  let best = NaN;
  let bestF1 = -Infinity;
  const n = Math.round((1 - rule.floor) / rule.step);
  for (let i = 0; i <= n; i++) {
    const t = Math.min(1, Math.round((rule.floor + i * rule.step) * 1e6) / 1e6);
    const f = f1At(q, y, t);
    const better = f > bestF1 + 1e-12;
    const tie = Math.abs(f - bestF1) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best - 0.5);
    if (better || tie) {
      best = t;
      bestF1 = f;
    }
  }
  return { threshold: best, f1: bestF1 };
}
