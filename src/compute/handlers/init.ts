// `init`: choose (or force) the TensorFlow.js backend in the worker; returns the BackendChoice.
import { defineHandler } from '../handler.ts';

export const initHandler = defineHandler('init', {
  needsBackend: false,
  retryOnWasm: false,
  run: async (params, ctx) => {
    ctx.onProgress({ stage: 'starting the compute backend', done: 0, total: 1 });
    return ctx.runtime.init(params.force);
  },
});
