// TensorFlow.js setup for Node (CLI, tests, benchmarks): WASM by default, CPU on request.
// tfjs-node cannot be installed here, and WebGPU/WebGL do not exist in Node.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { isBackendName, type BackendChoice, type BackendName } from './types.ts';
import { registerMissingKernels } from './kernels.ts';

let wasmPathsSet = false;

/** Chooses and initialises a backend in Node. `force` may be 'wasm' or 'cpu'. */
export async function initNodeBackend(force?: string): Promise<BackendChoice> {
  if (force !== undefined && !isBackendName(force)) {
    throw new LabError(`unknown backend "${force}" (choose wasm or cpu in Node)`);
  }
  const wanted: BackendName = (force as BackendName | undefined) ?? 'wasm';
  if (wanted === 'webgpu' || wanted === 'webgl') {
    throw new LabError(`backend ${wanted} is only available in the browser; in Node use wasm or cpu`);
  }
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
  const reason =
    force !== undefined
      ? `${wanted} was requested`
      : 'Node has no GPU backend here; WASM (SIMD) is the fastest available';
  return {
    name: wanted,
    reason,
    facts: wanted === 'wasm' ? { simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT') } : {},
  };
}
