// ResizeNearestNeighborGrad as a scatter-add over dy using the forward op's own index rule.
// Registered for the CPU backend, whose TF.js 4.22 kernel reads dy at the wrong batch offset
// (wrong gradients for batch > 1); the WASM kernel is correct and stays.
import * as tf from '@tensorflow/tfjs';
import { readValues } from './tensorHelpers.ts';

interface Attrs {
  alignCorners: boolean;
  halfPixelCenters: boolean;
}

/** The source index the forward nearest-neighbour resize reads for output index `o`. */
function sourceIndex(o: number, inSize: number, outSize: number, a: Attrs): number {
  const effIn = a.alignCorners && outSize > 1 ? inSize - 1 : inSize;
  const effOut = a.alignCorners && outSize > 1 ? outSize - 1 : outSize;
  const ratio = effIn / effOut;
  const frac = a.halfPixelCenters ? ratio * (o + 0.5) : ratio * o;
  let s = Math.min(inSize - 1, a.alignCorners ? Math.round(frac) : Math.floor(frac));
  if (a.halfPixelCenters) s = Math.max(0, s);
  return s;
}

/** dx values for images of shape [N, H, W, C] and dy of shape [N, H2, W2, C]. */
export function resizeNearestGradValues(dy: Float32Array, imagesShape: number[], dyShape: number[], a: Attrs): Float32Array {
  const [n, h, w, c] = imagesShape;
  const [, h2, w2] = dyShape;
  const rows = Array.from({ length: h2 }, (_, i) => sourceIndex(i, h, h2, a));
  const cols = Array.from({ length: w2 }, (_, j) => sourceIndex(j, w, w2, a));
  const dx = new Float32Array(n * h * w * c);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < h2; i++) {
      const rowBase = (b * h + rows[i]) * w;
      for (let j = 0; j < w2; j++) {
        const src = ((b * h2 + i) * w2 + j) * c;
        const dst = (rowBase + cols[j]) * c;
        for (let ch = 0; ch < c; ch++) dx[dst + ch] += dy[src + ch];
      }
    }
  }
  return dx;
}

export const resizeNearestNeighborGradCpu: tf.KernelConfig = {
  kernelName: 'ResizeNearestNeighborGrad',
  backendName: 'cpu',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { images, dy } = inputs as { images: tf.TensorInfo; dy: tf.TensorInfo };
    const values = resizeNearestGradValues(readValues(backend, dy), images.shape, dy.shape, attrs as unknown as Attrs);
    return tf.tensor(values, images.shape, 'float32');
  },
};
