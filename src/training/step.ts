// One optimisation step of v-diffusion training: loss and gradients of the U-Net's parameters on
// a batch, then an Adam update. Shared by the trainer and the throughput benchmark.
import * as tf from '@tensorflow/tfjs';
import type { UNet } from '../unet/model.ts';
import { adamUpdate, type AdamOptions, type AdamState } from './adam.ts';
import { vLoss } from './objective.ts';

export interface StepResult {
  loss: number;
  /** v MSE per batch item. */
  perSample: Float32Array;
  /** Global gradient norm before clipping. */
  gradNorm: number;
}

/** x, noise [B, 128, T, 1] and sigma [B]; the caller disposes them. */
export function trainStep(model: UNet, adam: AdamState, o: AdamOptions, x: tf.Tensor, noise: tf.Tensor, sigma: tf.Tensor1D): StepResult {
  const params = model.params as Map<string, tf.Variable>;
  let perSampleT: tf.Tensor | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const r = vLoss(model, x, noise, sigma);
    perSampleT = tf.keep(r.perSample);
    return r.loss;
  }, [...params.values()]);
  try {
    const gradNorm = adamUpdate(params, grads, adam, o);
    return { loss: value.dataSync()[0], perSample: perSampleT!.dataSync() as Float32Array, gradNorm };
  } finally {
    tf.dispose([value, perSampleT!, ...Object.values(grads)]);
  }
}
