// Pointwise activations of the U-Net: SiLU and the exact (erf) GELU, as plain differentiable tf ops.
import * as tf from '@tensorflow/tfjs';

/** SiLU(x) = x * sigmoid(x). */
export function silu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.sigmoid(x)));
}

/** The exact GELU, 0.5 * x * (1 + erf(x / sqrt 2)) (PyTorch's default, not the tanh form). */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1)));
}
