// One optimisation step of v-diffusion training: loss and gradients of the U-Net's parameters on
// a batch, then an Adam update. The batch may be split into micro-batches whose gradients are
// summed (weighted by size) before the update: the same step in less memory (the WASM heap holds
// every activation of the backward pass; about 1.5 GB for 4 crops of the student at 128 x 104).
// The single-thread reference (parallel-step.ts splits the batch over threads); shared by the
// trainer and the throughput benchmark.
import * as tf from '@tensorflow/tfjs';
import type { UNet } from '../unet/model.ts';
import { adamUpdate, type AdamOptions, type AdamState } from './adam.ts';
import { batchGradients } from './grads.ts';

export interface StepResult {
  loss: number;
  /** v MSE per batch item. */
  perSample: Float32Array;
  /** Global gradient norm before clipping. */
  gradNorm: number;
}

/** x, noise [B, 128, T, 1] and sigma [B]; the caller disposes them. microBatch 0: the whole batch at once. */
export function trainStep(
  model: UNet, adam: AdamState, o: AdamOptions, x: tf.Tensor, noise: tf.Tensor, sigma: tf.Tensor1D, microBatch = 0,
): StepResult {
  const { grads, loss, perSample } = batchGradients(model, x, noise, sigma, microBatch);
  try {
    const gradNorm = adamUpdate(model.params as Map<string, tf.Variable>, grads, adam, o);
    return { loss, perSample, gradNorm };
  } finally {
    tf.dispose(Object.values(grads));
  }
}
