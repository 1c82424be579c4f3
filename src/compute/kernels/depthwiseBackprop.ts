// DepthwiseConv2dNativeBackpropInput / ...BackpropFilter for the WASM backend (which has
// neither): plain loops, correct for any stride, dilation and padding; fine for small layers.
import * as tf from '@tensorflow/tfjs';
import { readValues } from './tensorHelpers.ts';

interface Attrs {
  strides: number | [number, number];
  dilations: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

type Visit = (xIdx: number, dyIdx: number, wIdx: number) => void;

/** Calls `visit` for every (input, output, filter) index triple the depthwise conv multiplies. */
function forEachTap(info: tf.backend_util.Conv2DInfo, visit: Visit): void {
  const { batchSize: nB, inHeight: h, inWidth: w, inChannels: c, outHeight: ho, outWidth: wo } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const { filterHeight: fh, filterWidth: fw, outChannels } = info;
  const mult = outChannels / c;
  const { top, left } = info.padInfo;
  for (let n = 0; n < nB; n++) {
    for (let i = 0; i < ho; i++) {
      for (let j = 0; j < wo; j++) {
        const dyBase = ((n * ho + i) * wo + j) * outChannels;
        for (let a = 0; a < fh; a++) {
          const r = i * sh - top + a * dh;
          if (r < 0 || r >= h) continue;
          for (let b = 0; b < fw; b++) {
            const col = j * sw - left + b * dw;
            if (col < 0 || col >= w) continue;
            const xBase = ((n * h + r) * w + col) * c;
            const wBase = (a * fw + b) * outChannels;
            for (let ch = 0; ch < c; ch++) {
              for (let m = 0; m < mult; m++) visit(xBase + ch, dyBase + ch * mult + m, wBase + ch * mult + m);
            }
          }
        }
      }
    }
  }
}

function convInfo(inShape: number[], filterShape: number[], a: Attrs): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number], filterShape as [number, number, number, number],
    a.strides, a.dilations, a.pad, a.dimRoundingMode, true,
  );
}

export const depthwiseBackpropInputWasm: tf.KernelConfig = {
  kernelName: 'DepthwiseConv2dNativeBackpropInput',
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const a = attrs as unknown as Attrs & { inputShape: number[] };
    const dyv = readValues(backend, dy);
    const wv = readValues(backend, filter);
    const dx = new Float32Array(a.inputShape.reduce((p, q) => p * q, 1));
    forEachTap(convInfo(a.inputShape, filter.shape, a), (xi, yi, wi) => { dx[xi] += dyv[yi] * wv[wi]; });
    return tf.tensor(dx, a.inputShape, 'float32');
  },
};

export const depthwiseBackpropFilterWasm: tf.KernelConfig = {
  kernelName: 'DepthwiseConv2dNativeBackpropFilter',
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const a = attrs as unknown as Attrs & { filterShape: number[] };
    const xv = readValues(backend, x);
    const dyv = readValues(backend, dy);
    const dw = new Float32Array(a.filterShape.reduce((p, q) => p * q, 1));
    forEachTap(convInfo(x.shape, a.filterShape, a), (xi, yi, wi) => { dw[wi] += xv[xi] * dyv[yi]; });
    return tf.tensor(dw, a.filterShape, 'float32');
  },
};
