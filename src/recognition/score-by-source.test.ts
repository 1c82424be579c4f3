// Per-source scores of a folder score: files grouped by the sources of their labelled parts (a file
// of two sources under both, a file without any under "(no source)", last), each with the
// hand-worked micro F1 of its own files; a folder whose files name no source is refused.
import { describe, expect, it } from 'vitest';
import { scoreBySource } from './score-by-source.ts';
import { scoreFolder } from './score-folder.ts';
import { probs, stubRecognizer } from './test-helpers.ts';

const classes = ['flu', 'pia', 'voi'];

describe('scoreBySource', () => {
  it('groups files by source, each scored on its own files', async () => {
    const items = [
      { name: 'a.wav', labels: ['pia'], sources: ['lib-b'], samples16k: probs(0.1, 0.9, 0.2) }, // {pia}: TP
      { name: 'b.wav', labels: ['pia', 'voi'], sources: ['lib-a', 'lib-b'], samples16k: probs(0.1, 0.8, 0.7) }, // {pia, voi}: 2 TP
      { name: 'c.wav', labels: ['voi'], sources: ['lib-a'], samples16k: probs(0.6, 0.3, 0.55) }, // {flu, voi}: TP voi, FP flu
      { name: 'd.wav', labels: ['flu'], samples16k: probs(0.05, 0.1, 0.02) }, // nothing: FN flu
    ];
    const s = await scoreFolder(items, stubRecognizer(classes));
    expect(s.files.map((f) => f.sources)).toEqual([['lib-b'], ['lib-a', 'lib-b'], ['lib-a'], undefined]);
    const by = scoreBySource(s);
    expect(by.map((r) => [r.source, r.files])).toEqual([['lib-a', 2], ['lib-b', 2], ['(no source)', 1]]);
    // lib-a: b, c -> TP 3, FP 1, FN 0: P 3/4, R 1, F1 6/7
    expect(by[0].report.micro.f1).toBeCloseTo(6 / 7, 12);
    expect(by[0].report.classes.map((c) => [c.code, c.tp, c.fp, c.fn])).toEqual([['flu', 0, 1, 0], ['pia', 1, 0, 0], ['voi', 2, 0, 0]]);
    // lib-b: a, b -> 3 TP
    expect(by[1].report.micro.f1).toBe(1);
    // no source: d -> FN only
    expect(by[2].report.micro.f1).toBe(0);
    expect(by[2].report.clips).toBe(1);
  });

  it('refuses a score whose files name no source', async () => {
    const s = await scoreFolder([{ name: 'a.wav', labels: ['pia'], samples16k: probs(0.1, 0.9, 0.2) }], stubRecognizer(classes));
    expect(() => scoreBySource(s)).toThrow(/--by source needs a corpus folder whose manifest names the source/);
  });
});
