// One optimisation step of v-diffusion training: loss and gradients of the U-Net's parameters on
// a batch, then an Adam update. The batch may be split into micro-batches whose gradients are
// summed (weighted by size) before the update: the same step in less memory (the WASM heap holds
// every activation of the backward pass; about 1.5 GB for 4 crops of the student at 128 x 104).
// Shared by the trainer and the throughput benchmark.
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

/** x, noise [B, 128, T, 1] and sigma [B]; the caller disposes them. microBatch 0: the whole batch at once. */
export function trainStep(
  model: UNet, adam: AdamState, o: AdamOptions, x: tf.Tensor, noise: tf.Tensor, sigma: tf.Tensor1D, microBatch = 0,
): StepResult {
  const params = model.params as Map<string, tf.Variable>;
  const B = x.shape[0];
  const mb = microBatch > 0 ? Math.min(microBatch, B) : B;
  const perSample = new Float32Array(B);
  let summed: Record<string, tf.Tensor> = {};
  let loss = 0;
  try {
    for (let start = 0; start < B; start += mb) {
      const n = Math.min(mb, B - start);
      let perT: tf.Tensor | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const part = (t: tf.Tensor) => (n === B ? t : tf.slice(t, start, n));
        const r = vLoss(model, part(x), part(noise), part(sigma) as tf.Tensor1D);
        perT = tf.keep(r.perSample);
        return r.loss;
      }, [...params.values()]);
      const weight = n / B;
      loss += value.dataSync()[0] * weight;
      perSample.set(perT!.dataSync() as Float32Array, start);
      const next: Record<string, tf.Tensor> = {};
      for (const [k, g] of Object.entries(grads)) {
        next[k] = tf.tidy(() => (summed[k] ? tf.add(summed[k], tf.mul(g, weight)) : weight === 1 ? tf.clone(g) : tf.mul(g, weight)));
      }
      tf.dispose([value, perT!, ...Object.values(grads), ...Object.values(summed)]);
      summed = next;
    }
    const gradNorm = adamUpdate(params, summed, adam, o);
    return { loss, perSample, gradNorm };
  } finally {
    tf.dispose(Object.values(summed));
  }
}
