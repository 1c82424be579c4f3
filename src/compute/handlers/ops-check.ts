// `opsCheck`: run the small op set on the active backend and on CPU, return the max errors.
// Not retried on WASM: a failure on WebGPU is itself the answer the caller wants.
import { checkOpsAgainstCpu } from '../ops-check.ts';
import { defineHandler } from '../handler.ts';

export const opsCheckHandler = defineHandler('opsCheck', {
  retryOnWasm: false,
  run: async (_params, ctx) => {
    ctx.onProgress({ stage: `checking ops on ${ctx.runtime.current()?.name} against CPU`, done: 0, total: 1 });
    return checkOpsAgainstCpu();
  },
});
