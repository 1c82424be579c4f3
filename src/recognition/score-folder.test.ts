// scoreFolder with a stub recognizer whose probabilities the test sets: the known P/R/F1,
// confusion, not-sure count and ECE; unreadable items skipped and listed; bad labels refused
// before anything runs; calibrated decisions when the recognizer has a calibration.
import { describe, expect, it } from 'vitest';
import type { Calibration } from '../calibration/types.ts';
import { reliability } from '../calibration/reliability.ts';
import { LabError } from '../common/errors.ts';
import { scoreFolder } from './score-folder.ts';
import { probs, stubRecognizer } from './test-helpers.ts';

const classes = ['flu', 'pia', 'voi'];
const items = [
  { name: 'a.wav', labels: ['pia'], samples16k: probs(0.1, 0.9, 0.2) }, // recognized {pia}
  { name: 'b.wav', labels: ['pia', 'voi'], samples16k: probs(0.1, 0.8, 0.7) }, // {pia, voi}
  { name: 'c.wav', labels: ['voi'], samples16k: probs(0.6, 0.3, 0.55) }, // {flu, voi}; the rule also names pia (score 0.5), raw 0.3 is weak
  { name: 'd.wav', labels: [], samples16k: probs(0.05, 0.1, 0.02) }, // silence-like: not sure
  { name: 'e.wav', labels: ['flu'], samples16k: async () => { throw new LabError('e.wav: cannot read (no such file)'); } },
];

describe('scoreFolder', () => {
  it('gives the known P/R/F1, confusion, not-sure count and ECE, and lists the skipped file', async () => {
    const progress: string[] = [];
    const s = await scoreFolder(items, stubRecognizer(classes), { onProgress: (p) => progress.push(`${p.done}/${p.total}`) });
    expect(s.skipped).toEqual([{ name: 'e.wav', why: 'e.wav: cannot read (no such file)' }]);
    expect(s.files.map((f) => [f.name, f.recognized, f.confidence])).toEqual([
      ['a.wav', ['pia'], 'confident'], ['b.wav', ['pia', 'voi'], 'confident'], ['c.wav', ['flu', 'voi'], 'confident'], ['d.wav', [], 'not-sure'],
    ]);
    expect(s.files[2].predicted).toEqual(['flu', 'pia', 'voi']);
    expect(s.notSure).toBe(1);
    const [flu, pia, voi] = s.report.classes;
    expect([flu.tp, flu.fp, flu.fn, flu.f1]).toEqual([0, 1, 0, 0]);
    expect([pia.tp, pia.fp, pia.fn, pia.precision, pia.recall, pia.f1]).toEqual([2, 0, 0, 1, 1, 1]);
    expect([voi.tp, voi.fp, voi.fn, voi.f1]).toEqual([2, 0, 0, 1]);
    expect(s.report.micro.precision).toBeCloseTo(0.8, 12);
    expect(s.report.micro.recall).toBe(1);
    expect(s.report.micro.f1).toBeCloseTo(8 / 9, 12);
    expect(s.report.macro.f1).toBeCloseTo(2 / 3, 12);
    expect(s.report.clips).toBe(4);
    expect(s.confusion.counts).toEqual([[0, 0, 0], [0, 2, 1], [1, 1, 2]]);
    expect(s.confusion.none).toEqual([0, 0, 0]);
    expect(s.confusion.support).toEqual([0, 2, 2]);
    const raw = reliability([[0.1, 0.9, 0.2], [0.1, 0.8, 0.7], [0.6, 0.3, 0.55], [0.05, 0.1, 0.02]], [[0, 1, 0], [0, 1, 1], [0, 0, 1], [0, 0, 0]]);
    expect(s.ece).toEqual({ raw: raw.ece, calibrated: null, pairs: 12, bins: 10 });
    expect(s.decision).toBe('model-rule');
    expect(progress[0]).toBe('0/5');
    expect(progress.at(-1)).toBe('5/5');
  });

  it('refuses labels the model does not know, naming the files, before recognizing anything', async () => {
    const stub = stubRecognizer(classes);
    const bad = [...items, { name: 'x.wav', labels: ['sax'], samples16k: probs(0, 0, 0) }, { name: 'y.wav', labels: ['PIA '], samples16k: probs(0, 0, 0) }];
    await expect(scoreFolder(bad, stub)).rejects.toThrow('2 labels are not a class of the model (flu pia voi): x.wav: "sax"; y.wav: "PIA "');
    expect(stub.calls).toBe(0);
    await expect(scoreFolder([], stub)).rejects.toThrow(/no labelled files/);
    await expect(scoreFolder([items[4]], stub)).rejects.toThrow(/none of the 1 files could be read \(e.wav: e.wav: cannot read/);
  });

  it('scores calibrated decisions and reports the calibrated ECE', async () => {
    const cal: Calibration = {
      format: 'diffpir-calibration', version: 1, method: 'platt', input: 'clip-mean-probability',
      model: { kind: 'han', weights: 'stub' }, fittedOn: { name: 'v', contentId: 'c', split: 'validation', clips: 4, skipped: 0 },
      thresholdRule: { objective: 'f1', floor: 0.2, step: 0.01, ties: '' },
      // Identity mappings; flu needs 0.7, pia 0.85, voi 0.5.
      classes: [['flu', 0.7], ['pia', 0.85], ['voi', 0.5]].map(([code, threshold]) => ({ code: code as string, a: 1, b: 0, threshold: threshold as number, fitted: true, positives: 1, negatives: 3, validationF1: 1 })),
      ece: { before: 0, after: 0, bins: 10, pairs: 12 }, reliability: { before: [], after: [] },
    };
    const s = await scoreFolder(items.slice(0, 4), stubRecognizer(classes, cal));
    expect(s.decision).toBe('calibrated');
    expect(s.files.map((f) => f.recognized)).toEqual([['pia'], ['voi'], ['voi'], []]);
    expect(s.files[0].calibrated).toEqual({ flu: 0.1, pia: 0.9, voi: 0.2 });
    expect(s.report.classes[1]).toMatchObject({ tp: 1, fn: 1, fp: 0 });
    expect(s.ece.calibrated).toBeCloseTo(s.ece.raw, 12); // identity mapping
  });
});
