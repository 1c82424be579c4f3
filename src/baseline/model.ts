// The Han et al. (2017) CNN for predominant instrument recognition, in plain TensorFlow.js ops:
// input a normalised log-mel window [B, 128 mel, 50 frames, 1] (1 s at hop 320 / 16 kHz);
// four blocks of two 3x3 'same' convolutions (32, 64, 128, 256 filters) with LeakyReLU(0.33);
// 3x3 max-pooling (stride 3) and dropout 0.25 after the first three blocks; global max-pooling;
// dense 1024 with LeakyReLU(0.33); dropout 0.5; 11 sigmoid outputs. 1,446,123 parameters.
// Spatial sizes: 128x50 -> 42x16 -> 14x5 -> 4x1 -> global max.
import * as tf from '@tensorflow/tfjs';
import { check } from '../common/errors.ts';
import type { ForwardContext } from '../probes/heads/ops.ts';
import { countParams, type ParamDecl, type ParamSet } from '../probes/params.ts';

export interface HanConfig {
  /** Filters of the four conv blocks. */
  filters: [number, number, number, number];
  dense: number;
  classes: number;
  mels: number;
  /** Window length in frames (1 s = 50 frames at hop 320, 16 kHz). */
  frames: number;
  leakyAlpha: number;
  blockDropout: number;
  denseDropout: number;
}

export const HAN_CONFIG: HanConfig = {
  filters: [32, 64, 128, 256],
  dense: 1024,
  classes: 11,
  mels: 128,
  frames: 50,
  leakyAlpha: 0.33,
  blockDropout: 0.25,
  denseDropout: 0.5,
};

export function hanDecls(c: HanConfig): ParamDecl[] {
  check(c.filters.length === 4 && c.filters.every((f) => Number.isInteger(f) && f > 0), 'Han CNN: filters must be 4 positive integers');
  const decls: ParamDecl[] = [{ name: 'norm.mean', shape: [1], init: 'zeros', trainable: false },
    { name: 'norm.std', shape: [1], init: 'ones', trainable: false }];
  let inCh = 1;
  c.filters.forEach((f, b) => {
    for (const j of [0, 1]) {
      const name = `block${b + 1}.conv${j + 1}`;
      decls.push({ name: `${name}.kernel`, shape: [3, 3, inCh, f], init: 'glorot', fanIn: 9 * inCh, fanOut: 9 * f });
      decls.push({ name: `${name}.bias`, shape: [f], init: 'zeros' });
      inCh = f;
    }
  });
  decls.push({ name: 'dense.kernel', shape: [inCh, c.dense], init: 'glorot' });
  decls.push({ name: 'dense.bias', shape: [c.dense], init: 'zeros' });
  decls.push({ name: 'out.kernel', shape: [c.dense, c.classes], init: 'glorot' });
  decls.push({ name: 'out.bias', shape: [c.classes], init: 'zeros' });
  return decls;
}

export function hanParamCount(c: HanConfig = HAN_CONFIG): number {
  return countParams(hanDecls(c));
}

/** Logits [B, classes] from raw log-mel windows [B, mels, frames, 1]. */
export function hanForward(c: HanConfig, p: ParamSet, x: tf.Tensor, ctx: ForwardContext): tf.Tensor2D {
  const drop = (t: tf.Tensor, rate: number) =>
    ctx.training && rate > 0 ? tf.dropout(t, rate, undefined, ctx.nextSeed()) : t;
  let h = x.sub(p.get('norm.mean')).div(p.get('norm.std')) as tf.Tensor4D;
  for (let b = 1; b <= 4; b++) {
    for (const j of [1, 2]) {
      const name = `block${b}.conv${j}`;
      h = tf.conv2d(h, p.get(`${name}.kernel`) as tf.Tensor4D, 1, 'same').add(p.get(`${name}.bias`)) as tf.Tensor4D;
      h = tf.leakyRelu(h, c.leakyAlpha);
    }
    if (b < 4) h = drop(tf.maxPool(h, 3, 3, 'valid'), c.blockDropout) as tf.Tensor4D;
  }
  const pooled = h.max([1, 2]) as tf.Tensor2D;
  const d = tf.leakyRelu(pooled.matMul(p.get('dense.kernel') as tf.Tensor2D).add(p.get('dense.bias')), c.leakyAlpha);
  return drop(d, c.denseDropout).matMul(p.get('out.kernel') as tf.Tensor2D).add(p.get('out.bias')) as tf.Tensor2D;
}
