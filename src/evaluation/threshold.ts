// Threshold selection on the validation split, and its application to other scores.
// chooseThreshold accepts only LabelSet<'validation'> (a type error otherwise) and checks the
// split again at run time, so test labels cannot influence the threshold.
// Global mode (default, as Han et al.): one value for all classes, chosen on a grid over [0, 1]
// to maximise micro F1 (or macro F1). Per-class mode: each class gets the grid value that
// maximises its own F1; a class with no validation positives keeps the global value.
// Ties go to the value nearest 0.5 (then the lower one). A clip is positive when score >= value.
import { LabError, check } from '../common/errors.ts';
import { checkSameClasses, checkSameClipCount } from './labels.ts';
import { classWiseMetrics } from './metrics.ts';
import type { LabelSet, Predictions, ScoreMatrix, Threshold, ThresholdMode, ThresholdObjective } from './types.ts';

export interface ThresholdOptions {
  mode?: ThresholdMode;
  /** Defaults to micro-f1 in global mode and macro-f1 in per-class mode. */
  objective?: ThresholdObjective;
  /** Grid step over [0, 1]; default 0.01. */
  step?: number;
}

export function chooseThreshold(
  validationScores: ScoreMatrix,
  validationLabels: LabelSet<'validation'>,
  options: ThresholdOptions = {},
): Threshold {
  if ((validationLabels as { split?: string }).split !== 'validation') {
    throw new LabError(
      `threshold: must be chosen on validation labels, got ${(validationLabels as { split?: string }).split} labels`,
      'test-labels-leak',
    );
  }
  checkSameClasses(validationScores.classes, validationLabels.classes, 'threshold');
  checkSameClipCount(validationScores.rows.length, validationLabels.rows.length, 'threshold');
  check(validationLabels.rows.length > 0, 'threshold: no validation clips to choose a threshold on');
  const mode = options.mode ?? 'global';
  const objective = options.objective ?? (mode === 'global' ? 'micro-f1' : 'macro-f1');
  const step = options.step ?? 0.01;
  check(step > 0 && step <= 0.5, `threshold: grid step ${step} must be in (0, 0.5]`);
  const grid = makeGrid(step);
  const k = validationScores.classes.length;

  const objectiveAt = (values: readonly number[]) => {
    const report = classWiseMetrics(threshold(validationScores, values), validationLabels);
    return objective === 'micro-f1' ? report.micro.f1 : report.macro.f1;
  };
  const globalValue = argBest(grid, (t) => objectiveAt(new Array<number>(k).fill(t)));
  let values = new Array<number>(k).fill(globalValue);
  if (mode === 'per-class') {
    values = validationScores.classes.map((_, c) => {
      const positives = validationLabels.rows.reduce((n, row) => n + row[c], 0);
      if (positives === 0) return globalValue;
      return argBest(grid, (t) => classF1(validationScores, validationLabels, c, t));
    });
  }
  return Object.freeze({
    mode,
    objective,
    classes: Object.freeze([...validationScores.classes]),
    values: Object.freeze(values),
    chosenOn: 'validation' as const,
    validationScore: objectiveAt(values),
    validationClips: validationLabels.rows.length,
  });
}

/** Thresholded decisions for any split's scores (test labels are not involved). */
export function applyThreshold(scores: ScoreMatrix, t: Threshold): Predictions {
  checkSameClasses(scores.classes, t.classes, 'applyThreshold');
  return threshold(scores, t.values);
}

/** Rebuilds a frozen Threshold from saved JSON (e.g. a probe file), checking its fields. */
export function thresholdFromJson(json: unknown, what = 'threshold'): Threshold {
  const o = json as Partial<Threshold> | null;
  check(o !== null && typeof o === 'object', `${what}: not an object`);
  check(o.chosenOn === 'validation', `${what}: chosenOn must be "validation"`);
  check(o.mode === 'global' || o.mode === 'per-class', `${what}: mode must be global or per-class`);
  check(o.objective === 'micro-f1' || o.objective === 'macro-f1', `${what}: objective must be micro-f1 or macro-f1`);
  check(Array.isArray(o.classes) && Array.isArray(o.values) && o.classes.length === o.values.length,
    `${what}: classes and values must be arrays of equal length`);
  check(o.values.every((v) => typeof v === 'number' && v >= 0 && v <= 1), `${what}: values must be in [0, 1]`);
  return Object.freeze({
    mode: o.mode,
    objective: o.objective,
    classes: Object.freeze([...o.classes]),
    values: Object.freeze([...o.values]),
    chosenOn: 'validation' as const,
    validationScore: Number(o.validationScore ?? NaN),
    validationClips: Number(o.validationClips ?? 0),
  });
}

function threshold(scores: ScoreMatrix, values: readonly number[]): Predictions {
  // Compare in float32, the precision scores are stored in, so a score of 0.7 passes 0.7.
  const cut = values.map((v) => Math.fround(v));
  const rows = scores.rows.map((row) => {
    const p = new Uint8Array(row.length);
    for (let c = 0; c < row.length; c++) p[c] = row[c] >= cut[c] ? 1 : 0;
    return p;
  });
  return { classes: scores.classes, rows };
}

function classF1(scores: ScoreMatrix, labels: LabelSet<'validation'>, c: number, value: number): number {
  const t = Math.fround(value);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let r = 0; r < scores.rows.length; r++) {
    const p = scores.rows[r][c] >= t;
    const y = labels.rows[r][c] === 1;
    if (p && y) tp++;
    else if (p) fp++;
    else if (y) fn++;
  }
  return 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

function makeGrid(step: number): number[] {
  const n = Math.round(1 / step);
  const grid: number[] = [];
  for (let i = 0; i <= n; i++) grid.push(Math.min(1, Math.round(i * step * 1e6) / 1e6));
  return grid;
}

/** The grid value with the best objective; ties to the value nearest 0.5, then the lower. */
function argBest(grid: readonly number[], f: (t: number) => number): number {
  let best = grid[0];
  let bestScore = -Infinity;
  for (const t of grid) {
    const s = f(t);
    const better = s > bestScore + 1e-12;
    const tie = Math.abs(s - bestScore) <= 1e-12;
    if (better || (tie && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
      best = t;
      bestScore = s;
    }
  }
  return best;
}
