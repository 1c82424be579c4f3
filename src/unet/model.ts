// The UNetV0 forward in TensorFlow.js: channels-last internally (1D runs as 2D with H = 1), taps
// by name, and early exit as soon as the last requested tap exists (the decoder is not run when
// only encoder taps are asked for). Pure tf ops, so the same forward can be trained.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import type { UNetConfig } from './config.ts';
import type { NamedWeights } from '../weights/types.ts';
import { checkSupported } from './paths.ts';
import { expectedWeightSpecs, tfjsShape } from './shapes.ts';
import { buildRuntime, type RuntimeWeights, type WinogradPolicy } from './runtime.ts';
export type { WinogradPolicy } from './runtime.ts';
import { checkInputShape, tapNames } from './taps.ts';
import { torchShapeOf } from './layout.ts';
import { silu } from './ops/activations.ts';
import { timeEmbedding } from './ops/time.ts';
import { linear } from './ops/linear.ts';
import { convDown, upsampleConvDirect, upsampleConvSubPixel } from './ops/conv.ts';
import { runItem, type ItemContext } from './blocks.ts';

export interface UNetOptions {
  /** Hold the parameters as tf.Variables and derive everything from them inside each forward. */
  trainable?: boolean;
  /** Nearest upsample + conv as an exact sub-pixel conv on the small input (default true). */
  subPixelUpsample?: boolean;
  /**
   * Run big 2D resnet convs as Winograd F(2x2, 3x3) (2.25x fewer MACs; the transformed kernels take
   * 16/9 of those convs' weights in memory). Default: on for frozen models on WASM and CPU, with
   * DEFAULT_WINOGRAD; false turns it off; a policy sets the thresholds. Ignored when trainable.
   */
  winograd?: boolean | WinogradPolicy;
}

/** Winograd where it measured clearly faster on WASM (>= 256 channels in and out, >= 2e8 MACs per call). */
export const DEFAULT_WINOGRAD: WinogradPolicy = { minChannels: 256, minMacs: 2e8 };

export interface ForwardOptions {
  /** Tap names to return, or 'all'. Default: none. */
  taps?: readonly string[] | 'all';
  /** Return v. Default: true when no taps are asked for; v is also returned whenever the pass is full. */
  v?: boolean;
}

export interface ForwardResult {
  /** The prediction v, channels-last like the input. */
  v?: tf.Tensor;
  /**
   * Requested taps, channels-last ([B, H, W, C] in 2D, [B, T, C] in 1D). Like v, they belong to the
   * caller's scope: disposed by an enclosing tf.tidy, otherwise by the caller.
   */
  taps: Map<string, tf.Tensor>;
  /** Every site computed, in order (taps or not): shows where the forward stopped. */
  steps: string[];
}

export interface UNet {
  readonly config: UNetConfig;
  /** Canonical key -> parameter (TF.js layout), tf.Variable when trainable. */
  readonly params: Map<string, tf.Tensor>;
  /** Tap names in execution order. */
  readonly tapNames: readonly string[];
  /** x: channels-last [B, H, W, C_in] (2D) or [B, T, C_in] (1D); sigma [B]. */
  forward(x: tf.Tensor, sigma: tf.Tensor1D, opts?: ForwardOptions): ForwardResult;
  dispose(): void;
}

/** Checks named weights against the config and makes tensors (or variables) of them. */
export function weightsToParams(cfg: UNetConfig, weights: NamedWeights, trainable = false): Map<string, tf.Tensor> {
  const params = new Map<string, tf.Tensor>();
  try {
    for (const [key, spec] of expectedWeightSpecs(cfg)) {
      const w = weights.get(key);
      const want = tfjsShape(spec.torchShape, spec.kind);
      if (w === undefined) throw new LabError(`weights: missing ${key} (expected shape [${want.join(', ')}], TF.js layout)`);
      if (w.shape.length !== want.length || w.shape.some((s, i) => s !== want[i])) {
        throw new LabError(`weights: ${key} has shape [${w.shape.join(', ')}] but the config implies [${want.join(', ')}] (TF.js layout)`);
      }
      const size = want.reduce((a, b) => a * b, 1);
      if (w.data.length !== size) throw new LabError(`weights: ${key} holds ${w.data.length} values, shape [${want.join(', ')}] needs ${size}`);
      const t = tf.tensor(w.data, want, 'float32');
      params.set(key, trainable ? tf.variable(t, true, key) : t);
      if (trainable) t.dispose();
    }
  } catch (e) {
    for (const t of params.values()) t.dispose();
    throw e;
  }
  return params;
}

