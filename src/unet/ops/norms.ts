// Normalisations over the channel axis of channels-last tensors [B, ..., C]: GroupNorm (resnets)
// and LayerNorm (modulation without affine, attention with). Statistics are two-pass (mean, then
// mean squared deviation) like PyTorch; the reductions are chosen per backend in ./means.ts.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../common/errors.ts';
import { groupNormJs, usesJsGroupNorm } from './groupNormJs.ts';
import { groupMean, meanLastAxis } from './means.ts';

/**
 * GroupNorm of x [B, ..., C] with `groups` groups of consecutive channels; gamma, beta [C].
 * Equivalent to torch.nn.GroupNorm(groups, C, eps) on the channels-first tensor. On wasm and cpu:
 * loops with a hand-written gradient (groupNormJs.ts); on GPU backends: the op chain below.
 */
export function groupNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, groups: number, eps = 1e-5, ops = !usesJsGroupNorm()): tf.Tensor {
  const C = x.shape[x.shape.length - 1];
  if (C % groups !== 0) throw new LabError(`groupNorm: ${C} channels do not split into ${groups} groups`);
  return ops ? groupNormOps(x, gamma, beta, groups, eps) : groupNormJs(x, gamma, beta, groups, eps);
}

/** GroupNorm as tfjs ops (autodiff gradient); statistics reduced as ./means.ts chooses for the backend. */
function groupNormOps(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, groups: number, eps: number): tf.Tensor {
  const shape = x.shape;
  const B = shape[0];
  const C = shape[shape.length - 1];
  const per = C / groups;
  const positions = x.size / (B * C);
  return tf.tidy(() => {
    const xg = tf.reshape(x, [B, positions, groups, per]);
    const mean = groupMean(xg); // [B,1,G,1]: over positions and the channels in each group
    const variance = groupMean(tf.squaredDifference(xg, mean));
    const inv = tf.rsqrt(tf.add(variance, eps)); // [B,1,G,1]
    const scale = tf.mul(inv, tf.reshape(gamma, [1, 1, groups, per])); // [B,1,G,per]
    const shift = tf.sub(tf.reshape(beta, [1, 1, groups, per]), tf.mul(mean, scale));
    return tf.reshape(tf.add(tf.mul(xg, scale), shift), shape);
  });
}

/** Mean and 1/sqrt(var + eps) over the last axis (keepDims). */
function channelStats(x: tf.Tensor, eps: number): [tf.Tensor, tf.Tensor] {
  const mean = meanLastAxis(x);
  const inv = tf.rsqrt(tf.add(meanLastAxis(tf.squaredDifference(x, mean)), eps));
  return [mean, inv];
}

/** LayerNorm over the last (channel) axis; affine when gamma and beta are given. */
export function layerNorm(x: tf.Tensor, eps: number, gamma?: tf.Tensor, beta?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [mean, inv] = channelStats(x, eps);
    const y = tf.mul(tf.sub(x, mean), inv);
    if (gamma === undefined || beta === undefined) return y;
    return tf.add(tf.mul(y, gamma), beta);
  });
}

/**
 * Modulation: LayerNorm over channels (no affine, eps) * (1 + scale) + shift, with scale and
 * shift [B, C] broadcast over every position of x [B, ..., C].
 */
export function modulate(x: tf.Tensor, scale: tf.Tensor, shift: tf.Tensor, eps = 1e-6): tf.Tensor {
  return tf.tidy(() => {
    const bshape = [x.shape[0], ...x.shape.slice(1, -1).map(() => 1), x.shape[x.rank - 1]];
    const [mean, inv] = channelStats(x, eps);
    const y = tf.mul(tf.sub(x, mean), inv);
    return tf.add(tf.mul(y, tf.add(tf.reshape(scale, bshape), 1)), tf.reshape(shift, bshape));
  });
}
