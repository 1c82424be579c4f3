import { describe, expect, it } from 'vitest';
import type { Calibration } from '../../../calibration/types.ts';
import { calibrationSentence, reliabilityPoints } from './reliability-data.ts';

describe('reliability diagram data', () => {
  it('one point per non-empty bin', () => {
    const bins = [
      { lower: 0, upper: 0.1, count: 500, meanPredicted: 0.031234, fractionPositive: 0.02 },
      { lower: 0.1, upper: 0.2, count: 0, meanPredicted: null, fractionPositive: null },
      { lower: 0.9, upper: 1, count: 4, meanPredicted: 0.95, fractionPositive: 0.75 },
    ];
    expect(reliabilityPoints(bins)).toEqual([
      { x: 0.0312, y: 0.02, count: 500, bin: '0-0.1' },
      { x: 0.95, y: 0.75, count: 4, bin: '0.9-1' },
    ]);
  });

  it('says where it was fitted and that the calibrated ECE is in-sample', () => {
    const cal = {
      fittedOn: { name: 'real-validation', contentId: '0123456789ab', split: 'validation', clips: 71, skipped: 1 },
      ece: { before: 0.2123, after: 0.0612, bins: 10, pairs: 781 },
    } as Calibration;
    expect(calibrationSentence(cal)).toBe(
      'Fitted on real-validation (71 validation clips, 1 unreadable left out; content id 0123456789ab). ' +
        'Calibration error (ECE, 10 bins over 781 clip-class pairs): 0.212 raw, 0.061 calibrated, measured on that same set, so the calibrated figure is optimistic.',
    );
  });
});
