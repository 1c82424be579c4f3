// The paper's claims from synthetic results files: each verdict from the numbers it names (choices on
// validation checked on test and outside sets; results on test), the cross-file multi-label answers,
// and refusals of files that cannot be compared.
import { describe, expect, it } from 'vitest';
import { paperClaims } from './claims.ts';
import { formatClaims } from './claims-format.ts';
import type { CellResult, SweepResults } from './types.ts';

const CODES = ['flu', 'gel', 'pia'];
const report = (micro: number, perClass: number[] = [micro, micro, micro]) => ({
  split: 'test', clips: 30, classes: CODES.map((code, i) => ({ code, f1: perClass[i] })), micro: { f1: micro }, macro: { f1: micro },
});

interface Spec { val: number; test: number; real?: number; classes?: number[] }

function cell(role: 'subject' | 'control', sigma: number, tap: string, head: string, s: Spec): CellResult {
  return {
    id: `${role}|${sigma}|${tap}|${head}`, kind: 'probe', role, sigma, tap, head, parameters: head === 'mlp' ? 100 : 1000,
    validation: { microF1: s.val, macroF1: s.val }, test: report(s.test, s.classes),
    outside: { real: report(s.real ?? s.test, s.classes) },
  } as unknown as CellResult;
}

/** A full sweep: stage 1 over sigma 0.05 / 0.5 at t1, stage 2 taps [down, t1, t2, up], stage 3 mlp / cnn. */
function sweep(o: {
  low: Spec; high: Spec; t2?: Spec; down?: Spec; cnn?: Spec; control?: Spec; han?: Spec; multi?: boolean; testClips?: number; id?: string;
}): SweepResults {
  const ctl = o.control ?? { val: 0.2, test: 0.2 };
  const chosenSigma = o.low.val >= o.high.val ? 0.05 : 0.5;
  const chosen = chosenSigma === 0.05 ? o.low : o.high;
  const cells: CellResult[] = [
    cell('subject', 0.05, 't1', 'mlp', o.low), cell('control', 0.05, 't1', 'mlp', ctl),
    cell('subject', 0.5, 't1', 'mlp', o.high), cell('control', 0.5, 't1', 'mlp', ctl),
    cell('subject', chosenSigma, 'down', 'mlp', o.down ?? { val: 0.1, test: 0.1 }), cell('subject', chosenSigma, 'up', 'mlp', { val: 0.1, test: 0.1 }),
    cell('subject', chosenSigma, 't2', 'mlp', o.t2 ?? { val: 0.1, test: 0.1 }),
    cell('subject', chosenSigma, 't1', 'cnn', o.cnn ?? { val: 0.1, test: 0.1 }), cell('control', chosenSigma, 't1', 'cnn', ctl),
  ];
  const han = o.han ?? { val: 0.5, test: 0.4, classes: [0.6, 0.2, 0.4] };
  cells.push({ id: 'baseline|han-cnn', kind: 'baseline', role: 'baseline', validation: { microF1: han.val, macroF1: han.val },
    test: report(han.test, han.classes), outside: { real: report(han.real ?? han.test, han.classes) } } as unknown as CellResult);
  return {
    format: 'diffpir-sweep', version: 1, subject: { id: o.id ?? 'model-x' }, control: { id: 'random-init:model-x' },
    corpus: { id: 'c', info: { clips: { test: o.testClips ?? 30 }, ...(o.multi !== undefined ? { withMulti: o.multi } : {}) } },
    settings: { heads: ['mlp', 'cnn'] }, stage1Tap: 't1', stage2Taps: ['down', 't1', 't2', 'up'],
    choices: { sigma: { value: chosenSigma }, tap: { value: 't1' }, head: { value: 'mlp' } },
    cells,
  } as unknown as SweepResults;
}

const byId = (answers: { id: string }[], id: string) => answers.find((a) => a.id === id) as ReturnType<typeof paperClaims>['across'][number];

