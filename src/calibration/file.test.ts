// calibration.json: one clear line for a damaged or foreign file.
import { describe, expect, it } from 'vitest';
import { parseCalibration, readCalibrationText } from './file.ts';

const good = {
  format: 'diffpir-calibration', version: 1, method: 'platt', input: 'clip-mean-probability',
  model: { kind: 'probe', weights: 'ab' }, fittedOn: { name: 'v', contentId: 'c', split: 'validation', clips: 3, skipped: 0 },
  thresholdRule: { objective: 'f1', floor: 0.2, step: 0.01, ties: '' },
  classes: [{ code: 'pia', a: 1, b: 0, threshold: 0.5, fitted: true, positives: 1, negatives: 2, validationF1: 1 }],
  ece: { before: 0.1, after: 0.05, bins: 10, pairs: 3 }, reliability: { before: [], after: [] },
};

describe('calibration.json', () => {
  it('accepts a complete file and names the first problem of a bad one', () => {
    expect(parseCalibration(good).classes[0].code).toBe('pia');
    expect(() => readCalibrationText('{', 'x/calibration.json')).toThrow(/^x\/calibration.json: not valid JSON/);
    expect(() => parseCalibration({ ...good, format: 'other' })).toThrow(/format is "other", expected "diffpir-calibration"/);
    expect(() => parseCalibration({ ...good, version: 2 })).toThrow(/version 2 is not supported/);
    expect(() => parseCalibration({ ...good, classes: [{ ...good.classes[0], a: 'x' }] })).toThrow(/class pia: a and b must be finite/);
    expect(() => parseCalibration({ ...good, classes: [{ ...good.classes[0], threshold: 2 }] })).toThrow(/class pia: threshold must be in \[0, 1\]/);
    expect(() => parseCalibration({ ...good, classes: [good.classes[0], good.classes[0]] })).toThrow(/class pia appears twice/);
    expect(() => parseCalibration({ ...good, model: { kind: 'unet' } })).toThrow(/model must be/);
  });
});
