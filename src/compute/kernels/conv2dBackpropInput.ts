// Conv2DBackpropInput for the WASM backend. TF.js's WASM kernel is a plain C++ loop about ten
// times slower than the forward convolution; this one is a forward convolution on XNNPACK:
// dy with (stride - 1) zeros inserted, padded by (k - 1 - pad), convolved with the filter
// rotated by 180 degrees (block copies in JS: WASM's Reverse is slow) and with its in/out channels swapped.
import * as tf from '@tensorflow/tfjs';
import { asTensor, fromChannelsLast, insertZeros4D, padOrCrop4D, toChannelsLast } from './tensorHelpers.ts';

interface Attrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/** dx[n, y, x, ci] = sum over (a, b, co) with y = i*s + a - top, x = j*s + b - left of dy[n, i, j, co] * W[a, b, ci, co]. */
export function conv2dInputGradient(dyIn: tf.Tensor4D, filter: tf.Tensor4D, attrs: Attrs): tf.Tensor4D {
  return tf.tidy(() => {
    const dy = toChannelsLast(dyIn, attrs.dataFormat);
    const shapeNHWC: [number, number, number, number] =
      attrs.dataFormat === 'NCHW'
        ? [attrs.inputShape[0], attrs.inputShape[2], attrs.inputShape[3], attrs.inputShape[1]]
        : attrs.inputShape;
    const info = tf.backend_util.computeConv2DInfo(
      shapeNHWC, filter.shape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast',
    );
    const [kh, kw] = [info.filterHeight, info.filterWidth];
    const { top, left } = info.padInfo;
    const spread = insertZeros4D(dy, info.strideHeight, info.strideWidth);
    const [, hz, wz] = spread.shape;
    const padTop = kh - 1 - top;
    const padLeft = kw - 1 - left;
    const padBottom = info.inHeight + kh - 1 - hz - padTop;
    const padRight = info.inWidth + kw - 1 - wz - padLeft;
    const padded = padOrCrop4D(spread, padTop, padBottom, padLeft, padRight);
    const rotated = tf.transpose(rotate180(filter), [0, 1, 3, 2]); // [kh, kw, C_out, C_in]
    const dx = tf.conv2d(padded, rotated as tf.Tensor4D, 1, 'valid');
    return fromChannelsLast(dx, attrs.dataFormat);
  });
}

/**
 * The filter [kh, kw, I, O] rotated by 180 degrees in its spatial axes: kh * kw block copies (WASM's
 * Reverse kernel takes ~20 ms for a 3 x 3 x 128 x 128 filter, these copies well under 1 ms).
 */
function rotate180(filter: tf.Tensor4D): tf.Tensor4D {
  const [kh, kw] = filter.shape;
  const src = filter.dataSync() as Float32Array;
  const out = new Float32Array(src.length);
  const k = kh * kw;
  const plane = src.length / k;
  for (let i = 0; i < k; i++) out.set(src.subarray((k - 1 - i) * plane, (k - i) * plane), i * plane);
  return tf.tensor4d(out, filter.shape);
}

export const conv2dBackpropInputWasm: tf.KernelConfig = {
  kernelName: 'Conv2DBackpropInput',
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs }) => {
    const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    return conv2dInputGradient(asTensor<tf.Tensor4D>(dy), asTensor<tf.Tensor4D>(filter), attrs as unknown as Attrs);
  },
};
