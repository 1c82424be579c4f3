// Multi-head scaled dot-product attention with the a-unet conventions: features split head-major
// `(h d)`, scale 1/sqrt(D), softmax over keys, no biases. On WASM/CPU computed head by head with 2D
// matmuls (TF.js WASM runs batched matmuls an order of magnitude slower than 2D ones); on GPU
// backends as two batched matmuls. Keys are stored transposed: no matmul needs a transposed operand.
import * as tf from '@tensorflow/tfjs';

/** Keys [Bk, H, D, Nk] (transposed) and values [Bk, H, Nk, D]; Bk = 1 shares them across the batch. */
export interface HeadKV {
  keysT: tf.Tensor4D;
  values: tf.Tensor4D;
}

/** Splits keys and values [B, N, H*D] (head-major features) into the per-head layout. */
export function headKV(k: tf.Tensor, v: tf.Tensor, heads: number): HeadKV {
  return tf.tidy(() => {
    const [B, N, F] = k.shape as [number, number, number];
    const D = F / heads;
    return {
      keysT: tf.transpose(tf.reshape(k, [B, N, heads, D]), [0, 2, 3, 1]) as tf.Tensor4D,
      values: tf.transpose(tf.reshape(v, [B, N, heads, D]), [0, 2, 1, 3]) as tf.Tensor4D,
    };
  });
}

/** A [1, 1, R, C] slice of a rank-4 tensor at (i, j), as a matrix [R, C]. */
function matrixAt(t: tf.Tensor, i: number, j: number): tf.Tensor2D {
  const [, , R, C] = t.shape as number[];
  return tf.reshape(tf.slice(t, [i, j, 0, 0], [1, 1, R, C]), [R, C]);
}

/** Whether the current backend prefers per-head 2D matmuls to batched ones. */
export function prefersPerHeadMatmul(): boolean {
  return ['wasm', 'cpu'].includes(tf.getBackend());
}

/**
 * softmax(q k^T / sqrt(D)) v for every head; q [B, N, H*D] -> [B, N, H*D]. `perHead` picks the
 * computation (default: per head on WASM/CPU, batched elsewhere); both give the same values.
 */
export function multiHeadAttention(q: tf.Tensor, kv: HeadKV, heads: number, perHead = prefersPerHeadMatmul()): tf.Tensor {
  return tf.tidy(() => {
    const [B, N, F] = q.shape as [number, number, number];
    const D = F / heads;
    const qs = tf.mul(tf.reshape(q, [B, N, heads, D]), 1 / Math.sqrt(D));
    if (!perHead) {
      const batch = (t: tf.Tensor4D) => (t.shape[0] === B ? t : tf.tile(t, [B, 1, 1, 1]));
      const scores = tf.matMul(tf.transpose(qs, [0, 2, 1, 3]) as tf.Tensor4D, batch(kv.keysT));
      const out = tf.matMul(tf.softmax(scores), batch(kv.values)); // [B, H, N, D]
      return tf.reshape(tf.transpose(out, [0, 2, 1, 3]), [B, N, F]);
    }
    const head = (qm: tf.Tensor2D, b: number, h: number) =>
      tf.matMul(tf.softmax(tf.matMul(qm, matrixAt(kv.keysT, b, h))), matrixAt(kv.values, b, h));
    if (kv.keysT.shape[0] === 1 && B > 1) {
      // Shared keys: fold the batch into the rows, one matmul pair per head.
      const byHead = tf.transpose(qs, [2, 0, 1, 3]); // [H, B, N, D]
      const outs = Array.from({ length: heads }, (_, h) =>
        head(tf.reshape(tf.slice(byHead, [h, 0, 0, 0], [1, B, N, D]), [B * N, D]), 0, h),
      );
      return tf.reshape(tf.transpose(tf.reshape(tf.stack(outs), [heads, B, N, D]), [1, 2, 0, 3]), [B, N, F]);
    }
    const qh = tf.transpose(qs, [0, 2, 1, 3]); // [B, H, N, D]
    const outs: tf.Tensor[] = [];
    for (let b = 0; b < B; b++) {
      for (let h = 0; h < heads; h++) outs.push(head(matrixAt(qh, b, h), kv.keysT.shape[0] === 1 ? 0 : b, h));
    }
    return tf.reshape(tf.transpose(tf.reshape(tf.stack(outs), [B, heads, N, D]), [0, 2, 1, 3]), [B, N, F]);
  });
}
