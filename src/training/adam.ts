// Adam with explicit, checkpointable state (first and second moments per parameter and the step
// count), global-norm gradient clipping and a linear learning-rate warm-up. Same update as
// tf.train.adam (bias-corrected), but its state can be saved and restored bit for bit.
import * as tf from '@tensorflow/tfjs';

export interface AdamOptions {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Clip the global gradient norm to this (0: no clipping). */
  clipNorm: number;
  /** Steps of linear warm-up from lr / warmupSteps to lr. */
  warmupSteps: number;
}

export const DEFAULT_ADAM: AdamOptions = { lr: 3e-4, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, clipNorm: 1, warmupSteps: 50 };

export interface AdamState {
  /** Updates applied so far. */
  step: number;
  m: Map<string, tf.Tensor>;
  v: Map<string, tf.Tensor>;
}

export function newAdamState(params: Map<string, tf.Tensor>): AdamState {
  const zeros = () => new Map([...params].map(([k, p]) => [k, tf.zerosLike(p)]));
  return { step: 0, m: zeros(), v: zeros() };
}

export function disposeAdamState(s: AdamState): void {
  for (const t of [...s.m.values(), ...s.v.values()]) t.dispose();
}

/** Learning rate at update `step` (1-based). */
export function learningRate(o: AdamOptions, step: number): number {
  return o.warmupSteps > 0 && step < o.warmupSteps ? (o.lr * step) / o.warmupSteps : o.lr;
}

/**
 * Applies one update to `params` (tf.Variables) with `grads`; returns the gradient's global norm
 * before clipping. The state's tensors are replaced (old ones disposed).
 */
export function adamUpdate(params: Map<string, tf.Variable>, grads: Record<string, tf.Tensor>, state: AdamState, o: AdamOptions): number {
  const step = state.step + 1;
  const normT = tf.tidy(() => tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g))))));
  const norm = normT.dataSync()[0];
  normT.dispose();
  const clip = o.clipNorm > 0 && norm > o.clipNorm ? o.clipNorm / norm : 1;
  const lr = learningRate(o, step);
  const c1 = 1 - o.beta1 ** step;
  const c2 = 1 - o.beta2 ** step;
  for (const [key, p] of params) {
    const g0 = grads[p.name] ?? grads[key];
    if (g0 === undefined) continue;
    const [m, v] = tf.tidy(() => {
      const g = clip === 1 ? g0 : tf.mul(g0, clip);
      const m1 = tf.add(tf.mul(state.m.get(key)!, o.beta1), tf.mul(g, 1 - o.beta1));
      const v1 = tf.add(tf.mul(state.v.get(key)!, o.beta2), tf.mul(tf.square(g), 1 - o.beta2));
      const update = tf.div(tf.mul(m1, lr / c1), tf.add(tf.sqrt(tf.div(v1, c2)), o.epsilon));
      p.assign(tf.sub(p, update));
      return [m1, v1];
    });
    state.m.get(key)!.dispose();
    state.v.get(key)!.dispose();
    state.m.set(key, m);
    state.v.set(key, v);
  }
  state.step = step;
  return norm;
}
