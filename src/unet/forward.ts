// The forward walk: levels recursively, one tidy per step, taps collected by name, and a stop as
// soon as the last wanted site is computed. Intermediates are freed as soon as they are used.
import * as tf from '@tensorflow/tfjs';
import type { UNetConfig } from './config.ts';
import type { RuntimeWeights } from './runtime.ts';
import { silu } from './ops/activations.ts';
import { timeEmbedding } from './ops/time.ts';
import { linear } from './ops/linear.ts';
import { convDown, upsampleConvDirect, upsampleConvSubPixel } from './ops/conv.ts';
import { runItem, type ItemContext } from './blocks.ts';

export interface WalkPlan {
  /** Sites whose outputs to return. */
  wanted: ReadonlySet<string>;
  /** Index (in execution order) of the last site to compute. */
  stopAt: number;
  /** Receives every site computed, in order. */
  steps: string[];
}

export interface ForwardOutputs {
  /** Wanted taps, channels-last (1D as [B, T, C]). */
  taps: Record<string, tf.Tensor>;
  /** v, when the walk ran to the end. */
  v?: tf.Tensor;
}

/**
 * Runs the network on x (channels-last, checked by the caller) for sigma [B]. `runtime` is the
 * prepared weights, or a function making them inside the walk (trainable models).
 */
export function runForward(
  cfg: UNetConfig,
  runtime: RuntimeWeights | (() => RuntimeWeights),
  x: tf.Tensor,
  sigma: tf.Tensor1D,
  plan: WalkPlan,
): ForwardOutputs {
  const { wanted, stopAt, steps } = plan;
  const n = cfg.channels.length;
  const B = x.shape[0];
  const kept = new Set<tf.Tensor>();
  const toLab = (t: tf.Tensor) => (cfg.dim === 2 ? t : tf.squeeze(t, [1]));

  // The outputs leave this tidy as its result, so they belong to the caller's scope (a caller's
  // tidy or training step disposes them like any other tensor it made).
  return tf.tidy(() => {
    const taps: Record<string, tf.Tensor> = {};
    const rt = typeof runtime === 'function' ? runtime() : runtime;
    const featsAct = silu(timeEmbedding(sigma, rt.time));
    const ctx: ItemContext = { featsAct, groups: cfg.resnet_groups, heads: cfg.attention_heads, nullEmbedding: rt.nullEmbedding };
    let stopped = false;
    const site = (name: string, t: tf.Tensor) => {
      steps.push(name);
      if (wanted.has(name)) {
        const out = toLab(t);
        if (out === t) kept.add(t);
        taps[name] = out;
      }
      if (steps.length - 1 === stopAt) stopped = true;
    };
    const release = (t: tf.Tensor) => {
      if (!kept.has(t)) t.dispose();
    };

    const runLevel = (d: number, x: tf.Tensor): tf.Tensor | null => {
      const L = rt.levels[d];
      let h: tf.Tensor = tf.tidy(() => convDown(x, L.down[0], L.down[1]));
      site(`d${d}.down`, h);
      if (stopped) return null;
      for (const [k, item] of L.downItems.entries()) {
        const next = tf.tidy(() => runItem(h, item, ctx));
        release(h);
        site(`d${d}.${k}.${item.kind}`, (h = next));
        if (stopped) return null;
      }
      if (d < n - 1) {
        const inner = runLevel(d + 1, h);
        release(h);
        if (inner === null) return null;
        h = inner;
      }
      for (const [k, item] of L.upItems.entries()) {
        const next = tf.tidy(() => runItem(h, item, ctx));
        release(h);
        site(`u${d}.${k}.${item.kind}`, (h = next));
        if (stopped) return null;
      }
      const hh = h;
      const u = tf.tidy(() =>
        L.upPhases ? upsampleConvSubPixel(hh, L.upPhases, L.up[1]) : upsampleConvDirect(hh, L.up[0], L.up[1], ...L.factor),
      );
      release(h);
      site(`u${d}.up`, u);
      if (stopped) return null;
      const out = tf.tidy(() => {
        const scale = tf.reshape(linear(featsAct, L.skip[0], L.skip[1]), [B, 1, 1, -1]);
        return tf.add(x, tf.mul(scale, u));
      });
      release(u);
      site(`level${d}`, out);
      return d > 0 && stopped ? null : out;
    };

    const x4 = cfg.dim === 2 ? x : tf.expandDims(x, 1);
    const out = runLevel(0, x4);
    if (out === null) return { taps };
    const lab = toLab(out);
    return { taps, v: taps.level0 === lab ? tf.clone(lab) : lab };
  }) as ForwardOutputs;
}
