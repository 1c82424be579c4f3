// The means behind the norms, shaped for the backend. tfjs-webgpu reduces every output row with a
// 64-thread workgroup of its own (shared memory and barriers), so the norms' many short rows (a few
// channels at each of thousands of positions) keep most of a GPU idle and crawl on a software
// adapter: one GroupNorm mean of the 2D fixture took 7 s on SwiftShader. On WebGPU, a mean over
// channels is a matMul with a column of 1/C, and GroupNorm reduces positions first (long rows).
// Elsewhere both reduce the innermost axis first, which needs no transposes.
import * as tf from '@tensorflow/tfjs';

/** Whether the current backend wants the matMul/positions-first means (WebGPU). */
export function prefersLongRowMeans(): boolean {
  return tf.getBackend() === 'webgpu';
}

/** Mean over the last axis of x, keeping it as size 1. */
export function meanLastAxis(x: tf.Tensor, longRows = prefersLongRowMeans()): tf.Tensor {
  if (!longRows) return tf.mean(x, x.rank - 1, true);
  return tf.tidy(() => {
    const C = x.shape[x.rank - 1];
    const sums = tf.matMul(tf.reshape(x, [-1, C]), tf.fill([C, 1], 1 / C));
    return tf.reshape(sums, [...x.shape.slice(0, -1), 1]);
  });
}

/** Mean of xg [B, P, G, per] over the positions P and the `per` channels of each group: [B, 1, G, 1]. */
export function groupMean(xg: tf.Tensor, longRows = prefersLongRowMeans()): tf.Tensor {
  return tf.tidy(() =>
    longRows ? tf.mean(tf.mean(xg, 1, true), 3, true) : tf.mean(tf.mean(xg, 3, true), 1, true),
  );
}
