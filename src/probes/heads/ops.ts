// Small building blocks shared by the heads: a dense layer over the last axis (a 1x1 conv on
// channels-last maps, done as a matmul: no conv gradient kernels needed, and XNNPACK on WASM)
// and the feature normalisation every head applies first.
import * as tf from '@tensorflow/tfjs';
import type { ParamDecl, ParamSet } from '../params.ts';

/** x[..., in] · W[in, out] + b[out]. */
export function denseLast(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const inDim = x.shape[x.shape.length - 1] as number;
  const outDim = w.shape[1] as number;
  const flat = tf.matMul(x.reshape([-1, inDim]) as tf.Tensor2D, w as tf.Tensor2D).add(b);
  return flat.reshape([...x.shape.slice(0, -1), outDim]);
}

export function denseDecls(prefix: string, inDim: number, outDim: number): ParamDecl[] {
  return [
    { name: `${prefix}.kernel`, shape: [inDim, outDim], init: 'glorot' },
    { name: `${prefix}.bias`, shape: [outDim], init: 'zeros' },
  ];
}

export function dense(p: ParamSet, prefix: string, x: tf.Tensor): tf.Tensor {
  return denseLast(x, p.get(`${prefix}.kernel`), p.get(`${prefix}.bias`));
}

/** Per-channel standardisation constants (set from the training features; not trained). */
export function normDecls(channels: number): ParamDecl[] {
  return [
    { name: 'norm.mean', shape: [channels], init: 'zeros', trainable: false },
    { name: 'norm.std', shape: [channels], init: 'ones', trainable: false },
  ];
}

export function normalise(p: ParamSet, x: tf.Tensor): tf.Tensor {
  return x.sub(p.get('norm.mean')).div(p.get('norm.std'));
}

export interface ForwardContext {
  training: boolean;
  dropout: number;
  /** Seed source for dropout masks (only used when training). */
  nextSeed: () => number;
}

export function maybeDropout(x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
  return ctx.training && ctx.dropout > 0 ? tf.dropout(x, ctx.dropout, undefined, ctx.nextSeed()) : x;
}
