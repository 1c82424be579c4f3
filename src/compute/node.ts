// TensorFlow.js setup for Node (CLI, tests, benchmarks): WASM by default, CPU on request.
// tfjs-node cannot be installed here, and WebGPU/WebGL do not exist in Node. The decision and its
// reason come from the shared chooser (choose.ts), the same one the browser worker uses.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { isBackendName, type BackendChoice, type BackendName } from './types.ts';
import { registerMissingKernels } from './kernels.ts';
import { chooseBackend, type BackendFacts } from './choose.ts';

let wasmPathsSet = false;

/** Chooses and initialises a backend in Node. `force` may be 'wasm' or 'cpu'. */
export async function initNodeBackend(force?: string): Promise<BackendChoice> {
  if (force !== undefined && !isBackendName(force)) {
    throw new LabError(`unknown backend "${force}" (choose wasm or cpu in Node)`);
  }
  if (force === 'webgpu' || force === 'webgl') {
    throw new LabError(`backend ${force} is only available in the browser; in Node use wasm or cpu`);
  }
  const facts: BackendFacts = {
    platform: 'node',
    webgpu: { available: false },
    wasm: { available: typeof WebAssembly === 'object', simd: true },
    webgl: { available: false },
  };
  const decision = chooseBackend(facts, force as BackendName | undefined);
  const wanted = decision.name;
  if (wanted === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    setWasmPaths(path.join(dir, 'dist') + path.sep);
    wasmPathsSet = true;
  }
  registerMissingKernels();
  const ok = await tf.setBackend(wanted);
  if (!ok) throw new LabError(`backend ${wanted} failed to initialise`);
  await tf.ready();
  return {
    name: wanted,
    reason: decision.reason,
    facts: wanted === 'wasm' ? { simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT') } : {},
  };
}
