// The sweep engine end to end on tones and a tiny random-init U-Net: stages in order, choices by
// validation only, results saved per cell and resumed, the settings fingerprint, the report, and
// no tensor leak across a stage.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../compute/node.ts';
import { MemoryFeatureCache } from '../features/cache.ts';
import { resolveModel, type ModelSource } from '../features/model-source.ts';
import { runSweep, type SweepEnv } from './sweep.ts';
import { sweepSettings } from './settings.ts';
import { MemoryResultsStore } from './store.ts';
import { formatSweepReport } from './report.ts';
import { chooseStages } from './plan.ts';
import { toneCorpus } from './test-helpers.ts';
import type { BaselineRunner, CellResult, SweepResults } from './types.ts';

const noFolders = async () => {
  throw new Error('no folders here');
};

const fakeBaseline: BaselineRunner = {
  name: 'fake-han',
  async run(corpus) {
    const classes = corpus.classes.map((code) => ({ code, tp: 1, fp: 0, fn: 0, support: 1, precision: 1, recall: 1, f1: 0.5 }));
    return {
      model: 'fake-han', pooled: false, featureShape: [128, 50], parameters: 1, validation: { microF1: 0.5, macroF1: 0.5 },
      test: { split: 'test', clips: 3, classes, micro: { precision: 0.5, recall: 0.5, f1: 0.5 }, macro: { precision: 0.5, recall: 0.5, f1: 0.5, classesAveraged: 3 } },
      threshold: [0.5], seeds: { probe: 1 }, training: { epochs: 0, bestEpoch: 0, stopReason: 'max-epochs' },
      examples: { train: 0, validation: 0, test: 3 }, backend: 'none', seconds: { features: 0, training: 0, total: 0 },
    };
  },
};

