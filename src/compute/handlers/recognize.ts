// `recognize`: decode the file, load the probe and the model it reads (kept warm between
// requests), check the probe folder's calibration.json against its weights (as the CLI does),
// and run the shared recognition pipeline (src/features/recognize.ts).
import * as tf from '@tensorflow/tfjs';
import { loadAudio16k } from '../../audio/load.ts';
import { recognize } from '../../features/recognize.ts';
import { loadProbe } from '../../probes/load.ts';
import { calibrationFor, weightsIdentity } from '../../recognition/identity.ts';
import { defineHandler } from '../handler.ts';
import { labFeatureCache, labModel } from './lab-context.ts';

export const recognizeHandler = defineHandler('recognize', {
  run: async (p, ctx) => {
    const t0 = performance.now();
    const audio = await loadAudio16k(new Uint8Array(p.bytes), p.fileName, { signal: ctx.signal, onProgress: ctx.onProgress });
    const t1 = performance.now();
    const identity = await weightsIdentity('probe', p.probe.weights);
    const calibration = p.probe.calibration ? calibrationFor(p.probe.calibration, identity, p.probe.folder ?? p.probe.name) : null;
    const probe = loadProbe(p.probe.json, p.probe.weights, p.probe.name);
    try {
      const spec = probe.meta.featureSpec;
      ctx.onProgress({ stage: 'loading the model', done: 0, total: 0, detail: spec.model });
      const model = await labModel(spec.model, p.appBase, { signal: ctx.signal, onProgress: ctx.onProgress });
      const t2 = performance.now();
      const result = await recognize(audio.samples, probe, model, {
        cache: labFeatureCache(), signal: ctx.signal, onProgress: ctx.onProgress, probeName: p.probe.name, calibration,
      });
      const t3 = performance.now();
      return {
        ...result,
        fileName: p.fileName,
        backend: tf.getBackend(),
        timings: { decodeMs: t1 - t0, modelMs: t2 - t1, recognizeMs: t3 - t2, totalMs: t3 - t0 },
        warnings: [...audio.warnings, ...labFeatureCache().drainWarnings()],
        probeSpec: { kind: probe.meta.kind, sigma: spec.sigma, tap: spec.tap, model: spec.model },
        identity,
      };
    } finally {
      probe.dispose();
    }
  },
});
