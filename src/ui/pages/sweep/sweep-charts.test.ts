import { describe, expect, it } from 'vitest';
import type { CellResult, SweepResults } from '../../../sweep/types.ts';
import { baselineF1, headRows, sigmaRows, tapRows } from './sweep-charts.ts';
import { formatDuration, secondsLeft } from './time-left.ts';

function cell(id: string, micro: number, val = micro): CellResult {
  const [role, sigma, tap, head] = id.split('|');
  const m = { precision: 0, recall: 0, f1: micro };
  return {
    id, corpus: 'c', kind: role === 'baseline' ? 'baseline' : 'probe', role: role as CellResult['role'], sigma: role === 'baseline' ? null : Number(sigma),
    tap: role === 'baseline' ? null : tap, head: role === 'baseline' ? 'han-cnn' : head, model: 'm', pooled: true, featureShape: [4], parameters: 10,
    validation: { microF1: val, macroF1: val }, test: { split: 'test', clips: 1, classes: [], micro: m, macro: { ...m, classesAveraged: 1 } },
    threshold: [0.5], seeds: { probe: 1 }, training: { epochs: 1, bestEpoch: 1, stopReason: 'max-epochs' }, examples: { train: 1, validation: 1, test: 1 },
    backend: 'wasm', seconds: { features: 0, training: 0, total: 0 }, finishedAt: '',
  };
}

function results(cells: CellResult[], choices: SweepResults['choices']): SweepResults {
  return {
    format: 'diffpir-sweep', version: 1, fingerprint: {}, subject: { id: 's', hash: 'h', origin: 'o' }, corpus: { id: 'c', info: {} },
    settings: { sigmas: [0.1, 0.5], stages: [1, 2, 3], noiseSeed: 0, probeSeed: 1, window: { frames: 152, hop: 76 }, fit: {} as never, heads: ['mlp', 'cnn'], batchSize: 8 },
    stage1Tap: 'b', stage2Taps: ['a', 'b', 'c'], cells, choices, backend: 'wasm', started: '', updated: '', wallSeconds: 0, notes: [],
  };
}

describe('sweep chart rows', () => {
  it('shapes F1 vs sigma with the control alongside and gaps for missing cells', () => {
    const r = results([cell('subject|0.1|b|mlp', 0.4), cell('control|0.1|b|mlp', 0.2), cell('subject|0.5|b|mlp', 0.3), cell('baseline|han-cnn', 0.5)], { sigma: { value: 0.1, by: '' } });
    expect(sigmaRows(r)).toEqual([
      { label: '0.1', subject: 0.4, control: 0.2, validation: 0.4, chosen: true },
      { label: '0.5', subject: 0.3, control: null, validation: 0.3, chosen: false },
    ]);
    expect(baselineF1(r)).toBe(0.5);
    expect(headRows(r)).toEqual([]);
  });

  it('shapes taps at the chosen sigma and heads at the chosen tap', () => {
    const r = results([cell('subject|0.1|a|mlp', 0.1), cell('subject|0.1|b|mlp', 0.4), cell('subject|0.1|b|cnn', 0.6)], {
      sigma: { value: 0.1, by: '' }, tap: { value: 'b', by: '' }, head: { value: 'cnn', by: '' },
    });
    expect(tapRows(r).map((x) => [x.label, x.subject, x.chosen])).toEqual([['a', 0.1, false], ['b', 0.4, true], ['c', null, false]]);
    expect(headRows(r).map((x) => [x.label, x.subject, x.chosen])).toEqual([['mlp', 0.4, false], ['cnn', 0.6, true]]);
  });
});

describe('time left', () => {
  it('uses only the units run in this session', () => {
    expect(secondsLeft(5, 3, 10, 20)).toBe(50);
    expect(secondsLeft(3, 3, 10, 20)).toBeNull();
    expect(secondsLeft(10, 0, 10, 20)).toBe(0);
    expect(formatDuration(50)).toBe('50 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(null)).toBe('estimating…');
  });
});

describe('sweep results import', () => {
  it('accepts a results file and refuses other JSON', async () => {
    const { parseSweepResults } = await import('./sweep-import.ts');
    const r = results([cell('subject|0.1|b|mlp', 0.4)], { sigma: { value: 0.1, by: '' } });
    expect(parseSweepResults(JSON.stringify(r), 'r.json').cells).toHaveLength(1);
    expect(() => parseSweepResults('{"format":"diffpir-probe"}', 'p.json')).toThrow(/p\.json: not DiffPIR sweep results/);
    expect(() => parseSweepResults('nope', 'x.json')).toThrow(/x\.json: not valid JSON/);
  });
});
