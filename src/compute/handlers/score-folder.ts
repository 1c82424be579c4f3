// `scoreFolder`: every labelled file read and decoded in turn (an unreadable one is skipped and
// listed), recognized by the probe (with the U-Net it reads, and its calibration.json) or the Han
// CNN folder (kept warm, with its calibration.json), and scored by src/recognition's scoreFolder:
// class-wise P/R/F1, micro/macro F1, the confusion table, the not-sure count and ECE.
import * as tf from '@tensorflow/tfjs';
import { loadAudio16k } from '../../audio/load.ts';
import { hanSummary } from '../../baseline/summary.ts';
import { loadProbe } from '../../probes/load.ts';
import { calibrationFor, weightsIdentity } from '../../recognition/identity.ts';
import type { LabelledItem } from '../../recognition/items.ts';
import { hanRecognizer, probeRecognizer, type Recognizer } from '../../recognition/recognizer.ts';
import { scoreFolder } from '../../recognition/score-folder.ts';
import { defineHandler } from '../handler.ts';
import { labHan } from './han-context.ts';
import { labFeatureCache, labModel } from './lab-context.ts';

export const scoreFolderHandler = defineHandler('scoreFolder', {
  run: async (p, ctx) => {
    const t0 = performance.now();
    const items: LabelledItem[] = p.items.map((it) => ({
      name: it.name,
      labels: it.labels,
      samples16k: async () => (await loadAudio16k(new Uint8Array(await it.file.arrayBuffer()), it.name, { signal: ctx.signal })).samples,
    }));
    let recognizer: Recognizer;
    let unet: string | null = null;
    let han: ({ folder: string } & ReturnType<typeof hanSummary>) | null = null;
    const m = p.model;
    if (m.kind === 'han') {
      ctx.onProgress({ stage: 'loading the Han CNN', done: 0, total: 0, detail: m.folder });
      const loaded = await labHan(m.folder, p.appBase);
      // The loaded model stays warm for the next request: this recognizer never disposes it.
      recognizer = { ...hanRecognizer(loaded.han, { name: m.folder, identity: loaded.identity, calibration: loaded.calibration }), dispose: () => undefined };
      han = { folder: m.folder, ...hanSummary(loaded.han.meta) };
    } else {
      const identity = await weightsIdentity('probe', m.weights);
      const calibration = m.calibration ? calibrationFor(m.calibration, identity, m.folder ?? m.name) : null;
      const probe = loadProbe(m.json, m.weights, m.name);
      try {
        unet = probe.meta.featureSpec.model;
        ctx.onProgress({ stage: 'loading the model', done: 0, total: 0, detail: unet });
        const model = await labModel(unet, p.appBase, { signal: ctx.signal, onProgress: ctx.onProgress });
        recognizer = probeRecognizer(probe, model, { name: m.name, identity, calibration, cache: labFeatureCache() });
      } catch (e) {
        probe.dispose();
        throw e;
      }
    }
    try {
      const score = await scoreFolder(items, recognizer, { signal: ctx.signal, onProgress: ctx.onProgress, stage: 'scoring the files' });
      return { score, unet, han, backend: tf.getBackend(), seconds: (performance.now() - t0) / 1000 };
    } finally {
      recognizer.dispose();
    }
  },
});
