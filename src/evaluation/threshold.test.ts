import { describe, expect, it } from 'vitest';
import { applyThreshold, chooseThreshold, thresholdFromJson } from './threshold.ts';
import { evaluateWithValidationThreshold } from './evaluate.ts';
import { labelSet, scoreMatrix } from './labels.ts';
import type { LabelSet } from './types.ts';

const classes = ['a', 'b'];
// Hand-worked: micro F1 is 1 exactly for t in (0.6, 0.7]; (0.3, 0.6] gives 10/11; above 0.7, 8/9.
const valScores = scoreMatrix(classes, [[1, 0.4], [1, 0.7], [0.3, 1], [1, 0.6]]);
const valLabels = labelSet('validation', classes, [[1, 0], [1, 1], [0, 1], [1, 0]]);

describe('chooseThreshold', () => {
  it('picks the global value maximising micro F1, nearest 0.5 among ties', () => {
    const t = chooseThreshold(valScores, valLabels);
    expect(t.values).toEqual([0.61, 0.61]);
    expect(t.validationScore).toBe(1);
    expect(t.chosenOn).toBe('validation');
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.values)).toBe(true);
  });

  it('per-class mode optimises each class on its own', () => {
    const t = chooseThreshold(valScores, valLabels, { mode: 'per-class' });
    expect(t.values).toEqual([0.5, 0.61]);
    expect(t.objective).toBe('macro-f1');
    expect(t.validationScore).toBe(1);
  });

  it('a score equal to the threshold is positive (float32 scores)', () => {
    const t = thresholdFromJson({ mode: 'global', objective: 'micro-f1', classes, values: [0.7, 0.7], chosenOn: 'validation' });
    expect(Array.from(applyThreshold(scoreMatrix(classes, [[0.7, 0.69]]), t).rows[0])).toEqual([1, 0]);
  });

  it('refuses test labels, at the type level and at run time', () => {
    const testLabels = labelSet('test', classes, [[1, 0], [1, 1], [0, 1], [1, 0]]);
    // @ts-expect-error test labels are not validation labels
    expect(() => chooseThreshold(valScores, testLabels)).toThrow(/must be chosen on validation labels, got test/);
    const forged = testLabels as unknown as LabelSet<'validation'>;
    expect(() => chooseThreshold(valScores, forged)).toThrow(/got test labels/);
  });
});

describe('evaluateWithValidationThreshold', () => {
  const testScores = scoreMatrix(classes, [[1, 0.65], [0.2, 1], [1, 0.1]]);
  const testRows = [[1, 1], [0, 1], [1, 0]];

  it('reads test labels only after the threshold is chosen, and they never change it', () => {
    const log: string[] = [];
    const spy = <T extends object>(obj: T, name: string): T =>
      new Proxy(obj, { get: (o, key, r) => (log.push(name), Reflect.get(o, key, r)) });
    const result = evaluateWithValidationThreshold(
      { scores: valScores, labels: spy(valLabels, 'validation-labels') },
      { scores: testScores, labels: spy(labelSet('test', classes, testRows), 'test-labels') },
    );
    expect(log.indexOf('test-labels')).toBeGreaterThan(log.lastIndexOf('validation-labels'));
    expect(result.test.micro.f1).toBe(1);
    // Inverted test labels: same threshold, same predictions, different scores.
    const inverted = testRows.map((r) => r.map((v) => 1 - v));
    const other = evaluateWithValidationThreshold(
      { scores: valScores, labels: valLabels },
      { scores: testScores, labels: labelSet('test', classes, inverted) },
    );
    expect(other.threshold).toEqual(result.threshold);
    expect(other.testPredictions.rows).toEqual(result.testPredictions.rows);
    expect(other.test.micro.f1).not.toBe(1);
  });
});
