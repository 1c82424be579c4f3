// The four item kinds of a UNetV0 level (resnet, modulation, self- and cross-attention) on
// channels-last tensors [B, H, W, C], and the weights each one reads.
import * as tf from '@tensorflow/tfjs';
import { silu } from './ops/activations.ts';
import { groupNorm, layerNorm, modulate } from './ops/norms.ts';
import { convSame } from './ops/conv.ts';
import { winogradConv3x3 } from './ops/winograd.ts';
import { linear } from './ops/linear.ts';
import { headKV, multiHeadAttention, type HeadKV } from './ops/attention.ts';

export interface Conv3x3Weights {
  w: tf.Tensor;
  b: tf.Tensor;
  /** F(2x2, 3x3) kernels, when this conv may run as Winograd, and the MACs from which it should. */
  winograd?: { kernels: tf.Tensor2D[]; minMacs: number };
}
export interface ResnetWeights {
  kind: 'resnet';
  norms: [tf.Tensor, tf.Tensor][];
  convs: Conv3x3Weights[];
}
export interface ModulationWeights {
  kind: 'modulation';
  w: tf.Tensor;
  b: tf.Tensor;
}
export interface AttentionWeights {
  kind: 'attention' | 'cross_attention';
  norm: [tf.Tensor, tf.Tensor];
  normContext: [tf.Tensor, tf.Tensor];
  toQ: tf.Tensor;
  toKV: tf.Tensor;
  toOut: tf.Tensor;
  /** Cross-attention on the constant null context: its per-head keys and values, precomputed. */
  nullKV?: HeadKV;
}
export type ItemWeights = ResnetWeights | ModulationWeights | AttentionWeights;

export interface ItemContext {
  /** SiLU(time embedding) [B, M]. */
  featsAct: tf.Tensor;
  groups: number;
  heads: number;
  /** The null embedding [L, E] (cross-attention context when nullKV is not precomputed). */
  nullEmbedding: tf.Tensor;
}

/** A same-padded 3x3 conv, as Winograd when it has the kernels and the input is big enough. */
export function conv3x3(x: tf.Tensor, c: Conv3x3Weights): tf.Tensor {
  const [B, H, W, ci] = x.shape as number[];
  const macs = B * H * W * ci * (c.w.shape[3] as number) * 9;
  return c.winograd && macs >= c.winograd.minMacs ? winogradConv3x3(x, c.winograd.kernels, c.b) : convSame(x, c.w, c.b);
}

/** conv(SiLU(GroupNorm(x))) twice, plus x. */
export function resnet(x: tf.Tensor, w: ResnetWeights, groups: number): tf.Tensor {
  return tf.tidy(() => {
    let h = x;
    for (let i = 0; i < 2; i++) {
      h = conv3x3(silu(groupNorm(h, w.norms[i][0], w.norms[i][1], groups)), w.convs[i]);
    }
    return tf.add(h, x);
  });
}

/** LayerNorm(x) * (1 + scale) + shift with [scale | shift] = Linear(SiLU(feats)). */
export function modulation(x: tf.Tensor, w: ModulationWeights, featsAct: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [scale, shift] = tf.split(linear(featsAct, w.w, w.b), 2, 1);
    return modulate(x, scale, shift);
  });
}

/** Per-head keys and values of a context [Bc, L, F]. */
export function contextKV(context: tf.Tensor, w: AttentionWeights, heads: number): HeadKV {
  return tf.tidy(() => {
    const c = layerNorm(context, 1e-5, w.normContext[0], w.normContext[1]);
    const [k, v] = tf.split(linear(c, w.toKV), 2, 2);
    return headKV(k, v, heads) as unknown as tf.TensorContainer;
  }) as unknown as HeadKV;
}

/** x + Wout(attention(LN_q(x) Wq, keys/values of the context)); context = x for self-attention. */
export function attentionItem(x: tf.Tensor, w: AttentionWeights, ctx: ItemContext): tf.Tensor {
  return tf.tidy(() => {
    const [B, H, W, C] = x.shape;
    const tokens = tf.reshape(x, [B, H * W, C]);
    const q = linear(layerNorm(tokens, 1e-5, w.norm[0], w.norm[1]), w.toQ);
    const kv =
      w.kind === 'attention'
        ? contextKV(tokens, w, ctx.heads)
        : (w.nullKV ?? contextKV(tf.expandDims(ctx.nullEmbedding, 0), w, ctx.heads));
    const out = linear(multiHeadAttention(q, kv, ctx.heads), w.toOut);
    return tf.add(x, tf.reshape(out, [B, H, W, C]));
  });
}

/** Runs one item of any kind. */
export function runItem(x: tf.Tensor, w: ItemWeights, ctx: ItemContext): tf.Tensor {
  if (w.kind === 'resnet') return resnet(x, w, ctx.groups);
  if (w.kind === 'modulation') return modulation(x, w, ctx.featsAct);
  return attentionItem(x, w, ctx);
}
