// The stop forecast: the log trend fit, the stopping rule played on it (checked against a hand-run
// of the rule on the same curve), flat and rising trends, too little to fit, the horizon.
import { describe, expect, it } from 'vitest';
import { fitLogTrend, forecastStop } from './stop-forecast.ts';

const curve = (a: number, b: number, steps: number[]) => steps.map((step) => ({ step, vLoss: a + b * Math.log(step) }));
const steps = (from: number, to: number, every: number) => Array.from({ length: (to - from) / every + 1 }, (_, i) => from + i * every);

describe('fitLogTrend', () => {
  it('recovers a + b·ln(step) exactly, and refuses one step', () => {
    const f = fitLogTrend(curve(0.9, -0.05, [1000, 1100, 1300, 1700]))!;
    expect(f.a).toBeCloseTo(0.9, 10);
    expect(f.b).toBeCloseTo(-0.05, 10);
    expect(fitLogTrend([{ step: 5, vLoss: 1 }, { step: 5, vLoss: 2 }])).toBeNull();
  });
});

describe('forecastStop', () => {
  it('stops where the rule stops on the fitted curve', () => {
    const a = 0.9, b = -0.07, every = 100, patience = 5, delta = 0.005;
    const vals = curve(a, b, steps(1000, 2000, every));
    // the rule by hand: the last validation is the best (the curve falls); walk on
    let best = vals[vals.length - 1].vLoss, since = 0, s = 2000, expected = -1;
    while (expected < 0) {
      s += every;
      const v = a + b * Math.log(s);
      if (v < best * (1 - delta)) { best = v; since = 0; } else if (++since >= patience) expected = s;
    }
    const f = forecastStop({ validations: vals, state: { bestVLoss: vals[vals.length - 1].vLoss, bestStep: 2000, sinceBest: 0 }, patience, minRelDelta: delta })!;
    expect(f.fitted).toBe(10);
    expect(f.stopStep).toBe(expected);
    expect(f.bestAtStop).toBeCloseTo(best, 12);
    expect(f.relPer100).toBeCloseTo((b * Math.log(2100 / 2000)) / (a + b * Math.log(2000)), 12);
    expect(f.relPer100).toBeLessThan(0);
  });

  it('a flat or rising trend stops after the patience left', () => {
    const flat = steps(100, 600, 100).map((step) => ({ step, vLoss: 0.4 }));
    const f = forecastStop({ validations: flat, state: { bestVLoss: 0.4, bestStep: 300, sinceBest: 3 }, patience: 5, minRelDelta: 0.005 })!;
    expect(f.stopStep).toBe(800);
    expect(f.relPer100).toBe(0);
    const rising = curve(0.3, 0.01, steps(100, 600, 100));
    expect(forecastStop({ validations: rising, state: { bestVLoss: 0.3, bestStep: 100, sinceBest: 5 }, patience: 5, minRelDelta: 0.005 })!.stopStep).toBe(600);
  });

  it('null with fewer than three validations; no stop within the horizon', () => {
    expect(forecastStop({ validations: curve(1, -0.1, [100, 200]), state: { bestVLoss: 1, bestStep: 200, sinceBest: 0 }, patience: 5, minRelDelta: 0 })).toBeNull();
    const f = forecastStop({ validations: curve(1, -0.1, steps(100, 1000, 100)), state: { bestVLoss: 0.3, bestStep: 1000, sinceBest: 0 }, patience: 5, minRelDelta: 0, horizon: 2000 })!;
    expect(f.stopStep).toBeNull();
    expect(f.horizon).toBe(2000);
  });
});
