// finishRecognition: "not sure" instead of naming the least-bad class, the top 3 always listed,
// and calibrated probabilities and decisions when a calibration is given.
import { describe, expect, it } from 'vitest';
import type { Calibration } from '../calibration/types.ts';
import { NOT_SURE_VERDICT, finishRecognition } from './confidence.ts';
import type { RecognitionScores } from './recognition-types.ts';

const classes = ['flu', 'pia', 'voi', 'vio'];

/** Scores as the models give them: raw probabilities, mean-max score, model rule score >= 0.5. */
function scores(p: number[]): RecognitionScores {
  const max = Math.max(...p);
  return {
    instruments: classes.map((code, c) => ({ code, probability: p[c], score: p[c] / max, predicted: p[c] / max >= 0.5 })),
    threshold: 0.5, windows: [], model: 'm', probe: 'p', duration: 1,
  };
}

const calibration = (thresholds: number[], a = 1, b = 0): Calibration => ({
  format: 'diffpir-calibration', version: 1, method: 'platt', input: 'clip-mean-probability',
  model: { kind: 'han', weights: 'x' }, fittedOn: { name: 'val', contentId: 'abc', split: 'validation', clips: 10, skipped: 0 },
  thresholdRule: { objective: 'f1', floor: 0.2, step: 0.01, ties: '' },
  classes: classes.map((code, c) => ({ code, a, b, threshold: thresholds[c], fitted: true, positives: 1, negatives: 9, validationF1: 1 })),
  ece: { before: 0.2, after: 0.05, bins: 10, pairs: 40 }, reliability: { before: [], after: [] },
});

describe('finishRecognition without calibration', () => {
  it('is not sure when the best class is weak (silence-like), though the model rule names it', () => {
    const r = finishRecognition(scores([0.08, 0.12, 0.05, 0.11]));
    expect(r.instruments.find((i) => i.code === 'pia')!.predicted).toBe(true); // mean-max always names the top class
    expect(r).toMatchObject({ confidence: 'not-sure', recognized: [], verdict: NOT_SURE_VERDICT, decision: 'model-rule', calibration: null, threshold: 0.5 });
    expect(r.top3).toEqual([{ code: 'pia', probability: 0.12 }, { code: 'vio', probability: 0.11 }, { code: 'flu', probability: 0.08 }]);
    expect(r.instruments.every((i) => i.calibrated === undefined)).toBe(true);
  });

  it('is confident for a clear in-class case and names only the strong predicted classes', () => {
    const r = finishRecognition(scores([0.1, 0.9, 0.55, 0.3]));
    expect(r).toMatchObject({ confidence: 'confident', recognized: ['pia', 'voi'], verdict: 'Recognized: piano (pia, 0.90), voice (voi, 0.55)' });
    // vio: score 0.33 is not predicted; a predicted class below 0.5 raw would not be recognized.
    const weak = finishRecognition(scores([0.1, 0.9, 0.45, 0.3]));
    expect(weak.instruments.find((i) => i.code === 'voi')!.predicted).toBe(true);
    expect(weak.recognized).toEqual(['pia']);
  });

  it('keeps class order among equal probabilities in the top 3', () => {
    expect(finishRecognition(scores([0.2, 0.2, 0.2, 0.2])).top3.map((t) => t.code)).toEqual(['flu', 'pia', 'voi']);
  });
});

describe('finishRecognition with a calibration', () => {
  it('adds calibrated probabilities, decides at the calibrated thresholds and reports the calibration', () => {
    // Identity mapping, thresholds: flu 0.2, pia 0.95, voi 0.5, vio 0.3.
    const r = finishRecognition(scores([0.25, 0.9, 0.55, 0.1]), calibration([0.2, 0.95, 0.5, 0.3]));
    expect(r.instruments.map((i) => [i.code, i.calibrated, i.predicted])).toEqual([['flu', 0.25, true], ['pia', 0.9, false], ['voi', 0.55, true], ['vio', 0.1, false]]);
    expect(r).toMatchObject({
      decision: 'calibrated', confidence: 'confident', recognized: ['voi', 'flu'],
      threshold: { flu: 0.2, pia: 0.95, voi: 0.5, vio: 0.3 },
      calibration: { fittedOn: 'val', contentId: 'abc', clips: 10, eceBefore: 0.2, eceAfter: 0.05 },
    });
    expect(r.top3.map((t) => t.code)).toEqual(['pia', 'voi', 'flu']);
  });

  it('says not sure when no class passes its threshold, and the top 3 are calibrated', () => {
    // a = 1, b = -2: every probability shrinks; nothing reaches 0.5.
    const r = finishRecognition(scores([0.3, 0.8, 0.6, 0.1]), calibration([0.5, 0.5, 0.5, 0.5], 1, -2));
    expect(r.confidence).toBe('not-sure');
    expect(r.instruments.every((i) => !i.predicted)).toBe(true);
    expect(r.top3[0]).toEqual({ code: 'pia', probability: 0.3512 });
  });

  it('refuses a calibration of other classes', () => {
    const other = { ...calibration([0.5, 0.5, 0.5, 0.5]), classes: calibration([0.5, 0.5, 0.5, 0.5]).classes.slice(0, 3) };
    expect(() => finishRecognition(scores([0.1, 0.2, 0.3, 0.4]), other)).toThrow(/not the model's \(flu pia voi vio\); missing vio/);
  });
});