describe('paperClaims, one file', () => {
  it('answers each claim from validation choices checked on test and outside sets', () => {
    const r = paperClaims([{ label: 'a', results: sweep({ low: { val: 0.4, test: 0.35, classes: [0.1, 0.5, 0.45] }, high: { val: 0.3, test: 0.3 } }) }]);
    const a = r.files[0].answers;
    expect(byId(a, 'low-noise').verdict).toBe('yes');
    expect(byId(a, 'low-noise').because).toMatch(/best sigma <= 0.1: sigma 0.05 \(val 0.400, test 0.350, real 0.350\)/);
    expect(byId(a, 'bottleneck').verdict).toBe('yes'); // t1 (bottleneck) 0.4 against down/up 0.1
    expect(byId(a, 'richer-heads').verdict).toBe('no'); // cnn 0.1 against mlp 0.4
    expect(byId(a, 'beats-control').verdict).toBe('yes');
    expect(byId(a, 'beats-control').because).toMatch(/ahead on test in 2 \(mean difference \+0\.050\), on real in 2 of 3 \(\+0\.050\)/);
    const han = byId(a, 'beats-han');
    expect(han.verdict).toBe('no'); // 0.35 against 0.4
    expect(han.because).toMatch(/on test the probe is ahead in gel, pia/);
    expect(han.table!.rows.find((row) => row[0] === 'gel')).toEqual(['gel', '0.500', '0.200', '+0.300', '0.500', '0.200']);
    expect(r.across).toEqual([]);
  });

  it('says mixed when test disagrees with validation, tie within the margin, and n/a without the cells', () => {
    const mixed = paperClaims([{ label: 'x', results: sweep({ low: { val: 0.4, test: 0.2 }, high: { val: 0.3, test: 0.3 } }) }]);
    expect(byId(mixed.files[0].answers, 'low-noise').verdict).toBe('mixed');
    const tie = paperClaims([{ label: 'x', results: sweep({ low: { val: 0.305, test: 0.3 }, high: { val: 0.3, test: 0.3 }, cnn: { val: 0.3, test: 0.3 } }) }], 0.01);
    expect(byId(tie.files[0].answers, 'low-noise').verdict).toBe('tie');
    expect(byId(tie.files[0].answers, 'richer-heads').verdict).toBe('tie');
    const noHan = sweep({ low: { val: 0.4, test: 0.3 }, high: { val: 0.3, test: 0.3 } });
    noHan.cells = noHan.cells.filter((c) => c.kind !== 'baseline');
    expect(byId(paperClaims([{ label: 'x', results: noHan }]).files[0].answers, 'beats-han').verdict).toBe('n/a');
  });
});

describe('paperClaims across files', () => {
  const a = sweep({ low: { val: 0.3, test: 0.30, real: 0.2 }, high: { val: 0.2, test: 0.2 } });
  const b = sweep({ low: { val: 0.3, test: 0.36, real: 0.25 }, high: { val: 0.2, test: 0.2 } });
  const am = sweep({ low: { val: 0.3, test: 0.33, real: 0.23 }, high: { val: 0.2, test: 0.2 }, multi: true });

  it('compares B with A, A+multi with A, and the two gains', () => {
    const r = paperClaims([{ label: 'a', results: a }, { label: 'B', results: b }, { label: 'a+multi', results: am }]);
    expect(r.files.map((f) => [f.label, f.multiLabelProbes])).toEqual([['a', false], ['b', false], ['a+multi', true]]);
    const d = byId(r.across, 'multi-in-diffusion');
    expect(d.verdict).toBe('yes');
    expect(d.because).toMatch(/B - A: test \+0\.060, real \+0\.050/);
    const p = byId(r.across, 'multi-in-probe');
    expect(p.verdict).toBe('yes');
    expect(p.because).toMatch(/A\+multi - A: test \+0\.030, real \+0\.030/);
    expect(byId(r.across, 'multi-where').verdict).toBe('yes'); // +0.060 against +0.030
    const text = formatClaims(r);
    expect(text).toMatch(/## a\+multi: model-x \(probes trained with the multi-label clips\)/);
    expect(text).toMatch(/\*\*Multi-label clips help when they train the diffusion model\?.*\*\* YES\. B - A/);
  });

  it('answers n/a where a file is missing', () => {
    const r = paperClaims([{ label: 'a', results: a }, { label: 'other', results: b }]);
    expect(r.across.map((x) => x.verdict)).toEqual(['n/a', 'n/a', 'n/a']);
  });

  it('refuses bad or repeated labels, a label that contradicts the file, another test split and a non-sweep file', () => {
    expect(() => paperClaims([{ label: 'a b', results: a }])).toThrow(/label "a b" must be letters/);
    expect(() => paperClaims([{ label: 'a', results: a }, { label: 'A', results: b }])).toThrow(/label "A" is given twice/);
    expect(() => paperClaims([{ label: 'a', results: am }])).toThrow(/a's probes were trained with the multi-label clips; label it a\+multi/);
    expect(() => paperClaims([{ label: 'a', results: a }, { label: 'b', results: sweep({ low: { val: 0.3, test: 0.3 }, high: { val: 0.2, test: 0.2 }, testClips: 29 }) }]))
      .toThrow(/b has 29 test clips and a 30/);
    expect(() => paperClaims([{ label: 'a', results: { cells: [] } as unknown as SweepResults }])).toThrow(/a is not a sweep results file/);
    expect(() => paperClaims([{ label: 'a', results: a }], -1)).toThrow(/margin must be a number >= 0/);
  });
});
