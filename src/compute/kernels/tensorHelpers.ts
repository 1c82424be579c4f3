// Small helpers for kernels written in this folder: turning a kernel's TensorInfo inputs into
// Tensors (so a kernel can be composed from other, fast, backend kernels through tf ops) and
// reading/writing plain values for the few kernels that are JS loops.
import * as tf from '@tensorflow/tfjs';

/** A kernel input as a Tensor (inputs usually already are; a bare TensorInfo is wrapped). */
export function asTensor<T extends tf.Tensor = tf.Tensor>(info: tf.TensorInfo): T {
  if (info instanceof tf.Tensor) return info as T;
  return tf.engine().makeTensorFromTensorInfo(info) as T;
}

/** Float32 values of a kernel input, read synchronously from its backend. */
export function readValues(backend: unknown, info: tf.TensorInfo): Float32Array {
  const v = (backend as tf.KernelBackend).readSync(info.dataId);
  return v instanceof Float32Array ? v : Float32Array.from(v as ArrayLike<number>);
}

/** Pads (positive) or crops (negative) the two spatial axes of an NHWC tensor. */
export function padOrCrop4D(
  x: tf.Tensor4D,
  top: number,
  bottom: number,
  left: number,
  right: number,
): tf.Tensor4D {
  let y = x;
  if (top > 0 || bottom > 0 || left > 0 || right > 0) {
    y = tf.pad(y, [[0, 0], [Math.max(top, 0), Math.max(bottom, 0)], [Math.max(left, 0), Math.max(right, 0)], [0, 0]]);
  }
  if (top < 0 || bottom < 0 || left < 0 || right < 0) {
    const [, h, w] = y.shape;
    const t = Math.max(-top, 0);
    const l = Math.max(-left, 0);
    y = tf.slice(y, [0, t, l, 0], [-1, h - t - Math.max(-bottom, 0), w - l - Math.max(-right, 0), -1]);
  }
  return y;
}

/** Inserts (stride - 1) zeros between rows and between columns of an NHWC tensor. */
export function insertZeros4D(x: tf.Tensor4D, strideH: number, strideW: number): tf.Tensor4D {
  if (strideH === 1 && strideW === 1) return x;
  const [n, h, w, c] = x.shape;
  const spread = tf.pad(x.reshape([n, h, 1, w, 1, c]), [[0, 0], [0, 0], [0, strideH - 1], [0, 0], [0, strideW - 1], [0, 0]]);
  const flat = spread.reshape([n, h * strideH, w * strideW, c]) as tf.Tensor4D;
  return tf.slice(flat, [0, 0, 0, 0], [-1, (h - 1) * strideH + 1, (w - 1) * strideW + 1, -1]);
}

/** NCHW -> NHWC when the kernel was called channels-first. */
export function toChannelsLast(x: tf.Tensor4D, dataFormat: string): tf.Tensor4D {
  return dataFormat === 'NCHW' ? tf.transpose(x, [0, 2, 3, 1]) : x;
}

/** NHWC -> NCHW when the kernel was called channels-first. */
export function fromChannelsLast(x: tf.Tensor4D, dataFormat: string): tf.Tensor4D {
  return dataFormat === 'NCHW' ? tf.transpose(x, [0, 3, 1, 2]) : x;
}
