// The UNetV0 forward in TensorFlow.js: channels-last internally (1D runs as 2D with H = 1), taps
// by name, and early exit as soon as the last requested tap exists (the decoder is not run when
// only encoder taps are asked for). Pure tf ops, so the same forward can be trained.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import type { UNetConfig } from './config.ts';
import type { NamedWeights } from '../weights/types.ts';
import { checkSupported } from './paths.ts';
import { weightsToParams } from './params.ts';
import { buildRuntime, type RuntimeWeights, type WinogradPolicy } from './runtime.ts';
export type { WinogradPolicy } from './runtime.ts';
import { checkInputShape, tapNames } from './taps.ts';
import { torchShapeOf } from './layout.ts';
import { runForward } from './forward.ts';
export { weightsToParams } from './params.ts';

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
  let disposed = false;
  function forward(x: tf.Tensor, sigma: tf.Tensor1D, fo: ForwardOptions = {}): ForwardResult {
    if (disposed) throw new LabError('U-Net: forward called after dispose()');
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
    const outputs = runForward(cfg, frozen ?? (() => buildRuntime(params, cfg, { subPixelUpsample, winograd: null })), x, sigma, {
      wanted,
      stopAt,
      steps: result.steps,
    });
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
      disposed = true;
      if (frozen) tf.dispose(frozen as unknown as tf.TensorContainer);
      for (const t of params.values()) t.dispose();
    },
  };
}
