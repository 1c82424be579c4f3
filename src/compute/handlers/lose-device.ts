// `loseDevice` (diagnostics, tests): destroy the WebGPU device; the runtime's device-loss
// watcher then switches to WASM and posts a notice, exactly as for a real loss.
import { defineHandler } from '../handler.ts';

export const loseDeviceHandler = defineHandler('loseDevice', {
  retryOnWasm: false,
  run: async (_params, ctx) => ({ destroyed: await ctx.runtime.loseDevice() }),
});
