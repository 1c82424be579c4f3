// fitCalibration: per-class Platt fits that lower the ECE of a miscalibrated validation set,
// thresholds on the calibrated probabilities, identity for classes without positives, and no
// way in for test labels (type, run time, and a record of what was read).
import { describe, expect, it } from 'vitest';
import { labelSet, scoreMatrix } from '../evaluation/labels.ts';
import type { LabelSet } from '../evaluation/types.ts';
import { alignCalibration, calibrateRow } from './apply.ts';
import { formatCalibration, readCalibrationText } from './file.ts';
import { fitCalibration, type CalibrationInput } from './fit.ts';
import { plattData } from './test-helpers.ts';
import { reliability } from './reliability.ts';

const classes = ['flu', 'pia', 'vio'];

/** flu: overconfident (true a 0.5, b -1); pia: underconfident (a 2, b 0.5); vio: never labelled. */
function input(n = 3000): CalibrationInput {
  const flu = plattData(n, 0.5, -1, 11);
  const pia = plattData(n, 2, 0.5, 12);
  const rows = Array.from({ length: n }, (_, r) => [flu.p[r], pia.p[r], 0.02 * flu.p[r]]);
  const labels = Array.from({ length: n }, (_, r) => [flu.y[r], pia.y[r], 0]);
  return {
    probabilities: scoreMatrix(classes, rows),
    labels: labelSet('validation', classes, labels),
    fittedOn: { name: 'synthetic', contentId: 'abcdef123456', split: 'validation', skipped: 0 },
    model: { kind: 'han', weights: '0123456789abcdef' },
  };
}

describe('fitCalibration', () => {
  const inp = input();
  const cal = fitCalibration(inp);

  it('recovers each class mapping and lowers the ECE', () => {
    const [flu, pia, vio] = cal.classes;
    expect(flu).toMatchObject({ code: 'flu', fitted: true });
    expect(Math.abs(flu.a - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(flu.b + 1)).toBeLessThan(0.15);
    expect(Math.abs(pia.a - 2)).toBeLessThan(0.25);
    expect(Math.abs(pia.b - 0.5)).toBeLessThan(0.15);
    expect(vio).toMatchObject({ code: 'vio', a: 1, b: 0, threshold: 0.5, fitted: false, positives: 0, negatives: 3000, validationF1: null });
    expect(vio.note).toMatch(/no validation clip has this class/);
    expect(cal.ece.before).toBeGreaterThan(0.05);
    expect(cal.ece.after).toBeLessThan(cal.ece.before / 2);
    expect(cal.ece).toMatchObject({ bins: 10, pairs: 9000 });
    expect(cal.reliability.before).toHaveLength(10);
    expect(cal.reliability.after.reduce((s, b) => s + b.count, 0)).toBe(9000);
    expect(cal.fittedOn).toEqual({ name: 'synthetic', contentId: 'abcdef123456', split: 'validation', skipped: 0, clips: 3000 });
  });

  it('chooses each threshold on the calibrated validation probabilities, at or above the floor', () => {
    const aligned = alignCalibration(cal, classes);
    const q = inp.probabilities.rows.map((row) => calibrateRow(aligned, row).probabilities);
    for (const [c, cls] of cal.classes.entries()) {
      if (!cls.fitted) continue;
      expect(cls.threshold).toBeGreaterThanOrEqual(0.2);
      // No grid value above the floor does better on these calibrated probabilities.
      const f1 = (t: number) => {
        let tp = 0, fp = 0, fn = 0;
        q.forEach((row, r) => {
          const p = row[c] >= t, y = inp.labels.rows[r][c] === 1;
          if (p && y) tp++; else if (p) fp++; else if (y) fn++;
        });
        return (2 * tp) / (2 * tp + fp + fn);
      };
      expect(cls.validationF1).toBeCloseTo(f1(cls.threshold), 12);
      for (let t = 0.2; t <= 1; t += 0.01) expect(f1(t)).toBeLessThanOrEqual(cls.validationF1! + 1e-12);
    }
    // The after-ECE is the reliability of exactly these calibrated probabilities.
    expect(reliability(q, inp.labels.rows).ece).toBeCloseTo(cal.ece.after, 12);
  });

  it('is deterministic and survives calibration.json', () => {
    expect(fitCalibration(input())).toEqual(cal);
    expect(readCalibrationText(formatCalibration(cal))).toEqual(cal);
  });

  it('reads only the labels it is given, and refuses test labels', () => {
    const reads: (string | symbol)[] = [];
    const spied = new Proxy(inp.labels, { get: (o, k, r) => (reads.push(k), Reflect.get(o, k, r)) });
    const again = fitCalibration({ ...inp, labels: spied });
    expect(again).toEqual(cal);
    expect(reads).toContain('rows');
    expect(reads).toContain('split');
    const testLabels = labelSet('test', classes, inp.labels.rows);
    // @ts-expect-error test labels are not validation labels
    expect(() => fitCalibration({ ...inp, labels: testLabels })).toThrow(/must be fitted on validation labels, got test labels/);
    const forged = testLabels as unknown as LabelSet<'validation'>;
    expect(() => fitCalibration({ ...inp, labels: forged })).toThrow(expect.objectContaining({ code: 'test-labels-leak' }));
  });

  it('names mismatched input', () => {
    expect(() => fitCalibration({ ...inp, labels: labelSet('validation', ['flu', 'pia', 'voi'], [[1, 0, 0]]) })).toThrow(/class lists differ/);
    expect(() => fitCalibration({ ...inp, labels: labelSet('validation', classes, [[1, 0, 0]]) })).toThrow(/3000 clips of scores but 1/);
    expect(() => alignCalibration(cal, ['flu', 'pia'])).toThrow(/not the model's \(flu pia\); extra vio/);
  });
});
