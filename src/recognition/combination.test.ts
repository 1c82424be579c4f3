// The combination rule on hand-made scores: weighted mean of raw probabilities, windows aligned by
// overlap, the 0.5 rule uncalibrated; mismatched classes and malformed files refused.
import { describe, expect, it } from 'vitest';
import type { RecognitionScores } from '../features/recognition-types.ts';
import { combinationKey, combineScores, parseCombination } from './combination.ts';

const scores = (probe: string, p: Record<string, number>, windows: [number, number, Record<string, number>][]): RecognitionScores => ({
  instruments: Object.entries(p).map(([code, probability]) => ({ code, probability, score: 0, predicted: false })),
  threshold: 0.5,
  windows: windows.map(([start, end, probabilities]) => ({ start, end, probabilities })),
  model: `${probe}-model`, probe, duration: 2,
});

describe('combineScores', () => {
  const a = scores('a', { flu: 0.8, pia: 0.2 }, [[0, 1, { flu: 0.9, pia: 0.1 }], [1, 2, { flu: 0.7, pia: 0.3 }]]);
  const b = scores('b', { pia: 0.6, flu: 0.4 }, [[0, 0.5, { flu: 0.2, pia: 0.8 }], [0.5, 1, { flu: 0.4, pia: 0.6 }], [1.5, 2, { flu: 0.6, pia: 0.4 }]]);

  it('takes the weighted mean of the raw probabilities, class by code, and names classes at 0.5', () => {
    const c = combineScores([a, b], [3, 1], 'combo');
    expect(c.instruments.map((i) => i.code)).toEqual(['flu', 'pia']);
    expect(c.instruments[0].probability).toBeCloseTo(0.75 * 0.8 + 0.25 * 0.4, 12);
    expect(c.instruments[1].probability).toBeCloseTo(0.75 * 0.2 + 0.25 * 0.6, 12);
    expect(c.instruments.map((i) => i.predicted)).toEqual([true, false]);
    expect(c.instruments[0].score).toBe(1);
    expect(c.threshold).toBe(0.5);
    expect(c.probe).toBe('combo');
    expect(c.model).toBe('a-model + b-model');
  });

  it("uses the first member's windows; the others give the mean of their overlapping windows", () => {
    const c = combineScores([a, b], [1, 1], 'combo');
    expect(c.windows.map((w) => [w.start, w.end])).toEqual([[0, 1], [1, 2]]);
    expect(c.windows[0].probabilities.flu).toBeCloseTo(0.5 * 0.9 + 0.5 * 0.3, 12); // b: windows 0-0.5 and 0.5-1
    expect(c.windows[1].probabilities.pia).toBeCloseTo(0.5 * 0.3 + 0.5 * 0.4, 12); // b: window 1.5-2
  });

  it('refuses members with other classes', () => {
    const other = scores('c', { flu: 0.5, voi: 0.5 }, []);
    expect(() => combineScores([a, other], [1, 1], 'combo')).toThrow(/combo: member 2 \(c\) has classes flu,voi, the first member flu,pia; a combination needs the same classes/);
  });
});

describe('combination.json', () => {
  it('is read with its members, and malformed files are refused with the reason', () => {
    const spec = parseCombination(JSON.stringify({ format: 'diffpir-combination', version: 1, members: [{ folder: '../p', weight: 1 }, { folder: '../h', weight: 2 }] }), 'x.json');
    expect(spec.members).toEqual([{ folder: '../p', weight: 1 }, { folder: '../h', weight: 2 }]);
    expect(() => parseCombination('{', 'x.json')).toThrow(/x\.json: not valid JSON/);
    expect(() => parseCombination(JSON.stringify({ format: 'diffpir-combination', version: 1, members: [{ folder: 'a', weight: 1 }] }), 'x.json')).toThrow('x.json: a combination needs at least two members');
    expect(() => parseCombination(JSON.stringify({ format: 'diffpir-combination', version: 1, members: [{ folder: 'a', weight: 1 }, { folder: 'b', weight: 0 }] }), 'x.json')).toThrow('x.json: member 2 must be {folder: "<model folder>", weight: <number > 0>}');
  });

  it('has an identity that depends on the members and their normalised weights only', () => {
    const p = { kind: 'probe' as const, weights: 'aaaa' };
    const h = { kind: 'han' as const, weights: 'bbbb' };
    expect(combinationKey([p, h], [1, 1])).toBe(combinationKey([p, h], [2, 2]));
    expect(combinationKey([p, h], [1, 1])).not.toBe(combinationKey([p, h], [1, 2]));
    expect(combinationKey([p, h], [1, 1])).not.toBe(combinationKey([p, { ...h, weights: 'cccc' }], [1, 1]));
  });
});
