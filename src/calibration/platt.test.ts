// Platt scaling recovers a known mapping from seeded synthetic data, stays near the identity where
// the data cannot fix the mapping, and gives the same answer twice.
import { describe, expect, it } from 'vitest';
import { applyPlatt, fitPlatt, logit, sigmoid } from './platt.ts';
import { plattData } from './test-helpers.ts';

describe('fitPlatt', () => {
  it('recovers a known mapping (a 0.5, b -1; a 2, b 0.7)', () => {
    for (const [a, b, seed] of [[0.5, -1, 1], [2, 0.7, 2]]) {
      const { p, y } = plattData(20000, a, b, seed);
      const fit = fitPlatt(p, y);
      expect(fit.converged).toBe(true);
      expect(fit.iterations).toBeLessThan(30);
      expect(fit.a).toBeCloseTo(a, 1);
      expect(Math.abs(fit.b - b)).toBeLessThan(0.1);
    }
  });

  it('is deterministic and maps through sigmoid(a logit(p) + b)', () => {
    const { p, y } = plattData(500, 0.7, 0.2, 3);
    expect(fitPlatt(p, y)).toEqual(fitPlatt(p, y));
    expect(applyPlatt(0.5, { a: 3, b: 0 })).toBe(0.5);
    expect(applyPlatt(0.8, { a: 1, b: 0 })).toBeCloseTo(0.8, 12);
    expect(applyPlatt(0.8, { a: 2, b: 1 })).toBeCloseTo(sigmoid(2 * logit(0.8) + 1), 12);
    expect(Number.isFinite(logit(0))).toBe(true);
    expect(Number.isFinite(logit(1))).toBe(true);
  });

  it('stays finite on separable data and stays near a = 1 when every probability is equal', () => {
    const sep = fitPlatt([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]);
    expect(Number.isFinite(sep.a) && Number.isFinite(sep.b)).toBe(true);
    expect(applyPlatt(0.9, sep)).toBeGreaterThan(0.7); // Platt's targets: (2+1)/(2+2) = 0.75 at most in the limit
    const flat = fitPlatt([0.3, 0.3, 0.3, 0.3], [1, 0, 0, 0]);
    expect(Math.abs(flat.a - 1)).toBeLessThan(0.05);
    // Platt target mean: (1 * 2/3 + 3 * 1/5) / 4 = 0.3167
    expect(applyPlatt(0.3, flat)).toBeCloseTo(0.3167, 2);
  });

  it('never reverses the model\'s ranking: a negative best slope is held at 0 (the base rate)', () => {
    const { p, y } = plattData(2000, -1, 0, 4);
    const fit = fitPlatt(p, y);
    expect(fit).toMatchObject({ a: 0, clamped: true });
    const pos = y.reduce((s, v) => s + v, 0);
    const meanTarget = (pos * ((pos + 1) / (pos + 2)) + (2000 - pos) * (1 / (2000 - pos + 2))) / 2000;
    expect(applyPlatt(0.9, fit)).toBeCloseTo(meanTarget, 12);
    expect(applyPlatt(0.1, fit)).toBeCloseTo(meanTarget, 12);
    const free = fitPlatt(p, y, { monotone: false });
    expect(free.a).toBeCloseTo(-1, 1);
    expect(free.clamped).toBe(false);
  });

  it('names bad input', () => {
    expect(() => fitPlatt([0.5], [2])).toThrow(/label 0 is 2, not 0\/1/);
    expect(() => fitPlatt([1.5], [1])).toThrow(/probability 0 is 1.5/);
    expect(() => fitPlatt([0.5, 0.2], [1])).toThrow(/2 probabilities and 1 labels/);
  });
});
