// Fits a calibration on a validation set: per class a Platt mapping of the raw clip
// probabilities, then the class's F1-maximising threshold (with a floor) on the calibrated
// probabilities, and the reliability (ECE, bins) before and after. It reads only what it is
// given: the labels must be a LabelSet<'validation'> (a type error otherwise, and checked again
// at run time, LabError code 'test-labels-leak', as src/evaluation/threshold.ts does).
import { LabError, check } from '../common/errors.ts';
import { checkSameClasses, checkSameClipCount } from '../evaluation/labels.ts';
import type { LabelSet, ScoreMatrix } from '../evaluation/types.ts';
import { calibratedProbability } from './apply.ts';
import { fitPlatt } from './platt.ts';
import { DEFAULT_BINS, reliability } from './reliability.ts';
import { DEFAULT_THRESHOLD_RULE, chooseClassThreshold } from './thresholds.ts';
import type { Calibration, ClassCalibration, FittedOn, ThresholdRule } from './types.ts';

export interface CalibrationInput {
  /** Raw clip probabilities (the mean of the window sigmoids), one row per validation clip. */
  probabilities: ScoreMatrix;
  /** The same clips' labels, from the validation set only. */
  labels: LabelSet<'validation'>;
  /** Which set this is (name and content id; clip count is taken from the labels). */
  fittedOn: Omit<FittedOn, 'clips'>;
  model: Calibration['model'];
}

export interface FitCalibrationOptions {
  rule?: Partial<Pick<ThresholdRule, 'floor' | 'step'>>;
  bins?: number;
  /** ISO time written into the file; left out when not given (tests stay deterministic). */
  created?: string;
}

export function fitCalibration(input: CalibrationInput, opts: FitCalibrationOptions = {}): Calibration {
  const { probabilities, labels } = input;
  const split = (labels as { split?: string }).split;
  if (split !== 'validation') {
    throw new LabError(`calibration: must be fitted on validation labels, got ${split} labels`, 'test-labels-leak');
  }
  checkSameClasses(probabilities.classes, labels.classes, 'calibration');
  checkSameClipCount(probabilities.rows.length, labels.rows.length, 'calibration');
  const n = labels.rows.length;
  check(n > 0, 'calibration: no validation clips to fit on');
  const rule: ThresholdRule = { ...DEFAULT_THRESHOLD_RULE, ...opts.rule };
  const bins = opts.bins ?? DEFAULT_BINS;
  const labelRows = labels.rows;

  const classes: ClassCalibration[] = probabilities.classes.map((code, c) => {
    const p = Float64Array.from({ length: n }, (_, r) => probabilities.rows[r][c]);
    const y = Uint8Array.from({ length: n }, (_, r) => labelRows[r][c]);
    const positives = y.reduce((s, v) => s + v, 0);
    const negatives = n - positives;
    if (positives === 0 || negatives === 0) {
      return {
        code, a: 1, b: 0, threshold: 0.5, fitted: false, positives, negatives, validationF1: null,
        note: positives === 0 ? 'no validation clip has this class: identity mapping, threshold 0.5' : 'every validation clip has this class: identity mapping, threshold 0.5',
      };
    }
    const fit = fitPlatt(p, y);
    const params = { a: round(fit.a), b: round(fit.b) };
    const q = Array.from(p, (v) => calibratedProbability(v, params));
    const { threshold, f1 } = chooseClassThreshold(q, y, rule);
    return {
      code, ...params, threshold, fitted: true, positives, negatives, validationF1: f1,
      ...(fit.clamped
        ? { note: 'the best slope was negative (the model ranks this class backwards on this set): a held at 0, every clip gets the base rate' }
        : fit.converged ? {} : { note: `Newton iterations stopped after ${fit.iterations} without converging` }),
    };
  });

  const rawRows = probabilities.rows;
  const calRows = rawRows.map((row) => classes.map((cls, c) => calibratedProbability(row[c], cls)));
  const before = reliability(rawRows, labelRows, bins);
  const after = reliability(calRows, labelRows, bins);
  return {
    format: 'diffpir-calibration',
    version: 1,
    method: 'platt',
    input: 'clip-mean-probability',
    ...(opts.created ? { created: opts.created } : {}),
    model: input.model,
    fittedOn: { ...input.fittedOn, clips: n },
    thresholdRule: rule,
    classes,
    ece: { before: before.ece, after: after.ece, bins, pairs: before.pairs },
    reliability: { before: before.bins, after: after.bins },
  };
}

/** (a, b) are stored with 6 decimals; the stored values are the ones applied (and thresholds chosen on). */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
