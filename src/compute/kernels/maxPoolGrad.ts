// MaxPoolGrad for the WASM backend. TF.js 4.22's WASM MaxPoolGrad returns wrong gradients for
// many shapes (e.g. 2x2/2 'valid' pools with 2 channels, any 'same' pool), so it is replaced by
// this loop: each window's gradient goes to its first maximum, as on the CPU backend.
import * as tf from '@tensorflow/tfjs';
import { readValues } from './tensorHelpers.ts';

interface Attrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** dx for y = maxPool(x): values of x and dy in NHWC order, returns dx's values. */
export function maxPoolGradValues(x: Float32Array, dy: Float32Array, info: tf.backend_util.Conv2DInfo): Float32Array {
  const { batchSize: nB, inHeight: h, inWidth: w, inChannels: c, outHeight: ho, outWidth: wo } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const { effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const { top, left } = info.padInfo;
  const dx = new Float32Array(x.length);
  for (let n = 0; n < nB; n++) {
    for (let i = 0; i < ho; i++) {
      const r0 = i * sh - top;
      for (let j = 0; j < wo; j++) {
        const c0 = j * sw - left;
        const dyBase = ((n * ho + i) * wo + j) * c;
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity;
          let bestIdx = -1;
          for (let a = 0; a < fh; a += dh) {
            const r = r0 + a;
            if (r < 0 || r >= h) continue;
            for (let b = 0; b < fw; b += dw) {
              const col = c0 + b;
              if (col < 0 || col >= w) continue;
              const idx = ((n * h + r) * w + col) * c + ch;
              if (x[idx] > best || bestIdx < 0) {
                best = x[idx];
                bestIdx = idx;
              }
            }
          }
          if (bestIdx >= 0) dx[bestIdx] += dy[dyBase + ch];
        }
      }
    }
  }
  return dx;
}

export const maxPoolGradWasm: tf.KernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    const a = attrs as unknown as Attrs;
    const info = tf.backend_util.computePool2DInfo(
      input.shape as [number, number, number, number], a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode,
    );
    const values = maxPoolGradValues(readValues(backend, input), readValues(backend, dy), info);
    return tf.tensor(values, input.shape, 'float32');
  },
};
