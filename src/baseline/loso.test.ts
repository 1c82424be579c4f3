// LOSO folds on a hand-made manifest: what "uses a source" and "led by a source" mean (bass and
// drums count, mixed multi-label clips are led by none), the per-class cap, shared training sets,
// the table, and clear errors for unknown or accompaniment-only sources.
import { describe, expect, it } from 'vitest';
import { makeManifest } from '../corpus/manifest.ts';
import type { ClipRecord, PartRecord } from '../corpus/types.ts';
import { leadingSource, losoTable, mixedClips, planLoso, sourceCounts, sourcesUsed, type LosoFoldResult } from './loso.ts';

const part = (cls: PartRecord['class'], source: string | undefined, labelled: boolean): PartRecord =>
  ({ class: cls, role: labelled ? 'lead' : cls === 'bass' ? 'bass' : 'counter', program: 0, gainDb: 0, labelled, ...(source ? { source } : {}) });

function clip(id: string, split: ClipRecord['split'], labelled: [PartRecord['class'], string][], others: [PartRecord['class'], string][] = [], multi = false): ClipRecord {
  return {
    id, file: `${id}.wav`, split, labels: labelled.map(([c]) => c) as ClipRecord['labels'], duration: 3, sampleRate: 16000, bank: 'FluidR3Mono_GM',
    parts: [...labelled.map(([c, s]) => part(c, s, true)), ...others.map(([c, s]) => part(c, s, false))],
    ...(multi ? { meta: { set: 'multi' } } : {}),
  };
}

const SF = 'sf:FluidR3Mono_GM';
const clips: ClipRecord[] = [
  clip('t1', 'train', [['cel', 'bigcat']], [['bass', SF]]),
  clip('t2', 'train', [['cel', SF]]),
  clip('t3', 'train', [['flu', 'tjflute']], [['cel', 'bigcat']]),
  clip('t4', 'train', [['flu', SF]]),
  clip('t5', 'train', [['flu', 'tjflute']]),
  clip('v1', 'validation', [['cel', 'bigcat']]),
  clip('v2', 'validation', [['flu', SF]]),
  clip('m1', 'train', [['cel', 'bigcat'], ['flu', 'tjflute']], [], true),
  clip('m2', 'train', [['flu', 'tjflute']], [], true),
  clip('x1', 'test', [['cel', 'tjcello'], ['flu', 'tjcello']]),
];
const manifest = makeManifest('rendered', clips, []);

describe('LOSO definitions', () => {
  it('a clip uses every source of its parts; it is led by a source only when all labelled parts play from it', () => {
    expect(sourcesUsed(clips[0])).toEqual(['bigcat', SF]);
    expect(leadingSource(clips[0])).toBe('bigcat');
    expect(leadingSource(clips[7])).toBeUndefined(); // mixed multi-label clip
    expect(leadingSource(clips[9])).toBe('tjcello');
    // Recipe 1: a part without a source plays from the clip's bank.
    expect(sourcesUsed({ bank: 'TimGM6mb', parts: [part('sax', undefined, true)] })).toEqual(['sf:TimGM6mb']);
    expect(mixedClips(manifest)).toBe(1);
  });

  it('counts clips led per group and training clips using each source', () => {
    const c = new Map(sourceCounts(manifest).map((s) => [s.source, s]));
    expect(c.get('bigcat')).toEqual({ source: 'bigcat', led: { train: 1, validation: 1, test: 0, multi: 0 }, usedBy: { train: 2, validation: 1 } });
    expect(c.get('tjflute')!.led).toEqual({ train: 2, validation: 0, test: 0, multi: 1 });
  });
});

