// `recognizeHan`: decode the file, load the Han CNN folder from the app's models/ (kept warm
// between requests) and run recognizeHan, the pipeline of `npx diffpir recognize --han`.
import * as tf from '@tensorflow/tfjs';
import { loadAudio16k } from '../../audio/load.ts';
import type { HanModel } from '../../baseline/han.ts';
import { loadHanUrl } from '../../baseline/load-url.ts';
import { recognizeHan } from '../../baseline/recognize-han.ts';
import { hanSummary } from '../../baseline/summary.ts';
import { throwIfCancelled } from '../../common/progress.ts';
import { defineHandler } from '../handler.ts';

const loaded = new Map<string, Promise<HanModel>>();
const KEEP = 2;

/** The Han CNN of `<appBase>models/<folder>/`, loaded once (the oldest of more than KEEP is disposed). */
function hanModel(folder: string, appBase: string): Promise<HanModel> {
  const key = `${appBase}|${folder}`;
  let m = loaded.get(key);
  if (!m) {
    m = loadHanUrl(folder, appBase, (url) => fetch(url));
    m.catch(() => loaded.delete(key));
    loaded.set(key, m);
    while (loaded.size > KEEP) {
      const oldest = loaded.keys().next().value!;
      void loaded.get(oldest)!.then((h) => h.dispose(), () => undefined);
      loaded.delete(oldest);
    }
  }
  return m;
}

export const recognizeHanHandler = defineHandler('recognizeHan', {
  run: async (p, ctx) => {
    const t0 = performance.now();
    const audio = await loadAudio16k(new Uint8Array(p.bytes), p.fileName, { signal: ctx.signal, onProgress: ctx.onProgress });
    const t1 = performance.now();
    ctx.onProgress({ stage: 'loading the Han CNN', done: 0, total: 0, detail: p.folder });
    const han = await hanModel(p.folder, p.appBase);
    throwIfCancelled(ctx.signal, 'Han CNN recognition');
    const t2 = performance.now();
    const result = await recognizeHan(audio.samples, han, { hanName: p.folder, signal: ctx.signal, onProgress: ctx.onProgress });
    const t3 = performance.now();
    return {
      ...result,
      fileName: p.fileName,
      backend: tf.getBackend(),
      timings: { decodeMs: t1 - t0, modelMs: t2 - t1, recognizeMs: t3 - t2, totalMs: t3 - t0 },
      warnings: audio.warnings,
      han: { folder: p.folder, ...hanSummary(han.meta) },
    };
  },
});
