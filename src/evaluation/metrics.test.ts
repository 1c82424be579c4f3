import { describe, expect, it } from 'vitest';
import { classWiseMetrics } from './metrics.ts';
import { labelSet } from './labels.ts';
import type { Predictions } from './types.ts';

const classes = ['a', 'b', 'c', 'd'];
const preds = (rows: number[][]): Predictions => ({ classes, rows: rows.map((r) => Uint8Array.from(r)) });

describe('classWiseMetrics (hand-worked)', () => {
  // labels: {a} {a,b} {b} {a}; predictions: {a,b} {a} {b,c} {}
  // a: TP2 FP0 FN1; b: TP1 FP1 FN1; c: TP0 FP1 FN0 (no positives, F1 0); d: nothing (F1 null)
  const labels = labelSet('test', classes, [['a'], ['a', 'b'], ['b'], ['a']]);
  const report = classWiseMetrics(preds([[1, 1, 0, 0], [1, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0]]), labels);

  it('counts and scores each class', () => {
    const [a, b, c, d] = report.classes;
    expect([a.tp, a.fp, a.fn, a.support]).toEqual([2, 0, 1, 3]);
    expect(a.precision).toBe(1);
    expect(a.recall).toBeCloseTo(2 / 3, 12);
    expect(a.f1).toBeCloseTo(0.8, 12);
    expect([b.precision, b.recall, b.f1]).toEqual([0.5, 0.5, 0.5]);
    expect([c.precision, c.recall, c.f1, c.support]).toEqual([0, 0, 0, 0]);
    expect([d.precision, d.recall, d.f1, d.support]).toEqual([0, 0, null, 0]);
  });

  it('computes micro and macro averages; undefined classes are left out of macro', () => {
    expect(report.micro.precision).toBeCloseTo(0.6, 12);
    expect(report.micro.recall).toBeCloseTo(0.6, 12);
    expect(report.micro.f1).toBeCloseTo(0.6, 12);
    expect(report.macro.classesAveraged).toBe(3);
    expect(report.macro.f1).toBeCloseTo((0.8 + 0.5 + 0) / 3, 12);
    expect(report.macro.precision).toBeCloseTo(0.5, 12);
    expect(report.macro.recall).toBeCloseTo((2 / 3 + 0.5) / 3, 12);
    expect(report.split).toBe('test');
    expect(report.clips).toBe(4);
  });

  it('perfect predictions give F1 1 and an all-empty problem gives 0', () => {
    const l = labelSet('test', classes, [['a'], ['b', 'c']]);
    const r = classWiseMetrics(preds([[1, 0, 0, 0], [0, 1, 1, 0]]), l);
    expect(r.micro.f1).toBe(1);
    expect(r.macro.f1).toBe(1);
    const empty = classWiseMetrics(preds([[0, 0, 0, 0]]), labelSet('test', classes, [[]]));
    expect(empty.micro.f1).toBe(0);
    expect(empty.macro.classesAveraged).toBe(0);
  });

  it('names the problem on mismatched input', () => {
    const l = labelSet('test', classes, [['a']]);
    expect(() => classWiseMetrics(preds([[1, 0, 0, 0], [0, 0, 0, 0]]), l)).toThrow(/2 clips of scores but 1/);
    expect(() => classWiseMetrics({ classes: ['x'], rows: [] }, l)).toThrow(/class lists differ/);
    expect(() => labelSet('test', classes, [['zzz']])).toThrow(/unknown class "zzz"/);
    expect(() => labelSet('test', classes, [[1, 0]])).toThrow(/2 entries, expected 4/);
  });
});
