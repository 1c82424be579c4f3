import { describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../../evaluation/types.ts';
import type { Provenance } from '../../../compute/messages/lab-common.ts';
import { metricsCsv, recognitionCsv, toCsv } from './csv.ts';
import { provenanceLine } from './provenance.ts';
import { corpusFromValue, corpusValue } from './corpus-ref.ts';

const report: MetricsReport = {
  split: 'test', clips: 4,
  classes: [
    { code: 'vio', tp: 2, fp: 1, fn: 0, support: 2, precision: 2 / 3, recall: 1, f1: 0.8 },
    { code: 'cel', tp: 0, fp: 0, fn: 0, support: 0, precision: 0, recall: 0, f1: null },
  ],
  micro: { precision: 2 / 3, recall: 1, f1: 0.8 },
  macro: { precision: 2 / 3, recall: 1, f1: 0.8, classesAveraged: 1 },
};
const prov: Provenance = {
  model: 'random-init:tiny', data: 'tones-tiny-seed1 (synthetic tones, not IRMAS, 52 clips)', isIrmas: false,
  sigma: 0.1, tap: 'd3.4.resnet', head: 'mlp', backend: 'wasm', seeds: { noise: 0, probe: 1 }, at: '2026-11-25T05:00:00.000Z',
};

describe('csv', () => {
  it('quotes commas, quotes and newlines, and leaves empty cells for null', () => {
    expect(toCsv([['a,b', 'say "hi"', null, 0.1234567891], ['x\ny', 3, undefined, Infinity]], ['made here'])).toBe(
      '# made here\n"a,b","say ""hi""",,0.123457\n"x\ny",3,,\n',
    );
  });

  it('writes class rows, micro and macro per system, with provenance comments', () => {
    const csv = metricsCsv([{ name: 'MLP probe', report, provenance: prov }]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('# clip-level scores on the test split, thresholds chosen on validation');
    expect(lines[1]).toContain('# MLP probe: model random-init:tiny · data tones-tiny-seed1');
    expect(lines[2]).toBe('system,class,precision,recall,f1,support,tp,fp,fn');
    expect(lines[3]).toBe('MLP probe,vio,0.666667,1,0.8,2,2,1,0');
    expect(lines[4]).toBe('MLP probe,cel,0,0,,0,0,0,0');
    expect(lines[5]).toBe('MLP probe,micro,0.666667,1,0.8,,,,');
    expect(lines[6]).toBe('MLP probe,macro,0.666667,1,0.8,,,,');
  });

  it('writes a recognition timeline', () => {
    const csv = recognitionCsv({
      instruments: [{ code: 'vio', probability: 0.9, score: 1, predicted: true }, { code: 'pia', probability: 0.2, score: 0.22, predicted: false }],
      threshold: 0.5, model: 'm', probe: 'p', duration: 4,
      windows: [{ start: 0, end: 3.04, probabilities: { vio: 0.8, pia: 0.3 } }, { start: 0.96, end: 4, probabilities: { vio: 1, pia: 0.1 } }],
    }, 'clip.wav');
    expect(csv.split('\n').slice(0, 6)).toEqual(['# clip.wav: model m, probe p', '# predicted: vio', 'start_s,end_s,vio,pia', '0,3.04,0.8,0.3', '0.96,4,1,0.1', 'clip,clip,0.9,0.2']);
  });
});

describe('provenance and corpus values', () => {
  it('names model, data, sigma, tap, head and backend', () => {
    expect(provenanceLine(prov)).toBe(
      'model random-init:tiny · data tones-tiny-seed1 (synthetic tones, not IRMAS, 52 clips) · sigma 0.1 · tap d3.4.resnet · head MLP · backend wasm · noise seed 0, probe seed 1 · 2026-11-25 05:00',
    );
    expect(provenanceLine({ ...prov, sigma: null, tap: null, head: 'Han et al. CNN', seeds: {} })).toContain('sigma n/a · tap n/a · head Han et al. CNN · backend wasm · 2026');
  });

  it('round-trips corpus choices', () => {
    for (const ref of [{ kind: 'tones', preset: 'tiny', seed: 1 }, { kind: 'stored', id: 'builtin:tiny:1' }] as const) {
      expect(corpusFromValue(corpusValue(ref))).toEqual(ref);
    }
    expect(corpusFromValue('nonsense')).toBeNull();
  });
});
