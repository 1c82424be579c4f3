// UnsortedSegmentSum for the WASM backend (which has none); it is the gradient of tf.gather,
// e.g. of an embedding lookup. A loop over the rows of x.
import * as tf from '@tensorflow/tfjs';
import { readValues } from './tensorHelpers.ts';

export const unsortedSegmentSumWasm: tf.KernelConfig = {
  kernelName: 'UnsortedSegmentSum',
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments } = attrs as unknown as { numSegments: number };
    const xv = readValues(backend, x);
    const ids = readValues(backend, segmentIds);
    const rowSize = ids.length === 0 ? 0 : xv.length / ids.length;
    const out = new Float32Array(numSegments * rowSize);
    for (let r = 0; r < ids.length; r++) {
      const s = ids[r];
      if (s < 0 || s >= numSegments) continue;
      const src = r * rowSize;
      const dst = s * rowSize;
      for (let k = 0; k < rowSize; k++) out[dst + k] += xv[src + k];
    }
    const shape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
    return tf.tensor(out, shape, x.dtype === 'int32' ? 'int32' : 'float32');
  },
};
