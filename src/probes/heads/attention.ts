// Attention head on unpooled maps: 1x1 projection to 128 channels (ReLU), every map position a
// token -> multi-head self-attention, 4 heads each of width 128 (Q, K, V: 128 -> 4·128) ->
// heads concatenated (512) and averaged over tokens -> dropout -> dense K. No output projection:
// the final dense reads the 512 head outputs directly, which keeps the paper's ~330K budget:
// 1024·128+128 + 3·(128·512+512) + 512·11+11 = 334,987 parameters.
// The mean over tokens is taken of the attention weights before they meet V (mean_i(W_i)·V
// equals mean_i(W_i·V) exactly, up to float rounding): one [1, n]·[n, d] product per head
// instead of [n, n]·[n, d], forward and backward.
import * as tf from '@tensorflow/tfjs';
import { matMulBatched } from './matmul.ts';
import { dense, denseDecls, maybeDropout, normDecls, normalise } from './ops.ts';
import type { HeadDefinition } from './types.ts';

export const ATTENTION_MODEL_DIM = 128;
export const ATTENTION_HEADS = 4;
export const ATTENTION_HEAD_WIDTH = 128;

export const attentionHead: HeadDefinition = {
  kind: 'attention',
  summary: `conv 1x1 ${ATTENTION_MODEL_DIM} (ReLU) -> ${ATTENTION_HEADS}-head self-attention (width ${ATTENTION_HEAD_WIDTH}) over positions -> mean -> dense per class`,
  readsMaps: true,
  declare(shape, classes) {
    const c = shape[0];
    const inner = ATTENTION_HEADS * ATTENTION_HEAD_WIDTH;
    return [
      ...normDecls(c),
      ...denseDecls('attn.proj', c, ATTENTION_MODEL_DIM),
      ...denseDecls('attn.q', ATTENTION_MODEL_DIM, inner),
      ...denseDecls('attn.k', ATTENTION_MODEL_DIM, inner),
      ...denseDecls('attn.v', ATTENTION_MODEL_DIM, inner),
      ...denseDecls('attn.out', inner, classes),
    ];
  },
  forward(p, x, ctx) {
    const [batch, h, w] = x.shape;
    const n = h * w;
    const heads = ATTENTION_HEADS;
    const d = ATTENTION_HEAD_WIDTH;
    const tokens = dense(p, 'attn.proj', normalise(p, x)).relu().reshape([batch, n, ATTENTION_MODEL_DIM]);
    // [B·heads, n, d] per projection; K transposed to [B·heads, d, n].
    const split = (name: string, perm: number[]) =>
      dense(p, name, tokens).reshape([batch, n, heads, d]).transpose(perm).reshape(
        perm[3] === 1 ? [batch * heads, d, n] : [batch * heads, n, d]) as tf.Tensor3D;
    const q = split('attn.q', [0, 2, 1, 3]);
    const kT = split('attn.k', [0, 2, 3, 1]);
    const v = split('attn.v', [0, 2, 1, 3]);
    const out = attendAndPool(q, kT, v).reshape([batch, heads * d]);
    return dense(p, 'attn.out', maybeDropout(out, ctx)) as tf.Tensor2D;
  },
};

/** Scaled dot-product attention of q [m, n, d] over kT [m, d, n], v [m, n, d], averaged over the n
 * queries: [m, 1, d]. */
export function attendAndPool(q: tf.Tensor3D, kT: tf.Tensor3D, v: tf.Tensor3D): tf.Tensor3D {
  const weights = matMulBatched(q, kT).mul(1 / Math.sqrt(q.shape[2])).softmax() as tf.Tensor3D; // [m, n, n]
  return tf.matMul(weights.mean(1, true) as tf.Tensor3D, v);
}
