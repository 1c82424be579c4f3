// Conversions between the lab's channels-last layout (2D: [B, H, W, C], 1D: [B, T, C]), which the
// U-Net computes in, and PyTorch's channels-first layout ([B, C, H, W] / [B, C, T]) used for I/O.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';

/** Channels-last -> torch layout. */
export function toTorchLayout(t: tf.Tensor): tf.Tensor {
  if (t.rank === 4) return tf.transpose(t, [0, 3, 1, 2]);
  if (t.rank === 3) return tf.transpose(t, [0, 2, 1]);
  throw new LabError(`toTorchLayout: expected a rank 3 or 4 tensor, got shape [${t.shape.join(', ')}]`);
}

/** Torch layout -> channels-last. */
export function fromTorchLayout(t: tf.Tensor): tf.Tensor {
  if (t.rank === 4) return tf.transpose(t, [0, 2, 3, 1]);
  if (t.rank === 3) return tf.transpose(t, [0, 2, 1]);
  throw new LabError(`fromTorchLayout: expected a rank 3 or 4 tensor, got shape [${t.shape.join(', ')}]`);
}

/** The torch-layout shape of a channels-last shape. */
export function torchShapeOf(shape: readonly number[]): number[] {
  if (shape.length === 4) return [shape[0], shape[3], shape[1], shape[2]];
  if (shape.length === 3) return [shape[0], shape[2], shape[1]];
  return [...shape];
}