describe('planLoso', () => {
  it('leaves out every training and validation clip using the source, and scores the clips it leads in every split', () => {
    const [big, sf] = planLoso(manifest, { sources: ['bigcat', SF] });
    expect(big.train).toEqual(['t2', 't4', 't5']);
    expect(big.validation).toEqual(['v2']);
    expect(big.excluded).toEqual({ train: 2, validation: 1 });
    expect(big.scored).toEqual(['t1', 'v1']);
    expect(big.scoredBy).toEqual({ train: 1, validation: 1, test: 0, multi: 0 });
    // The SoundFont bank plays t1's bass: t1 is left out of its fold too.
    expect(sf.train).toEqual(['t3', 't5']);
    expect(sf.scored).toEqual(['t2', 't4', 'v2']);
  });

  it('defaults to every leading source; test-only sources share the model trained on everything', () => {
    const folds = planLoso(manifest);
    expect(folds.map((f) => f.source)).toEqual(['bigcat', SF, 'tjcello', 'tjflute']);
    const cello = folds.find((f) => f.source === 'tjcello')!;
    expect(cello.train).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(cello.scoredBy.test).toBe(1);
    expect(new Set(folds.map((f) => f.trainingKey)).size).toBe(4);
    const again = planLoso(makeManifest('rendered', [...clips, clip('x2', 'test', [['pia', 'headroom']])], []));
    const keys = again.filter((f) => f.source === 'tjcello' || f.source === 'headroom').map((f) => f.trainingKey);
    expect(keys[0]).toBe(keys[1]);
  });

  it('caps training and validation clips per class with an even spread; with withMulti, trains on multi clips not using the source', () => {
    const [flu] = planLoso(manifest, { sources: ['tjflute'], maxClips: 1 });
    expect(flu.train).toEqual(['t1', 't4']);
    expect(flu.validation).toEqual(['v1', 'v2']);
    const [big] = planLoso(manifest, { sources: ['tjflute'], maxClips: 1, maxValidation: 5 });
    expect(big.validation).toEqual(['v1', 'v2']);
    expect(planLoso(manifest, { sources: ['sf:FluidR3Mono_GM'], maxClips: 5, maxValidation: 1 })[0].train).toEqual(['t3', 't5']);
    const [withMulti] = planLoso(manifest, { sources: ['bigcat'], withMulti: true });
    expect(withMulti.train).toEqual(['t2', 't4', 't5', 'm2']);
  });

  it('names unknown, accompaniment-only and repeated sources, and a bad cap', () => {
    expect(() => planLoso(manifest, { sources: ['nope'] })).toThrow(/source "nope" plays in no clip of this corpus; known: bigcat, sf:FluidR3Mono_GM/);
    const acc = makeManifest('rendered', [...clips, clip('t9', 'train', [['pia', SF]], [['org', 'tjorgan']])], []);
    expect(() => planLoso(acc, { sources: ['tjorgan'] })).toThrow(/leads no clip/);
    expect(() => planLoso(manifest, { sources: ['bigcat', 'bigcat'] })).toThrow(/named twice/);
    expect(() => planLoso(manifest, { maxClips: 0 })).toThrow(/--max-clips/);
    expect(() => planLoso(manifest, { maxValidation: 1.5 })).toThrow(/--max-validation must be a whole number/);
    const bare = makeManifest('irmas', [{ id: 'a', file: 'a.wav', split: 'train', labels: ['pia'], duration: 3, sampleRate: 16000 }], []);
    expect(() => planLoso(bare)).toThrow(/names the sources of its parts/);
  });
});

describe('losoTable', () => {
  it('has one row per fold with kept/left-out clips, scored clips per group and F1 of the labelled classes', () => {
    const metric = (code: string, support: number, f1: number | null) => ({ code, tp: 0, fp: 0, fn: 0, support, precision: 0, recall: 0, f1 });
    const r: LosoFoldResult = {
      source: 'bigcat', trainClips: 3, validationClips: 1, excluded: { train: 2, validation: 1 },
      scoredBy: { train: 1, validation: 1, test: 0, multi: 0 }, support: { cel: 2 },
      report: {
        split: 'test', clips: 2, classes: [metric('cel', 2, 0.5), metric('flu', 0, 0)],
        micro: { precision: 0.5, recall: 0.5, f1: 0.4 }, macro: { precision: 0, recall: 0, f1: 0.25, classesAveraged: 2 },
      },
      threshold: [0.5], epochs: 1, bestEpoch: 1, trainSeconds: 1, seconds: 2,
    };
    const lines = losoTable([r]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('| bigcat | 3 / 1 (2 / 1) | – | 2 (1+1+0+0) | 0.400 | 0.250 | cel 0.500 (2) |');
    expect(losoTable([{ ...r, validationF1: { micro: 0.61, macro: 0.5 } }]).split('\n')[2]).toContain('| 3 / 1 (2 / 1) | 0.610 | 2 (1+1+0+0) |');
  });
});
