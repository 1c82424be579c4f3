// Multi-head scaled dot-product attention with the a-unet conventions: features split head-major
// `(h d)`, scale 1/sqrt(D), softmax over keys, no biases.
import * as tf from '@tensorflow/tfjs';

/** [B, N, H*D] -> [B, H, N, D] (head-major split of the feature axis). */
export function splitHeads(t: tf.Tensor, heads: number): tf.Tensor {
  return tf.tidy(() => {
    const [B, N, F] = t.shape;
    return tf.transpose(tf.reshape(t, [B, N, heads, F / heads]), [0, 2, 1, 3]);
  });
}

/** [B, H, N, D] -> [B, N, H*D]. */
export function mergeHeads(t: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [B, H, N, D] = t.shape;
    return tf.reshape(tf.transpose(t, [0, 2, 1, 3]), [B, N, H * D]);
  });
}

/**
 * softmax(q k^T / sqrt(D)) v per head. q [B, H, Nq, D]; k, v [B or 1, H, Nk, D]
 * (a batch of 1 is shared by every item, e.g. the constant null-context keys).
 */
export function attend(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const B = q.shape[0];
    const D = q.shape[3] as number;
    const kb = k.shape[0] === B ? k : tf.tile(k, [B, 1, 1, 1]);
    const vb = v.shape[0] === B ? v : tf.tile(v, [B, 1, 1, 1]);
    const scores = tf.matMul(tf.mul(q, 1 / Math.sqrt(D)) as tf.Tensor4D, kb as tf.Tensor4D, false, true);
    return tf.matMul(tf.softmax(scores), vb as tf.Tensor4D);
  });
}
