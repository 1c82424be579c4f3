// The time (noise level) embedding: learned Fourier features of sigma through a small GELU MLP
// whose hidden Linear is applied twice with the same weights.
import * as tf from '@tensorflow/tfjs';
import { gelu } from './activations.ts';
import { linear } from './linear.ts';

export interface TimeWeights {
  /** The 128 learned frequencies [128]. */
  freqs: tf.Tensor;
  /** Linear(257 -> M), TF.js layout [257, M]. */
  inW: tf.Tensor;
  inB: tf.Tensor;
  /** Linear(M -> M), applied twice. */
  hiddenW: tf.Tensor;
  hiddenB: tf.Tensor;
}

/** [sigma, sin(2 pi sigma w), cos(2 pi sigma w)] for sigma [B] -> [B, 257]. */
export function fourierFeatures(sigma: tf.Tensor, freqs: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => {
    const s = tf.reshape(sigma, [-1, 1]);
    const angles = tf.mul(tf.mul(s, tf.reshape(freqs, [1, -1])), 2 * Math.PI);
    return tf.concat([s, tf.sin(angles), tf.cos(angles)], 1) as tf.Tensor2D;
  });
}

/** The embedding feats [B, M] used by every modulation and skip merge. */
export function timeEmbedding(sigma: tf.Tensor, w: TimeWeights): tf.Tensor2D {
  return tf.tidy(() => {
    let h = gelu(linear(fourierFeatures(sigma, w.freqs), w.inW, w.inB));
    for (let i = 0; i < 2; i++) h = gelu(linear(h, w.hiddenW, w.hiddenB));
    return h as tf.Tensor2D;
  });
}