/** Builds a U-Net from named weights (TF.js layout). */
export function createUNet(cfg: UNetConfig, weights: NamedWeights, opts: UNetOptions = {}): UNet {
  checkSupported(cfg);
  return createUNetFromParams(cfg, weightsToParams(cfg, weights, opts.trainable), opts);
}

/** Builds a U-Net around existing parameter tensors (it takes ownership: dispose() frees them). */
export function createUNetFromParams(cfg: UNetConfig, params: Map<string, tf.Tensor>, opts: UNetOptions = {}): UNet {
  checkSupported(cfg);
  const cpuLike = ['wasm', 'cpu'].includes(tf.getBackend());
  const winograd =
    opts.trainable || opts.winograd === false || (opts.winograd === undefined && !cpuLike)
      ? null
      : typeof opts.winograd === 'object'
        ? opts.winograd
        : DEFAULT_WINOGRAD;
  const subPixelUpsample = opts.subPixelUpsample ?? true;
  const frozen: RuntimeWeights | undefined = opts.trainable
    ? undefined
    : (tf.tidy(
        () => buildRuntime(params, cfg, { subPixelUpsample, winograd }) as unknown as tf.TensorContainer,
      ) as unknown as RuntimeWeights);
  const names = tapNames(cfg);
  const order = new Map(names.map((n, i) => [n, i]));
  const n = cfg.channels.length;

  function forward(x: tf.Tensor, sigma: tf.Tensor1D, fo: ForwardOptions = {}): ForwardResult {
    if (x.rank !== cfg.dim + 2) {
      throw new LabError(`U-Net input: expected a rank ${cfg.dim + 2} channels-last tensor, got shape [${x.shape.join(', ')}]`);
    }
    const [B] = checkInputShape(cfg, torchShapeOf(x.shape));
    if (sigma.rank !== 1 || sigma.shape[0] !== B) {
      throw new LabError(`U-Net sigma: expected shape [${B}] (one sigma per batch item), got [${sigma.shape.join(', ')}]`);
    }
    const wanted = new Set(fo.taps === 'all' ? names : (fo.taps ?? []));
    for (const t of wanted) if (!order.has(t)) throw new LabError(`unknown tap "${t}" (valid: ${names.join(', ')})`);
    const wantV = fo.v ?? fo.taps === undefined;
    const stopAt = wantV ? names.length - 1 : Math.max(-1, ...[...wanted].map((t) => order.get(t)!));
    const result: ForwardResult = { taps: new Map(), steps: [] };
    if (stopAt < 0) return result;
    const kept = new Set<tf.Tensor>();
    const toLab = (t: tf.Tensor) => (cfg.dim === 2 ? t : tf.squeeze(t, [1]));

    // The outputs leave this tidy as its result, so they belong to the caller's scope (a caller's
    // tidy or training step disposes them like any other tensor it made).
    const outputs = tf.tidy(() => {
      const taps: Record<string, tf.Tensor> = {};
      const rt = frozen ?? buildRuntime(params, cfg, { subPixelUpsample, winograd: null });
      const featsAct = silu(timeEmbedding(sigma, rt.time));
      const ctx: ItemContext = { featsAct, groups: cfg.resnet_groups, heads: cfg.attention_heads, nullEmbedding: rt.nullEmbedding };
      let stopped = false;
      const site = (name: string, t: tf.Tensor) => {
        result.steps.push(name);
        if (wanted.has(name)) {
          const out = toLab(t);
          if (out === t) kept.add(t);
          taps[name] = out;
        }
        if (result.steps.length - 1 === stopAt) stopped = true;
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
    }) as { taps: Record<string, tf.Tensor>; v?: tf.Tensor };
    for (const name of result.steps) if (outputs.taps[name]) result.taps.set(name, outputs.taps[name]);
    if (outputs.v) result.v = outputs.v;
    return result;
  }

  return {
    config: cfg,
    params,
    tapNames: names,
    forward,
    dispose() {
      if (frozen) tf.dispose(frozen as unknown as tf.TensorContainer);
      for (const t of params.values()) t.dispose();
    },
  };
}
