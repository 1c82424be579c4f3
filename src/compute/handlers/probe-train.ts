// `probeTrain`: one probe on a corpus (src/sweep/probe-on-corpus.ts) with every epoch posted as
// progress; returns the probe's files and its validation/test figures with their provenance.
import { FeatureExtractor } from '../../features/extract.ts';
import { sweepSettings } from '../../sweep/settings.ts';
import { trainProbeOnCorpus } from '../../sweep/probe-on-corpus.ts';
import { defineHandler } from '../handler.ts';
import type { LabProgress } from '../messages/lab-common.ts';
import { labFeatureCache, labModel } from './lab-context.ts';
import { describeCorpus, isIrmasCorpus, openLabCorpus } from './lab-corpus.ts';

export const probeTrainHandler = defineHandler('probeTrain', {
  run: async (p, ctx) => {
    ctx.onProgress({ stage: 'loading the model', done: 0, total: 0, detail: p.model });
    const model = await labModel(p.model, p.appBase, { signal: ctx.signal, onProgress: ctx.onProgress });
    const corpus = await openLabCorpus(p.corpus, p.maxClips);
    const settings = sweepSettings({ noiseSeed: p.noiseSeed, probeSeed: p.fit.seed ?? 1, fit: p.fit, heads: [p.head] });
    const extractor = new FeatureExtractor(model, labFeatureCache());
    try {
      const out = await trainProbeOnCorpus({ sigma: p.sigma, tap: p.tap, head: p.head }, extractor, corpus, settings, {
        signal: ctx.signal,
        onStep: ctx.onProgress,
        onEpoch: (epoch) => {
          const progress: LabProgress = { stage: 'training', done: epoch.epoch, total: settings.fit.epochs, detail: `epoch ${epoch.epoch}`, epoch };
          ctx.onProgress(progress);
        },
      });
      try {
        const files = await out.probe.toFiles();
        const weights = files.weights.slice().buffer as ArrayBuffer;
        ctx.transfer(weights);
        const m = out.probe.meta;
        return {
          probe: { json: files.json, weights },
          parameters: m.parameters,
          featureShape: [...m.featureSpec.shape],
          epochs: m.metrics.epochs,
          bestEpoch: m.metrics.bestEpoch,
          stopReason: m.metrics.stopReason,
          validation: { microF1: m.metrics.validation.microF1, macroF1: m.metrics.validation.macroF1 },
          test: out.test,
          examples: out.examples,
          seconds: out.seconds,
          provenance: {
            model: model.id, modelHash: model.hash, data: describeCorpus(corpus), isIrmas: isIrmasCorpus(corpus),
            sigma: p.sigma, tap: p.tap, head: p.head, backend: out.backend,
            seeds: { noise: p.noiseSeed, probe: settings.probeSeed }, at: new Date().toISOString(),
          },
          warnings: labFeatureCache().drainWarnings(),
        };
      } finally {
        out.probe.dispose();
      }
    } finally {
      extractor.dispose();
    }
  },
});
