import { describe, expect, it } from 'vitest';
import type { Calibration } from '../../../calibration/types.ts';
import { finishRecognition } from '../../../features/confidence.ts';
import type { RecognitionScores } from '../../../features/recognition-types.ts';
import { confidenceHeadline, hasConfidence, NOT_SURE_HEADLINE, ruleProbability, ruleSentence, thresholdWords } from './confidence-words.ts';

const scores = (p: Record<string, number>, threshold = 0.7): RecognitionScores => {
  const top = Math.max(...Object.values(p));
  return {
    instruments: Object.entries(p).map(([code, probability]) => ({ code, probability, score: probability / top, predicted: probability / top >= threshold })),
    threshold, windows: [], model: 'm', probe: 'p', duration: 1,
  };
};

const calibration = (thresholds: Record<string, number>): Calibration => ({
  format: 'diffpir-calibration', version: 1, method: 'platt', input: 'clip-mean-probability', model: { kind: 'han', weights: 'x' },
  fittedOn: { name: 'real-validation', contentId: 'abc', split: 'validation', clips: 71, skipped: 0 },
  thresholdRule: { objective: 'f1', floor: 0.2, step: 0.01, ties: '' },
  classes: Object.entries(thresholds).map(([code, threshold]) => ({ code, a: 1, b: 0, threshold, fitted: true, positives: 1, negatives: 1, validationF1: 1 })),
  ece: { before: 0.21, after: 0.06, bins: 10, pairs: 781 }, reliability: { before: [], after: [] },
});

describe('confidence in words', () => {
  it('uncalibrated: a weak top class is not recognized; the threshold reads score and probability', () => {
    const weak = finishRecognition(scores({ flu: 0.41, org: 0.4, sax: 0.28, pia: 0.1 }));
    expect(confidenceHeadline(weak)).toBe(NOT_SURE_HEADLINE);
    expect(NOT_SURE_HEADLINE).toBe('No instrument recognized with confidence');
    expect(thresholdWords(weak, 'flu')).toBe('score ≥ 0.70 and ≥ 0.50');
    expect(weak.top3.map((t) => t.code)).toEqual(['flu', 'org', 'sax']);
    expect(ruleSentence(weak, 'The probe', 'the probe’s')).toMatch(/^The probe has no calibration file, so raw probabilities are used: a class is recognized when the probe’s rule names it/);
    const strong = finishRecognition(scores({ voi: 0.97, pia: 0.09 }));
    expect(confidenceHeadline(strong)).toBe('Recognized with confidence: voice (voi, 0.97)');
  });

  it('calibrated: each class its own threshold on the calibrated probability', () => {
    const r = finishRecognition(scores({ pia: 0.83, voi: 0.61, flu: 0.3 }), calibration({ pia: 0.5, voi: 0.7, flu: 0.2 }));
    expect(confidenceHeadline(r)).toBe('Recognized with confidence: piano (pia, 0.83), flute (flu, 0.30)');
    expect(thresholdWords(r, 'voi')).toBe('≥ 0.70');
    expect(ruleProbability(r, 'voi')).toBeCloseTo(0.61, 4);
    expect(ruleSentence(r, 'The Han CNN', 'the Han CNN’s')).toBe(
      'The Han CNN is calibrated on real-validation (71 clips): each class has its own threshold on the calibrated probability, and a class is recognized when it reaches it. ' +
        'Calibration error (ECE) on that set: 0.210 raw, 0.060 calibrated.',
    );
  });

  it('an answer kept from before results had a confidence shows none', () => {
    expect(hasConfidence(scores({ pia: 1 }))).toBe(false);
    expect(hasConfidence(finishRecognition(scores({ pia: 1 })))).toBe(true);
  });
});