describe('sweep [wasm]', () => {
  let subject: ModelSource;
  let control: ModelSource;
  const settings = sweepSettings({ sigmas: [0.05, 0.5], heads: ['mlp', 'cnn'], fit: { epochs: 3, patience: 3 } });
  const store = new MemoryResultsStore();
  const cache = new MemoryFeatureCache();
  let env: SweepEnv;

  beforeAll(async () => {
    await initNodeBackend('wasm');
    subject = await resolveModel('random-init:tiny@7', noFolders);
    control = await resolveModel('random-init:tiny', noFolders);
    env = { subject, control, corpus: toneCorpus(), cache, store, baseline: fakeBaseline };
  });

  it('runs stage 1 for subject and control with the baseline alongside, leaking no tensors', async () => {
    const before = tf.memory().numTensors;
    const cells: CellResult[] = [];
    const r = await runSweep(env, { ...settings, stages: [1] }, { onCell: (c) => cells.push(c) });
    expect(tf.memory().numTensors).toBe(before);
    expect(cells.map((c) => c.id)).toEqual([
      'baseline|fake-han',
      'subject|0.05|d3.4.resnet|mlp', 'control|0.05|d3.4.resnet|mlp', 'subject|0.5|d3.4.resnet|mlp', 'control|0.5|d3.4.resnet|mlp',
    ]);
    expect(store.saves).toBe(6);
    const c = r.cells[1];
    expect(c).toMatchObject({ model: 'random-init:tiny@7', corpus: 'tones-v1', sigma: 0.05, tap: 'd3.4.resnet', head: 'mlp', pooled: true, backend: 'wasm' });
    expect(c.seeds).toEqual({ noise: 0, probe: 1 });
    expect(c.featureShape).toEqual([16]);
    expect(c.examples).toEqual({ train: 9, validation: 3, test: 8 });
    expect(c.test.classes.map((x) => x.code)).toEqual(['flu', 'pia', 'vio']);
    expect(c.seconds.total).toBeGreaterThan(0);
    expect(r.choices.sigma?.value).toBe(r.cells.filter((x) => x.role === 'subject').sort((a, b) => b.validation.microF1 - a.validation.microF1 || b.validation.macroF1 - a.validation.macroF1)[0].sigma);
  });

  it('resumes: completed cells are skipped, stages 2 and 3 run at the chosen sigma and tap', async () => {
    const skipped: string[] = [];
    const ran: string[] = [];
    const r = await runSweep(env, settings, { onCell: (c, s) => (s ? skipped : ran).push(c.id) });
    expect(skipped).toContain('baseline|fake-han');
    expect(skipped.filter((id) => id.endsWith('|mlp') && id.includes('d3.4.resnet')).length).toBeGreaterThanOrEqual(4);
    const sigma = r.choices.sigma!.value;
    expect(ran.filter((id) => id.startsWith('subject|')).every((id) => id.startsWith(`subject|${sigma}|`))).toBe(true);
    // stage 2: 6 taps x 2 roles, one pair (the stage-1 tap) done before; stage 3: cnn x 2 roles
    expect(ran.length).toBe(10 + 2);
    expect(r.cells.length).toBe(5 + 12);
    expect(r.choices.tap).toBeDefined();
    expect(r.cells.find((c) => c.id === `subject|${sigma}|${r.choices.tap!.value}|cnn`)!.featureShape.length).toBe(3);
    const report = formatSweepReport(r);
    for (const s of ['Stage 1', 'Stage 2', 'Stage 3', 'Class-wise test F1', 'fake-han', 'ctrl micro', 'stop s/c', 'at the epoch cap']) expect(report).toContain(s);
    expect(report).toMatch(/subject: \d+ of \d+ cells stopped on validation patience/);
    // A third run has nothing left to do.
    const again: string[] = [];
    await runSweep(env, settings, { onCell: (c, s) => !s && again.push(c.id) });
    expect(again).toEqual([]);
  });

  it('chooses by validation only: changing test scores changes no choice', () => {
    const r = JSON.parse(store.text!) as SweepResults;
    const before = chooseStages(r.cells, settings, r);
    for (const c of r.cells) (c.test as { micro: { f1: number } }).micro.f1 = Math.random();
    expect(chooseStages(r.cells, settings, r)).toEqual(before);
  });

  it('a results file made without a baseline takes one later: only the baseline cell runs', async () => {
    const bare = new MemoryResultsStore();
    await runSweep({ ...env, store: bare, baseline: undefined }, { ...settings, stages: [1] }, {});
    expect((JSON.parse(bare.text!) as SweepResults).notes.some((n) => n.startsWith('baseline: no Han CNN'))).toBe(true);
    const ran: string[] = [];
    const r = await runSweep({ ...env, store: bare }, { ...settings, stages: [1] }, { onCell: (c, s) => !s && ran.push(c.id) });
    expect(ran).toEqual(['baseline|fake-han']);
    expect(r.fingerprint.baseline).toBe('fake-han');
    expect(r.notes.some((n) => n.startsWith('baseline: no Han CNN'))).toBe(false);
    await expect(runSweep({ ...env, store: bare, baseline: { ...fakeBaseline, name: 'other-han' } }, { ...settings, stages: [1] }, {}))
      .rejects.toThrow(/other settings \(baseline: "fake-han" there, "other-han" now\)/);
  });

  it('refuses to resume a results file made with other settings', async () => {
    await expect(runSweep(env, { ...settings, noiseSeed: 5 }, {})).rejects.toThrow(/other settings \(noiseSeed: 0 there, 5 now\)/);
  });

  it('scores every cell also on outside sets, at the same threshold, choosing nothing by them (--also-score)', async () => {
    const corpus = toneCorpus();
    const outside = [{ name: 'tones/test', id: 'tones-test', clips: corpus.clips.filter((c) => c.split === 'test') }];
    const plain = await runSweep({ ...env, baseline: undefined, store: new MemoryResultsStore() }, { ...settings, stages: [1] }, {});
    const withOut = await runSweep({ ...env, corpus: { ...corpus, outside }, baseline: undefined, store: new MemoryResultsStore() }, { ...settings, stages: [1] }, {});
    expect(withOut.fingerprint.outside).toEqual(['tones/test#tones-test']);
    expect(plain.fingerprint.outside).toBeUndefined();
    expect(withOut.choices).toEqual(plain.choices);
    for (const c of withOut.cells) {
      // The outside set is the test split here, so its figures are the test figures.
      expect(c.outside!['tones/test']).toEqual(c.test);
      expect(c.validation).toEqual(plain.cells.find((p) => p.id === c.id)!.validation);
    }
    const report = formatSweepReport(withOut);
    for (const s of ['o1 = tones/test', 'o1 micro', 'o1 ctrl', 'Class-wise F1 on o1 (tones/test)']) expect(report).toContain(s);
  });

  it('another subject with the same control takes its control cells from an earlier sweep (--reuse-control)', async () => {
    const earlier = JSON.parse(store.text!) as SweepResults;
    const other = await resolveModel('random-init:tiny@9', noFolders);
    const next = new MemoryResultsStore();
    const ran: string[] = [];
    const stage1 = { ...settings, stages: [1] as const };
    const r = await runSweep({ ...env, subject: other, store: next }, { ...stage1, stages: [1] }, {
      reuseControl: [{ name: 'a.json', results: earlier }], onCell: (c, s) => !s && ran.push(c.id),
    });
    expect(ran).toEqual(['subject|0.05|d3.4.resnet|mlp', 'subject|0.5|d3.4.resnet|mlp']);
    const control = (x: SweepResults) => x.cells.filter((c) => (c.role === 'control' && c.id.endsWith('d3.4.resnet|mlp')) || c.role === 'baseline');
    expect(control(r)).toEqual(control(earlier));
    // Only the cells this sweep plans are taken (stage 1 here), each noted.
    expect(r.cells.map((c) => c.id).sort()).toEqual(['baseline|fake-han', 'control|0.05|d3.4.resnet|mlp', 'control|0.5|d3.4.resnet|mlp', 'subject|0.05|d3.4.resnet|mlp', 'subject|0.5|d3.4.resnet|mlp']);
    expect(r.notes).toContain('cell control|0.5|d3.4.resnet|mlp taken from a.json (same control weights, corpus and settings)');
    expect(r.notes).toContain('cell baseline|fake-han taken from a.json (same control weights, corpus and settings)');
    await expect(runSweep({ ...env, subject: other, store: new MemoryResultsStore() }, { ...settings, stages: [1], noiseSeed: 5 }, { reuseControl: [{ name: 'a.json', results: earlier }] }))
      .rejects.toThrow(/--reuse-control a\.json: made with other settings or data \(noiseSeed: 0 there, 5 here\)/);
    const otherControl = await resolveModel('random-init:tiny@3', noFolders);
    await expect(runSweep({ ...env, subject: other, control: otherControl, store: new MemoryResultsStore() }, { ...settings, stages: [1] }, { reuseControl: [{ name: 'a.json', results: earlier }] }))
      .rejects.toThrow(/--reuse-control a\.json: its control random-init:tiny has other weights/);
  });
});

describe('sweep defaults', () => {
  it('stop probe training on validation patience under a generous epoch cap', () => {
    const s = sweepSettings();
    expect(s.fit.epochs).toBe(300);
    expect(s.fit.patience).toBeLessThan(20);
    expect(sweepSettings({ fit: { epochs: 12 } }).fit.epochs).toBe(12);
  });
});
