// calibrateOnItems: fits on exactly the items it is given (their labels read, nothing else),
// skips unreadable ones and records the set; the thresholds come from these items alone.
import { describe, expect, it } from 'vitest';
import { LabError } from '../common/errors.ts';
import { calibrateOnItems } from './calibrate-items.ts';
import { probs, stubRecognizer } from './test-helpers.ts';

const classes = ['flu', 'pia'];

describe('calibrateOnItems', () => {
  it('reads the labels of the given validation items only and fits on their probabilities', async () => {
    const read: string[] = [];
    const item = (name: string, labels: string[], p: number[]) => ({
      name, samples16k: probs(...p),
      get labels() {
        read.push(name);
        return labels;
      },
    });
    const validation = [
      item('v1', ['pia'], [0.1, 0.6]), item('v2', ['pia'], [0.2, 0.7]), item('v3', [], [0.1, 0.4]), item('v4', ['flu'], [0.9, 0.3]),
      item('v5', [], [0.2, 0.1]), { name: 'v6', labels: ['flu'], samples16k: async () => { throw new LabError('v6: cannot read'); } },
    ];
    const test = [item('t1', ['flu'], [0.1, 0.9])];
    const recognizer = stubRecognizer(classes);
    const { calibration, skipped } = await calibrateOnItems(validation, recognizer, { name: 'val', contentId: async () => 'cafe12345678', split: 'validation' });
    expect(new Set(read)).toEqual(new Set(['v1', 'v2', 'v3', 'v4', 'v5']));
    expect(test.length).toBe(1); // never passed, never read
    expect(skipped).toEqual([{ name: 'v6', why: 'v6: cannot read' }]);
    expect(calibration.fittedOn).toEqual({ name: 'val', contentId: 'cafe12345678', split: 'validation', clips: 5, skipped: 1 });
    expect(calibration.model).toEqual({ kind: 'han', weights: 'stub' });
    expect(calibration.classes.map((c) => [c.code, c.positives, c.negatives, c.fitted])).toEqual([['flu', 1, 4, true], ['pia', 2, 3, true]]);
    // pia: validation probabilities 0.6, 0.7 positive and 0.4, 0.3, 0.1 negative are separable, so F1 1.
    expect(calibration.classes[1].validationF1).toBe(1);
    // Same items, same file.
    const again = await calibrateOnItems(validation, recognizer, { name: 'val', contentId: async () => 'cafe12345678', split: 'validation' });
    expect(again.calibration).toEqual(calibration);
  });
});
