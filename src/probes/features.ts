// The probes' input: one feature array per example (a clip or a window of one), in the U-Net's
// torch layout: pooled [C], 1D maps [C, T] or 2D maps [C, H, W] (H = mel, W = time), stored
// row-major back to back. Batches become channels-last tensors: [B, C] or [B, H, W, C]
// (1D maps as H = 1, W = T).
import * as tf from '@tensorflow/tfjs';
import { LabError, check } from '../common/errors.ts';
import { size } from './params.ts';

export interface FeatureSet {
  /** Per-example shape: [C], [C, T] or [C, H, W]. */
  shape: number[];
  /** count × prod(shape) float32 values, examples back to back. */
  data: Float32Array;
  count: number;
}

export interface LabelledFeatures extends FeatureSet {
  /** count × classes multi-hot labels (0/1), row-major. */
  labels: Uint8Array;
  /** Optional clip id per example; windows of one clip share it (for clip-level scoring). */
  clipIds?: string[];
}

/** [C, H, W] view of any accepted shape: pooled -> [C, 1, 1], 1D -> [C, 1, T]. */
export function mapDims(shape: readonly number[]): { c: number; h: number; w: number } {
  checkShape(shape);
  if (shape.length === 1) return { c: shape[0], h: 1, w: 1 };
  if (shape.length === 2) return { c: shape[0], h: 1, w: shape[1] };
  return { c: shape[0], h: shape[1], w: shape[2] };
}

export function checkShape(shape: readonly number[], what = 'features'): void {
  check(shape.length >= 1 && shape.length <= 3,
    () => `${what}: shape [${shape}] must be [C], [C, T] or [C, H, W]`);
  check(shape.every((d) => Number.isInteger(d) && d > 0), () => `${what}: shape [${shape}] has a non-positive size`);
}

export function checkFeatureSet(f: FeatureSet, what: string, classes?: number): void {
  checkShape(f.shape, what);
  const per = size(f.shape);
  check(f.count > 0, `${what}: no examples`);
  if (f.data.length !== f.count * per) {
    throw new LabError(`${what}: ${f.data.length} values for ${f.count} examples of shape [${f.shape}]`);
  }
  const l = (f as Partial<LabelledFeatures>).labels;
  if (classes !== undefined && l !== undefined) {
    check(l.length === f.count * classes, () => `${what}: ${l.length} labels for ${f.count} examples × ${classes} classes`);
  }
  const ids = (f as Partial<LabelledFeatures>).clipIds;
  if (ids !== undefined) check(ids.length === f.count, () => `${what}: ${ids.length} clip ids for ${f.count} examples`);
}

/** Channels-last batch tensor of the examples at `indices`. */
export function batchTensor(f: FeatureSet, indices: ArrayLike<number>): tf.Tensor {
  const per = size(f.shape);
  const buf = new Float32Array(indices.length * per);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i];
    buf.set(f.data.subarray(j * per, (j + 1) * per), i * per);
  }
  if (f.shape.length === 1) return tf.tensor2d(buf, [indices.length, f.shape[0]]);
  const { c, h, w } = mapDims(f.shape);
  return tf.tidy(() => tf.tensor4d(buf, [indices.length, c, h, w]).transpose([0, 2, 3, 1]));
}

/** Per-channel mean and standard deviation over all examples and positions (for normalising). */
export function channelStats(f: FeatureSet): { mean: Float32Array; std: Float32Array } {
  const { c, h, w } = mapDims(f.shape);
  const hw = h * w;
  const sum = new Float64Array(c);
  const sq = new Float64Array(c);
  for (let n = 0; n < f.count; n++) {
    const base = n * c * hw;
    for (let ch = 0; ch < c; ch++) {
      let s = 0;
      let q = 0;
      const off = base + ch * hw;
      for (let i = 0; i < hw; i++) {
        const v = f.data[off + i];
        s += v;
        q += v * v;
      }
      sum[ch] += s;
      sq[ch] += q;
    }
  }
  const total = f.count * hw;
  const mean = new Float32Array(c);
  const std = new Float32Array(c);
  for (let ch = 0; ch < c; ch++) {
    mean[ch] = sum[ch] / total;
    std[ch] = Math.sqrt(Math.max(sq[ch] / total - mean[ch] * mean[ch], 0)) + 1e-5;
  }
  return { mean, std };
}
