// `recognizeHan`: decode the file, load the Han CNN folder from the app's models/ (kept warm
// between requests, with its calibration.json when present) and run recognizeHan, the pipeline
// of `npx diffpir recognize --han`.
import * as tf from '@tensorflow/tfjs';
import { loadAudio16k } from '../../audio/load.ts';
import { recognizeHan } from '../../baseline/recognize-han.ts';
import { hanSummary } from '../../baseline/summary.ts';
import { throwIfCancelled } from '../../common/progress.ts';
import { defineHandler } from '../handler.ts';
import { labHan } from './han-context.ts';

export const recognizeHanHandler = defineHandler('recognizeHan', {
  run: async (p, ctx) => {
    const t0 = performance.now();
    const audio = await loadAudio16k(new Uint8Array(p.bytes), p.fileName, { signal: ctx.signal, onProgress: ctx.onProgress });
    const t1 = performance.now();
    ctx.onProgress({ stage: 'loading the Han CNN', done: 0, total: 0, detail: p.folder });
    const { han, calibration, identity } = await labHan(p.folder, p.appBase);
    throwIfCancelled(ctx.signal, 'Han CNN recognition');
    const t2 = performance.now();
    const result = await recognizeHan(audio.samples, han, { hanName: p.folder, calibration, signal: ctx.signal, onProgress: ctx.onProgress });
    const t3 = performance.now();
    return {
      ...result,
      fileName: p.fileName,
      backend: tf.getBackend(),
      timings: { decodeMs: t1 - t0, modelMs: t2 - t1, recognizeMs: t3 - t2, totalMs: t3 - t0 },
      warnings: audio.warnings,
      han: { folder: p.folder, ...hanSummary(han.meta) },
      identity,
    };
  },
});
