// The probe-seed spread: mean and sample sd per cell, paired subject - control differences per
// seed, and refusals of files that differ in more than the probe seed or repeat a seed.
import { describe, expect, it } from 'vitest';
import { formatSpread, stat, sweepSpread } from './spread.ts';
import type { CellResult, SweepResults } from './types.ts';

const metrics = (micro: number, macro = micro / 2) => ({ micro: { f1: micro }, macro: { f1: macro } });

function cell(id: string, val: number, test: number, real: number): CellResult {
  return { id, validation: { microF1: val, macroF1: val }, test: metrics(test), outside: { real: metrics(real) } } as unknown as CellResult;
}

function file(seed: number, sub: [number, number, number], ctl: [number, number, number], extra: Record<string, unknown> = {}): { name: string; results: SweepResults } {
  return {
    name: `seed${seed}.json`,
    results: {
      format: 'diffpir-sweep', version: 1,
      fingerprint: { subject: 'm#1', control: 'random-init:m#2', corpus: 'c', noiseSeed: 0, probeSeed: seed, fit: { epochs: 300, seed }, ...extra },
      settings: { probeSeed: seed }, subject: { id: 'm' }, control: { id: 'random-init:m' }, corpus: { id: 'c' },
      cells: [cell('subject|0.7|t|mlp', ...sub), cell('control|0.7|t|mlp', ...ctl), cell('baseline|han-cnn', 0.5, 0.4, 0.3)],
    } as unknown as SweepResults,
  };
}

describe('sweepSpread', () => {
  it('gives mean, sample sd and the paired differences by seed', () => {
    const r = sweepSpread([file(1, [0.3, 0.25, 0.2], [0.2, 0.2, 0.25]), file(2, [0.4, 0.15, 0.3], [0.2, 0.2, 0.2]), file(3, [0.2, 0.2, 0.1], [0.2, 0.2, 0.15])]);
    expect(r.seeds).toEqual([1, 2, 3]);
    const s = r.cells.find((c) => c.id === 'subject|0.7|t|mlp')!;
    expect(s.validationMicro.mean).toBeCloseTo(0.3, 12);
    expect(s.validationMicro.sd).toBeCloseTo(0.1, 12);
    expect(s.testMicro.mean).toBeCloseTo(0.2, 12);
    expect(s.testMacro.mean).toBeCloseTo(0.1, 12);
    expect(s.outsideMicro.real.mean).toBeCloseTo(0.2, 12);
    expect(r.cells.find((c) => c.id === 'baseline|han-cnn')!.testMicro.sd).toBeCloseTo(0, 12);
    expect(r.paired).toHaveLength(1);
    const p = r.paired[0];
    expect(p.key).toBe('0.7|t|mlp');
    expect(p.test.perSeed.map((x) => +x.toFixed(12))).toEqual([0.05, -0.05, 0]);
    expect(p.test.subjectAhead).toBe(1);
    expect(p.outside.real.perSeed.map((x) => +x.toFixed(12))).toEqual([-0.05, 0.1, -0.05]);
    const text = formatSpread(r);
    expect(text).toMatch(/subject\|0\.7\|t\|mlp \| 0\.300 ± 0\.100/);
    expect(text).toMatch(/0\.7\|t\|mlp: test \+0\.000 ± 0\.050 \[\+0\.050, -0\.050, \+0\.000\] 1\/3/);
  });

  it('stat of one value has sd 0', () => {
    expect(stat([0.5])).toEqual({ mean: 0.5, sd: 0, n: 1 });
  });

  it('refuses files that differ in more than the probe seed, repeated seeds and a single file', () => {
    expect(() => sweepSpread([file(1, [0.3, 0.2, 0.2], [0.2, 0.2, 0.2]), file(2, [0.3, 0.2, 0.2], [0.2, 0.2, 0.2], { noiseSeed: 1 })]))
      .toThrow(/seed2\.json differs from seed1\.json in more than the probe seed \(noiseSeed: 0 vs 1\)/);
    expect(() => sweepSpread([file(1, [0.3, 0.2, 0.2], [0.2, 0.2, 0.2]), file(1, [0.3, 0.2, 0.2], [0.2, 0.2, 0.2])])).toThrow(/probe seed 1 appears twice/);
    expect(() => sweepSpread([file(1, [0.3, 0.2, 0.2], [0.2, 0.2, 0.2])])).toThrow(/at least two/);
  });
});
