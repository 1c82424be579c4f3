// The experiment's worker requests run in Node on the same pipeline: head parameter counts for a
// model's tap, a probe trained on the synthetic tiny plan (every epoch reported, test scored,
// provenance filled), and that probe recognizing a clip (the contract's codes and probabilities).
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../audio/index.ts';
import type { Progress } from '../../common/progress.ts';
import { initNodeBackend } from '../node.ts';
import type { HandlerContext } from '../handler.ts';
import type { LabProgress } from '../messages/lab-common.ts';
import { hanTrainHandler } from './han-train.ts';
import { probeSetupHandler } from './probe-setup.ts';
import { probeTrainHandler } from './probe-train.ts';
import { recognizeHandler } from './recognize.ts';

function context(progress: Progress[] = []): HandlerContext {
  return {
    id: 1, signal: new AbortController().signal, onProgress: (p) => progress.push(p), transfer: () => undefined,
    notice: () => undefined, runtime: undefined as never,
  };
}

const appBase = 'http://127.0.0.1/';

beforeAll(async () => {
  await initNodeBackend();
});

describe('experiment worker requests', () => {
  it('probeSetup: taps, paper sites and each head\'s parameters for the tap', async () => {
    const r = await probeSetupHandler.run({ model: 'random-init:tiny', appBase, tap: 'd3.0.resnet' }, context());
    expect(r.tap).toBe('d3.0.resnet');
    expect(r.defaultTap).toBe('d3.4.resnet');
    expect(r.pooledShape).toEqual([16]);
    expect(r.mapShape).toEqual([16, 16, 19]);
    expect(r.sites.bottleneck).toContain('d3.0.resnet');
    expect(r.parameters.mlp).toBe(16 * 128 + 128 + 128 * 11 + 11);
    expect(r.parameters.attention).toBeGreaterThan(r.parameters.mlp);
  });

  it('probeTrain then recognize on the tiny tone plan', async () => {
    const progress: LabProgress[] = [];
    const trained = await probeTrainHandler.run({
      model: 'random-init:tiny', appBase, corpus: { kind: 'tones', preset: 'tiny', seed: 1 }, sigma: 0.1, tap: 'd3.4.resnet',
      head: 'mlp', noiseSeed: 0, fit: { epochs: 3, seed: 1 }, maxClips: 2,
    }, context(progress));
    expect(progress.filter((p) => p.epoch).map((p) => p.epoch!.epoch)).toEqual(trained.epochs.map((e) => e.epoch));
    expect(trained.test.split).toBe('test');
    expect(trained.test.classes).toHaveLength(11);
    expect(trained.examples.train).toBe(2);
    expect(trained.provenance).toMatchObject({ model: 'random-init:tiny', sigma: 0.1, tap: 'd3.4.resnet', head: 'mlp', isIrmas: false });
    expect(trained.provenance.data).toMatch(/^tones-tiny-seed1-max2 \(synthetic tones, not IRMAS, 6 clips\)$/);

    const tone = Float32Array.from({ length: 16000 * 4 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 330 * i) / 16000));
    const bytes = encodeWav([tone], 16000).slice().buffer;
    const r = await recognizeHandler.run({ bytes, fileName: 'tone.wav', appBase, probe: { name: 'test probe', ...trained.probe } }, context());
    expect(r.instruments).toHaveLength(11);
    expect(r.instruments.some((i) => i.predicted)).toBe(true);
    for (const i of r.instruments) expect(i.probability).toBeGreaterThanOrEqual(0);
    expect(r.windows[0]).toMatchObject({ start: 0 });
    expect(r.probeSpec).toEqual({ kind: 'mlp', sigma: 0.1, tap: 'd3.4.resnet', model: 'random-init:tiny' });
    expect(r.identity).toMatchObject({ kind: 'probe', weights: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(r.duration).toBeCloseTo(4, 3);
  }, 60_000);

  it('hanTrain trains and scores the Han CNN, and scores a given one without training', async () => {
    const progress: LabProgress[] = [];
    const corpus = { kind: 'tones', preset: 'tiny', seed: 1 } as const;
    const trained = await hanTrainHandler.run({ corpus, fit: { epochs: 1 }, maxClips: 2 }, context(progress));
    expect(progress.filter((p) => p.epoch)).toHaveLength(1);
    expect(trained.parameters).toBe(1_446_123);
    expect(trained.test.clips).toBe(2);
    expect(trained.provenance).toMatchObject({ model: 'han-cnn', head: 'Han et al. CNN', sigma: null, isIrmas: false });
    const again = await hanTrainHandler.run({ corpus, maxClips: 2, model: trained.model }, context());
    expect(again.provenance.model).toBe('han-cnn (loaded)');
    expect(again.test).toEqual(trained.test);
  }, 120_000);
});
