// Kernels TensorFlow.js 4.22 backends lack or get wrong, registered once before a backend is
// used (initNodeBackend calls this; the browser worker should too). Each lives in ./kernels/:
// - WASM has no Conv2DBackpropFilter (conv training), UnsortedSegmentSum (gather's gradient),
//   DepthwiseConv2dNative backprops;
// - WASM's MaxPoolGrad is wrong for many shapes; its Conv2DBackpropInput is ~10x slower than a
//   forward conv (replaced by a forward conv on XNNPACK); its Slice/SplitV are ~100x slow for rank > 4
//   and its BatchMatMul 4-10x slow with transposed operands (both wrapped);
// - CPU's ResizeNearestNeighborGrad is wrong for batch > 1;
// - (all backends) the gradients of SquaredDifference, Maximum, Minimum ignore broadcasting.
import * as tf from '@tensorflow/tfjs';
import { BROADCAST_GRADIENTS } from './kernels/broadcastGradients.ts';
import { conv2dBackpropFilterWasm } from './kernels/conv2dBackpropFilter.ts';
import { conv2dBackpropInputWasm } from './kernels/conv2dBackpropInput.ts';
import { depthwiseBackpropFilterWasm, depthwiseBackpropInputWasm } from './kernels/depthwiseBackprop.ts';
import { maxPoolGradWasm } from './kernels/maxPoolGrad.ts';
import { resizeNearestNeighborGradCpu } from './kernels/resizeNearestNeighborGrad.ts';
import { unsortedSegmentSumWasm } from './kernels/unsortedSegmentSum.ts';
import { makeSliceWasm, makeSplitVWasm } from './kernels/sliceWasm.ts';
import { makeBatchMatMulWasm } from './kernels/batchMatMulWasm.ts';

/** The kernels this module adds or replaces, by backend. */
export const LAB_KERNELS: readonly tf.KernelConfig[] = [
  conv2dBackpropFilterWasm,
  conv2dBackpropInputWasm,
  maxPoolGradWasm,
  unsortedSegmentSumWasm,
  depthwiseBackpropInputWasm,
  depthwiseBackpropFilterWasm,
  resizeNearestNeighborGradCpu,
];

/** Kernels that wrap the backend's own (kept for the cases they handle well). */
const WRAPPERS: readonly [string, string, (original: tf.KernelConfig) => tf.KernelConfig][] = [
  ['Slice', 'wasm', makeSliceWasm],
  ['SplitV', 'wasm', makeSplitVWasm],
  ['BatchMatMul', 'wasm', makeBatchMatMulWasm],
];

let registered = false;

export function registerMissingKernels(): void {
  if (registered) return;
  registered = true;
  for (const k of LAB_KERNELS) {
    if (tf.getKernel(k.kernelName, k.backendName) !== undefined) tf.unregisterKernel(k.kernelName, k.backendName);
    tf.registerKernel(k);
  }
  for (const [name, backend, wrap] of WRAPPERS) {
    const original = tf.getKernel(name, backend);
    if (original === undefined) continue;
    tf.unregisterKernel(name, backend);
    tf.registerKernel(wrap(original));
  }
  for (const g of BROADCAST_GRADIENTS) tf.registerGradient(g);
}
