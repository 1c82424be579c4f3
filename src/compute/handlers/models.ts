// `modelImport`: a user's model folder or .safetensors + config.json into IndexedDB (converted in
// the worker, with progress). `sampleMel`: a new log-mel drawn with a few DDIM steps from noise.
import { MEL_CONFIG } from '../../audio/config.ts';
import { browserOpeners } from '../../explore/browser-io.ts';
import { openModel, unetOf } from '../../explore/open-model.ts';
import { sampleMel } from '../../explore/sample.ts';
import { denormalise } from '../../explore/tensors.ts';
import { importModelFiles } from '../../store/import-model.ts';
import { browserModelStore } from '../../store/model-store.ts';
import { defineHandler } from '../handler.ts';

export const modelImportHandler = defineHandler('modelImport', {
  needsBackend: false,
  retryOnWasm: false,
  concurrent: true,
  run: (p, ctx) => importModelFiles(p.files, browserModelStore(), { signal: ctx.signal, onProgress: ctx.onProgress, float16: p.float16 }),
});

export const sampleMelHandler = defineHandler('sampleMel', {
  run: async (p, ctx) => {
    const t0 = performance.now();
    const model = await openModel(p.model, browserOpeners, { signal: ctx.signal });
    const frames = p.frames ?? 152;
    const nMels = MEL_CONFIG.nMels;
    const x = await sampleMel(unetOf(model), { steps: p.steps, seed: p.seed, nMels, frames }, { signal: ctx.signal, onProgress: ctx.onProgress });
    const mel = denormalise(x, nMels, model.melNorm.mean, model.melNorm.std);
    ctx.transfer(mel.buffer);
    return { modelId: model.id, mel, nMels, frames, seconds: (performance.now() - t0) / 1000 };
  },
});
