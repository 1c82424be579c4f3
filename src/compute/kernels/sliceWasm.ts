// Slice and SplitV for the WASM backend. TF.js 4.22's WASM Slice copies rank > 4 tensors element
// by element through index arithmetic (about 1 s for a 1.7M-value 5-D slice; the gradient of the
// U-Net's sub-pixel up conv is such a SplitV); these copy contiguous runs for any rank.
import * as tf from '@tensorflow/tfjs';

interface WasmLikeBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.TypedArray;
}

/** Copies the box [begin, begin + size) of `src` (shape `shape`, row-major) into `dst`. */
export function copyBox(src: tf.TypedArray, shape: number[], begin: number[], size: number[], dst: tf.TypedArray): void {
  const rank = shape.length;
  if (rank === 0) {
    dst[0] = src[0];
    return;
  }
  // Innermost axis k such that every axis after it is taken whole: runs are contiguous from k on.
  let k = rank - 1;
  while (k > 0 && size[k] === shape[k] && begin[k] === 0) k--;
  let inner = 1;
  for (let d = k + 1; d < rank; d++) inner *= shape[d];
  const run = size[k] * inner;
  const strides = new Array<number>(rank).fill(1);
  for (let d = rank - 2; d >= 0; d--) strides[d] = strides[d + 1] * shape[d + 1];
  const idx = begin.slice(0, k);
  let out = 0;
  const total = size.reduce((a, b) => a * b, 1);
  while (out < total) {
    let off = begin[k] * strides[k];
    for (let d = 0; d < k; d++) off += idx[d] * strides[d];
    dst.set(src.subarray(off, off + run), out);
    out += run;
    for (let d = k - 1; d >= 0; d--) {
      if (++idx[d] < begin[d] + size[d]) break;
      idx[d] = begin[d];
    }
  }
}

/** Wraps the backend's own Slice (kept for strings) with a run-copying path for numbers. */
export function makeSliceWasm(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: 'Slice',
    backendName: 'wasm',
    setupFunc: original.setupFunc,
    kernelFunc: (args) => {
      const { inputs, attrs } = args;
      const x = (inputs as { x: tf.TensorInfo }).x;
      if (x.dtype === 'string') return original.kernelFunc(args);
      const { begin, size } = attrs as unknown as { begin: number | number[]; size: number | number[] };
      const [b, s] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
      const backend = args.backend as unknown as WasmLikeBackend;
      const out = backend.makeOutput(s, x.dtype);
      if (s.every((v) => v > 0)) copyBox(backend.typedArrayFromHeap(x), x.shape, b, s, backend.typedArrayFromHeap(out));
      return out;
    },
  };
}

/** SplitV as run-copying slices (the backend's own SplitV calls its slow Slice directly). */
export function makeSplitVWasm(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: 'SplitV',
    backendName: 'wasm',
    setupFunc: original.setupFunc,
    kernelFunc: (args) => {
      const x = (args.inputs as { x: tf.TensorInfo }).x;
      if (x.dtype === 'string') return original.kernelFunc(args);
      const { numOrSizeSplits, axis } = args.attrs as unknown as { numOrSizeSplits: number | number[]; axis: number };
      const ax = tf.util.parseAxisParam(axis, x.shape)[0];
      const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, ax);
      const backend = args.backend as unknown as WasmLikeBackend;
      const begin = new Array<number>(x.shape.length).fill(0);
      return sizes.map((piece) => {
        const size = [...x.shape];
        size[ax] = piece;
        const out = backend.makeOutput(size, x.dtype);
        if (size.every((v) => v > 0)) copyBox(backend.typedArrayFromHeap(x), x.shape, [...begin], size, backend.typedArrayFromHeap(out));
        begin[ax] += piece;
        return out;
      });
    },
  };
}
