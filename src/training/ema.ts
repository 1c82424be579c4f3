// An exponential moving average of the weights (the usual companion of diffusion training): after
// every update, ema = d * ema + (1 - d) * params with d = min(decay, (1 + step) / (10 + step)), so
// early steps are not dominated by the initial weights. With `TrainSettings.ema` set, validation,
// early stopping, the best weights and the published model all use the average; the raw weights
// keep training. It lives in the checkpoint (`ema/<key>`), so a resume is exact.
import * as tf from '@tensorflow/tfjs';

export interface EmaState {
  decay: number;
  weights: Map<string, tf.Variable>;
}

/** The decay used after `step` updates (warm-up: small averages at first). */
export function emaDecay(decay: number, step: number): number {
  return Math.min(decay, (1 + step) / (10 + step));
}

/** An average starting at `start` (the parameters, or a checkpoint's stored average). */
export function newEma(decay: number, params: Map<string, tf.Tensor>, start?: Map<string, Float32Array>): EmaState {
  const weights = new Map<string, tf.Variable>();
  for (const [k, p] of params) {
    const data = start?.get(k);
    weights.set(k, tf.variable(data ? tf.tensor(data, p.shape) : p, false, `ema/${k}`));
  }
  return { decay, weights };
}

/** One update after `step` updates of the raw weights. */
export function updateEma(ema: EmaState, params: Map<string, tf.Tensor>, step: number): void {
  const d = emaDecay(ema.decay, step);
  for (const [k, p] of params) {
    const e = ema.weights.get(k)!;
    tf.tidy(() => e.assign(tf.add(tf.mul(e, d), tf.mul(p, 1 - d))));
  }
}

/** Runs `fn` with `weights` in the model's parameters (tf.Variables), then puts the raw values back exactly. */
export function withWeights<T>(params: Map<string, tf.Tensor>, weights: Map<string, tf.Tensor>, fn: () => T): T {
  const saved = new Map<string, tf.Tensor>();
  for (const [k, p] of params) {
    saved.set(k, tf.clone(p));
    (p as tf.Variable).assign(weights.get(k)!);
  }
  try {
    return fn();
  } finally {
    for (const [k, p] of params) (p as tf.Variable).assign(saved.get(k)!);
    tf.dispose([...saved.values()]);
  }
}

export function disposeEma(ema: EmaState | undefined): void {
  if (ema) for (const v of ema.weights.values()) v.dispose();
}
