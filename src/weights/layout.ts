// Torch <-> TF.js weight layouts (the rule stated in types.ts lives here and only here):
// Conv2d [O,I,kh,kw] <-> [kh,kw,I,O]; Conv1d [O,I,k] <-> [k,I,O]; Linear [out,in] <-> [in,out];
// the null embedding table and every 1-D tensor stay as they are. The kind is decided by the
// canonical key and the rank.
import type { WeightTensor } from './types.ts';

export const NULL_EMBEDDING_KEY = 'blocks.2.blocks.0.blocks.0.weight';

export type LayoutKind = 'conv2d' | 'conv1d' | 'linear' | 'as-is';

/** How a tensor's layout changes between torch and TF.js (the same answer for either side's rank). */
export function layoutKind(key: string, rank: number): LayoutKind {
  if (rank === 4) return 'conv2d';
  if (rank === 3) return 'conv1d';
  if (rank === 2 && key !== NULL_EMBEDDING_KEY) return 'linear';
  return 'as-is';
}

const TO_TFJS: Record<LayoutKind, number[] | null> = {
  conv2d: [2, 3, 1, 0],
  conv1d: [2, 1, 0],
  linear: [1, 0],
  'as-is': null,
};
const TO_TORCH: Record<LayoutKind, number[] | null> = {
  conv2d: [3, 2, 0, 1],
  conv1d: [2, 1, 0],
  linear: [1, 0],
  'as-is': null,
};

/** out.shape[i] = shape[perm[i]]. */
function permuteShape(shape: readonly number[], perm: readonly number[] | null): number[] {
  return perm ? perm.map((p) => shape[p]) : [...shape];
}

/** The TF.js shape of a tensor whose torch shape is `torchShape`. */
export function tfjsShape(key: string, torchShape: readonly number[]): number[] {
  return permuteShape(torchShape, TO_TFJS[layoutKind(key, torchShape.length)]);
}

/** The torch shape of a tensor whose TF.js shape is `shape`. */
export function torchShape(key: string, shape: readonly number[]): number[] {
  return permuteShape(shape, TO_TORCH[layoutKind(key, shape.length)]);
}

/** Row-major transpose: out[i0..] = data[index where axis perm[k] takes value i_k]. */
export function permute(data: Float32Array, shape: readonly number[], perm: readonly number[]): Float32Array {
  const rank = shape.length;
  const out = new Float32Array(data.length);
  if (data.length === 0) return out;
  const inStrides = new Array<number>(rank);
  for (let i = rank - 1, s = 1; i >= 0; s *= shape[i], i--) inStrides[i] = s;
  const outShape = perm.map((p) => shape[p]);
  const strides = perm.map((p) => inStrides[p]); // input stride of each output axis
  const last = rank - 1;
  const innerN = outShape[last];
  const innerStride = strides[last];
  const idx = new Array<number>(rank).fill(0);
  let base = 0;
  for (let o = 0; o < out.length; o += innerN) {
    for (let j = 0, src = base; j < innerN; j++, src += innerStride) out[o + j] = data[src];
    for (let ax = last - 1; ax >= 0; ax--) {
      idx[ax]++;
      base += strides[ax];
      if (idx[ax] < outShape[ax]) break;
      base -= strides[ax] * outShape[ax];
      idx[ax] = 0;
    }
  }
  return out;
}

/** A torch-layout tensor in TF.js layout (the data is shared when nothing moves). */
export function toTfjsLayout(key: string, torch: WeightTensor): WeightTensor {
  const perm = TO_TFJS[layoutKind(key, torch.shape.length)];
  if (!perm) return { shape: [...torch.shape], data: torch.data };
  return { shape: permuteShape(torch.shape, perm), data: permute(torch.data, torch.shape, perm) };
}

/** A TF.js-layout tensor back in torch layout (for exporting a checkpoint). */
export function toTorchLayout(key: string, tfjs: WeightTensor): WeightTensor {
  const perm = TO_TORCH[layoutKind(key, tfjs.shape.length)];
  if (!perm) return { shape: [...tfjs.shape], data: tfjs.data };
  return { shape: permuteShape(tfjs.shape, perm), data: permute(tfjs.data, tfjs.shape, perm) };
}
