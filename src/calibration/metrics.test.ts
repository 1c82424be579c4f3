// Hand-worked reliability bins and ECE, and the threshold rule (F1-maximising, floor, ties).
import { describe, expect, it } from 'vitest';
import { reliability } from './reliability.ts';
import { chooseClassThreshold } from './thresholds.ts';

describe('reliability', () => {
  it('bins (clip, class) pairs in 10 equal-width bins and weighs |mean p - share positive| by count', () => {
    // Pairs: 0.05/0, 0.05/0 (bin 0: p .05, y 0); 0.95/1, 0.95/0 (bin 9: p .95, y .5); 1.0/1 (bin 9).
    const r = reliability([[0.05, 0.95], [0.05, 0.95], [1, 0.5]], [[0, 1], [0, 0], [1, 1]]);
    expect(r.pairs).toBe(6);
    expect(r.bins).toHaveLength(10);
    expect(r.bins[0]).toEqual({ lower: 0, upper: 0.1, count: 2, meanPredicted: 0.05, fractionPositive: 0 });
    expect(r.bins[5]).toMatchObject({ lower: 0.5, upper: 0.6, count: 1, meanPredicted: 0.5, fractionPositive: 1 });
    expect(r.bins[9].count).toBe(3);
    expect(r.bins[9].meanPredicted).toBeCloseTo(2.9 / 3, 12);
    expect(r.bins[9].fractionPositive).toBeCloseTo(2 / 3, 12);
    expect(r.bins[3]).toMatchObject({ count: 0, meanPredicted: null, fractionPositive: null });
    // ECE = 2/6 * .05 + 1/6 * .5 + 3/6 * |0.9667 - 0.6667|
    expect(r.ece).toBeCloseTo((2 / 6) * 0.05 + (1 / 6) * 0.5 + (3 / 6) * 0.3, 12);
  });

  it('is 0 for perfectly calibrated bins and names bad input', () => {
    expect(reliability([[0.5], [0.5]], [[1], [0]]).ece).toBe(0);
    expect(() => reliability([[1.2]], [[1]])).toThrow(/\[0, 0\] is 1.2/);
    expect(() => reliability([[0.2]], [])).toThrow(/1 rows of probabilities but 0 of labels/);
  });
});

describe('chooseClassThreshold', () => {
  it('maximises F1 on the grid from the floor; ties to the value nearest 0.5, then the lower', () => {
    // (0.2, 0.3] -> F1 6/7; (0.3, 0.35] -> 2/3; (0.35, 0.6] -> 0.8: the plateau [0.2, 0.3] ends nearest 0.5 at 0.3.
    expect(chooseClassThreshold([0.1, 0.3, 0.35, 0.6, 0.9], [0, 1, 0, 1, 1])).toEqual({ threshold: 0.3, f1: 6 / 7 });
    expect(chooseClassThreshold([0.2, 0.8], [0, 1]).threshold).toBe(0.5);
    // Equal distance from 0.5 (0.4 and 0.6 tie): the lower.
    expect(chooseClassThreshold([0.39, 0.61], [0, 1], { floor: 0.4, step: 0.2 }).threshold).toBe(0.4);
    expect(chooseClassThreshold([0.5, 0.61], [0, 1], { floor: 0.4, step: 0.2 }).threshold).toBe(0.6);
  });

  it('never goes below the floor: weak evidence gives F1 0 everywhere and the tie value 0.5', () => {
    expect(chooseClassThreshold([0.05, 0.1, 0.15], [0, 1, 1])).toEqual({ threshold: 0.5, f1: 0 });
    expect(chooseClassThreshold([0.05, 0.25, 0.15], [0, 1, 1]).threshold).toBe(0.25);
    expect(chooseClassThreshold([0.1, 0.15], [1, 1], { floor: 0.1, step: 0.01 }).threshold).toBe(0.1);
  });
});
