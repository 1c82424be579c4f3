// The v-diffusion objective (../../shared/docs/unet.md): x_noisy = alpha x + beta noise, the net
// predicts v = alpha noise - beta x, loss = MSE. Per-sample losses are returned too, so the
// trainer can log the loss by sigma.
import * as tf from '@tensorflow/tfjs';
import { addNoise, vTarget, x0FromV } from '../unet/diffusion.ts';
import type { UNet } from '../unet/model.ts';

export interface VLoss {
  /** Mean squared error of v over the batch (scalar). */
  loss: tf.Scalar;
  /** Mean squared error of v per batch item [B]. */
  perSample: tf.Tensor1D;
}

/** The v-loss of `model` on clean x [B, ...], noise like x, sigma [B]. */
export function vLoss(model: UNet, x: tf.Tensor, noise: tf.Tensor, sigma: tf.Tensor1D): VLoss {
  return tf.tidy(() => {
    const pred = model.forward(addNoise(x, sigma, noise), sigma).v;
    if (pred === undefined) throw new Error('U-Net forward returned no v');
    const axes = x.shape.slice(1).map((_, i) => i + 1);
    const perSample = tf.mean(tf.squaredDifference(pred, vTarget(x, sigma, noise)), axes) as tf.Tensor1D;
    return { loss: tf.mean(perSample) as tf.Scalar, perSample };
  });
}

export interface DenoiseErrors {
  /** v MSE per batch item. */
  vError: Float32Array;
  /** MSE of the one-step clean estimate x0 = alpha x_t - beta v against x, per batch item. */
  x0Error: Float32Array;
}

/** Evaluation: v and one-step x0 errors per item (no gradients). */
export function denoiseErrors(model: UNet, x: tf.Tensor, noise: tf.Tensor, sigma: tf.Tensor1D): DenoiseErrors {
  const [v, x0] = tf.tidy(() => {
    const xNoisy = addNoise(x, sigma, noise);
    const pred = model.forward(xNoisy, sigma).v!;
    const axes = x.shape.slice(1).map((_, i) => i + 1);
    return [
      tf.mean(tf.squaredDifference(pred, vTarget(x, sigma, noise)), axes),
      tf.mean(tf.squaredDifference(x0FromV(xNoisy, pred, sigma), x), axes),
    ];
  });
  const out = { vError: v.dataSync() as Float32Array, x0Error: x0.dataSync() as Float32Array };
  tf.dispose([v, x0]);
  return out;
}
