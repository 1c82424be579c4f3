// The gradient half of a training step: the v-loss gradients of the U-Net's parameters over the
// micro-batches of (a part of) a batch, each weighted by its share of the whole batch (n / total)
// and summed in order. The single-thread step (step.ts) runs it on the whole batch; each thread
// of the parallel step (parallel-step.ts, grad-worker-node.ts) on its contiguous part.
import * as tf from '@tensorflow/tfjs';
import type { UNet } from '../unet/model.ts';
import { vLoss } from './objective.ts';

export interface BatchGradients {
  /** By variable name (the parameter's key): sum over micro-batches of (n / total) * gradient of their mean loss. The caller disposes them. */
  grads: Record<string, tf.Tensor>;
  /** Sum over micro-batches of (n / total) * their mean loss. */
  loss: number;
  /** v MSE per item of this part. */
  perSample: Float32Array;
}

/**
 * x, noise [n, 128, T, 1] and sigma [n] (the caller disposes them); microBatch 0: the part at once.
 * `total` is the size of the whole batch the part belongs to (default: the part is the batch).
 */
export function batchGradients(model: UNet, x: tf.Tensor, noise: tf.Tensor, sigma: tf.Tensor1D, microBatch = 0, total = x.shape[0]): BatchGradients {
  const params = [...(model.params as Map<string, tf.Variable>).values()];
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
      }, params);
      const weight = n / total;
      loss += value.dataSync()[0] * weight;
      perSample.set(perT!.dataSync() as Float32Array, start);
      const next: Record<string, tf.Tensor> = {};
      for (const [k, g] of Object.entries(grads)) {
        next[k] = tf.tidy(() => (summed[k] ? tf.add(summed[k], tf.mul(g, weight)) : weight === 1 ? tf.clone(g) : tf.mul(g, weight)));
      }
      tf.dispose([value, perT!, ...Object.values(grads), ...Object.values(summed)]);
      summed = next;
    }
    const out = summed;
    summed = {};
    return { grads: out, loss, perSample };
  } finally {
    tf.dispose(Object.values(summed));
  }
}
