// Conv2DBackpropFilter for the WASM backend (which has none): the gradient of a 2-D convolution
// with respect to its filter, computed as ONE forward convolution on XNNPACK (the transposition
// trick): with x padded and transposed to [C_in, H, W, N] and dy used as a filter
// [H_out, W_out, N, C_out] dilated by the stride, conv2d gives [C_in, kh, kw, C_out] = dW^T.
import * as tf from '@tensorflow/tfjs';
import { asTensor, toChannelsLast } from './tensorHelpers.ts';

interface Attrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/** dW[kh, kw, ci, co] = sum over n, i, j of xPadded[n, i*s + kh, j*s + kw, ci] * dy[n, i, j, co]. */
export function conv2dFilterGradient(xIn: tf.Tensor4D, dyIn: tf.Tensor4D, attrs: Attrs): tf.Tensor4D {
  return tf.tidy(() => {
    const x = toChannelsLast(xIn, attrs.dataFormat);
    const dy = toChannelsLast(dyIn, attrs.dataFormat);
    const info = tf.backend_util.computeConv2DInfo(
      x.shape, attrs.filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast',
    );
    const { top, bottom, left, right } = info.padInfo;
    const [kh, kw] = [info.filterHeight, info.filterWidth];
    const [sh, sw] = [info.strideHeight, info.strideWidth];
    // Only the input rows/columns that some output position reads are needed.
    const usedH = (info.outHeight - 1) * sh + kh;
    const usedW = (info.outWidth - 1) * sw + kw;
    let xp = tf.pad(x, [[0, 0], [top, Math.max(bottom, 0)], [left, Math.max(right, 0)], [0, 0]]);
    xp = tf.slice(xp, [0, 0, 0, 0], [-1, usedH, usedW, -1]);
    const xT = tf.transpose(xp, [3, 1, 2, 0]); // [C_in, H, W, N]
    const dyAsFilter = tf.transpose(dy, [1, 2, 0, 3]); // [H_out, W_out, N, C_out]
    const r = tf.conv2d(xT, dyAsFilter, 1, 'valid', 'NHWC', [sh, sw]); // [C_in, kh, kw, C_out]
    return tf.transpose(r, [1, 2, 0, 3]);
  });
}

export const conv2dBackpropFilterWasm: tf.KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs }) => {
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    return conv2dFilterGradient(asTensor<tf.Tensor4D>(x), asTensor<tf.Tensor4D>(dy), attrs as unknown as Attrs);
  },
};
