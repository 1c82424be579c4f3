// `hanTrain`: the Han et al. CNN trained on a corpus (src/baseline) with every epoch posted as
// progress, or a given trained one loaded; either way scored on the corpus's test clips at its
// validation threshold by the sweep's baseline cell (test labels read last). Returns its files
// and figures with provenance.
import * as tf from '@tensorflow/tfjs';
import type { HanModel } from '../../baseline/han.ts';
import { loadHan } from '../../baseline/load.ts';
import { HAN_FIT, trainHan } from '../../baseline/train.ts';
import { hanCell, melClips } from '../../sweep/baseline.ts';
import { defineHandler } from '../handler.ts';
import type { LabProgress } from '../messages/lab-common.ts';
import { describeCorpus, isIrmasCorpus, openLabCorpus } from './lab-corpus.ts';

export const hanTrainHandler = defineHandler('hanTrain', {
  run: async (p, ctx) => {
    const started = performance.now();
    const corpus = await openLabCorpus(p.corpus, p.maxClips);
    let han: HanModel;
    let featureSeconds = 0;
    if (p.model) {
      han = loadHan(p.model.json, p.model.weights, 'Han CNN');
    } else {
      ctx.onProgress({ stage: 'log-mels of the train and validation clips', done: 0, total: 0 });
      const train = await melClips(corpus, 'train', ctx.signal);
      const validation = await melClips(corpus, 'validation', ctx.signal);
      featureSeconds = (performance.now() - started) / 1000;
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
      ctx.onProgress({ stage: 'scoring the test clips', done: 0, total: 0 });
      const cell = await hanCell(han, await melClips(corpus, 'test', ctx.signal), corpus, 'han-cnn', started, featureSeconds);
      const files = await han.toFiles();
      const weights = files.weights.slice().buffer as ArrayBuffer;
      ctx.transfer(weights);
      return {
        model: { json: files.json, weights },
        parameters: cell.parameters,
        epochs: han.meta.metrics.epochs,
        validation: cell.validation,
        test: cell.test,
        seconds: { training: cell.seconds.training, total: (performance.now() - started) / 1000 },
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
