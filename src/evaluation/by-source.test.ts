// by-source.ts: which sources a clip counts under (labelled parts only; recipe 1's bank; the real
// set's collection; none), and reports per source equal to classWiseMetrics on that source's rows.
import { describe, expect, it } from 'vitest';
import type { PartRecord } from '../corpus/types.ts';
import { labelledSources, NO_SOURCE, reportsBySource } from './by-source.ts';
import { labelSet } from './labels.ts';
import { classWiseMetrics } from './metrics.ts';

const part = (cls: PartRecord['class'], source: string | undefined, labelled = true): PartRecord =>
  ({ class: cls, role: labelled ? 'lead' : 'bass', program: 0, gainDb: 0, labelled, ...(source ? { source } : {}) });

describe('labelledSources', () => {
  it('lists the distinct sources of the labelled parts, sorted', () => {
    expect(labelledSources({ parts: [part('cel', 'sf:FluidR3Mono_GM'), part('bass', 'lib:bass', false)] })).toEqual(['sf:FluidR3Mono_GM']);
    expect(labelledSources({ parts: [part('pia', 'sf:B'), part('flu', 'lib:a'), part('vio', 'sf:B')] })).toEqual(['lib:a', 'sf:B']);
  });
  it('falls back to the bank, then the collection, then NO_SOURCE', () => {
    expect(labelledSources({ parts: [part('sax', undefined)], bank: 'TimGM6mb' })).toEqual(['sf:TimGM6mb']);
    expect(labelledSources({ bank: 'TimGM6mb' })).toEqual([NO_SOURCE]);
    expect(labelledSources({ meta: { repo: 'owner/collection', start: 0 } })).toEqual(['owner/collection']);
    expect(labelledSources({ meta: { repo: 7 } })).toEqual([NO_SOURCE]);
    expect(labelledSources({})).toEqual([NO_SOURCE]);
  });
});

describe('reportsBySource', () => {
  it('scores each source on the rows it plays in, sorted by name with NO_SOURCE last', () => {
    const classes = ['a', 'b'];
    const rows = [Uint8Array.of(1, 0), Uint8Array.of(1, 1), Uint8Array.of(0, 1), Uint8Array.of(0, 0)];
    const labels = [Uint8Array.of(1, 0), Uint8Array.of(0, 1), Uint8Array.of(0, 1), Uint8Array.of(1, 0)];
    const sources: Record<string, string[]> = { c0: ['z'], c1: ['z', 'm'], c2: ['m'], c3: [NO_SOURCE] };
    const out = reportsBySource({ split: 'test', clipIds: ['c0', 'c1', 'c2', 'c3'], predictions: { classes, rows }, labels }, (id) => sources[id]);
    expect(out.map((s) => [s.source, s.report.clips])).toEqual([['m', 2], ['z', 2], [NO_SOURCE, 1]]);
    const sub = (ix: number[]) => classWiseMetrics({ classes, rows: ix.map((i) => rows[i]) }, labelSet('test', classes, ix.map((i) => labels[i])));
    expect(out[0].report).toEqual(sub([1, 2]));
    expect(out[1].report).toEqual(sub([0, 1]));
    expect(out[2].report).toEqual(sub([3]));
  });
});
