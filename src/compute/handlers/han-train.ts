// `hanTrain`: the Han et al. CNN trained on a corpus (src/baseline) with every epoch posted as
// progress, or a given trained one loaded; either way scored on the corpus's test clips at its
// validation threshold (test labels read last). Returns its files and figures with provenance.
import * as tf from '@tensorflow/tfjs';
import { melClipsOf } from '../../baseline/corpus-mels.ts';
import type { HanModel } from '../../baseline/han.ts';
import { loadHan } from '../../baseline/load.ts';
import { HAN_FIT, trainHan } from '../../baseline/train.ts';
import { classWiseMetrics } from '../../evaluation/metrics.ts';
import { labelSet } from '../../evaluation/labels.ts';
import { defineHandler } from '../handler.ts';
import type { LabProgress } from '../messages/lab-common.ts';
import { describeCorpus, isIrmasCorpus, openLabCorpus } from './lab-corpus.ts';

export const hanTrainHandler = defineHandler('hanTrain', {
  run: async (p, ctx) => {
    const started = performance.now();
    const corpus = await openLabCorpus(p.corpus, p.maxClips);
    const split = (s: string) => corpus.clips.filter((c) => c.split === s);
    const opts = { signal: ctx.signal, onProgress: ctx.onProgress };
    let han: HanModel;
    if (p.model) {
      han = loadHan(p.model.json, p.model.weights, 'Han CNN');
    } else {
      const train = await melClipsOf(split('train'), corpus.classes, { ...opts, what: 'train' });
      const validation = await melClipsOf(split('validation'), corpus.classes, { ...opts, what: 'validation' });
      const fit = { ...HAN_FIT, ...p.fit };
      han = await trainHan({ classes: corpus.classes, train, validation, settings: fit }, {
        signal: ctx.signal,
        onEpoch: (epoch) => {
          const progress: LabProgress = { stage: 'training the Han CNN', done: epoch.epoch, total: fit.epochs, detail: `epoch ${epoch.epoch}`, epoch };
          ctx.onProgress(progress);
        },
      });
    }
    try {
      const test = await melClipsOf(split('test'), han.classes, { ...opts, what: 'test' });
      const scored = await han.scoreClips(test);
      const predictions = han.decide(scored.scores);
      const byId = new Map(test.map((c) => [c.id, c.labels]));
      const report = classWiseMetrics(predictions, labelSet('test', han.classes, scored.clipIds.map((id) => byId.get(id)!)));
      const files = await han.toFiles();
      const weights = files.weights.slice().buffer as ArrayBuffer;
      ctx.transfer(weights);
      const m = han.meta.metrics;
      return {
        model: { json: files.json, weights },
        parameters: han.meta.parameters,
        epochs: m.epochs,
        validation: { microF1: m.validation.microF1, macroF1: m.validation.macroF1 },
        test: report,
        seconds: { training: m.trainSeconds, total: (performance.now() - started) / 1000 },
        provenance: {
          model: p.model ? 'han-cnn (loaded)' : 'han-cnn', data: describeCorpus(corpus), isIrmas: isIrmasCorpus(corpus),
          sigma: null, tap: null, head: 'Han et al. CNN', backend: tf.getBackend(), seeds: { probe: han.meta.seed }, at: new Date().toISOString(),
        },
      };
    } finally {
      han.dispose();
    }
  },
});
