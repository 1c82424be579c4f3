// Turns the parameter map (canonical key -> tensor, TF.js layout) into the structure the forward
// walks: 1D kernels as [1, k, I, O], sub-pixel up-conv kernels and the null-context keys/values
// of cross-attention. Built once for a frozen model, or inside each forward when training.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import type { UNetConfig } from './config.ts';
import { itemPaths, levelItemKinds, levelPaths, NULL_EMBEDDING_KEY, TIME_FREQS_KEY, TIME_HIDDEN_KEY, TIME_IN_KEY } from './paths.ts';
import { subPixelKernels, type PhaseKernel } from './ops/conv.ts';
import { contextKV, type AttentionWeights, type Conv3x3Weights, type ItemWeights } from './blocks.ts';
import { winogradKernels } from './ops/winograd.ts';
import type { TimeWeights } from './ops/time.ts';

export interface LevelWeights {
  /** Spatial factors (H, W); H is 1 in 1D. */
  factor: [number, number];
  down: [tf.Tensor, tf.Tensor];
  downItems: ItemWeights[];
  upItems: ItemWeights[];
  up: [tf.Tensor, tf.Tensor];
  /** Per-phase kernels of the up conv (sub-pixel path); absent on the direct path. */
  upPhases?: PhaseKernel[][];
  skip: [tf.Tensor, tf.Tensor];
}

export interface RuntimeWeights {
  time: TimeWeights;
  nullEmbedding: tf.Tensor;
  levels: LevelWeights[];
}

/** When the 2D resnet convs run as Winograd F(2x2, 3x3): both channel counts >= minChannels, MACs >= minMacs. */
export interface WinogradPolicy {
  minChannels: number;
  minMacs: number;
}

export interface RuntimeOptions {
  /** Compute nearest-upsample + conv as a sub-pixel conv (exact up to rounding). */
  subPixelUpsample: boolean;
  /** Precompute Winograd kernels (reads weight values: frozen models only); null: direct convs. */
  winograd: WinogradPolicy | null;
}

/** Builds the runtime structure; every tensor it creates is derived from `params` by tf ops. */
export function buildRuntime(params: Map<string, tf.Tensor>, cfg: UNetConfig, opts: RuntimeOptions): RuntimeWeights {
  const get = (key: string): tf.Tensor => {
    const t = params.get(key);
    if (t === undefined) throw new LabError(`U-Net parameters: ${key} is missing`);
    return t;
  };
  const pair = (path: string): [tf.Tensor, tf.Tensor] => [get(`${path}.weight`), get(`${path}.bias`)];
  const kernel = (key: string) => {
    const w = get(key);
    return cfg.dim === 2 ? w : tf.expandDims(w, 0);
  };
  const convPair = (path: string): [tf.Tensor, tf.Tensor] => [kernel(`${path}.weight`), get(`${path}.bias`)];
  const conv3x3 = (path: string): Conv3x3Weights => {
    const [w, b] = convPair(path);
    const [, , ci, co] = w.shape as number[];
    const wp = opts.winograd;
    if (wp === null || cfg.dim !== 2 || Math.min(ci, co) < wp.minChannels) return { w, b };
    return { w, b, winograd: { kernels: winogradKernels(w), minMacs: wp.minMacs } };
  };
  const nullEmbedding = get(NULL_EMBEDDING_KEY);
  const heads = cfg.attention_heads;

  const item = (path: string, kind: ItemWeights['kind']): ItemWeights => {
    if (kind === 'resnet') {
      return {
        kind,
        norms: [0, 1].map((i) => pair(itemPaths.resnetNorm(path, i))),
        convs: [0, 1].map((i) => conv3x3(itemPaths.resnetConv(path, i))),
      };
    }
    if (kind === 'modulation') {
      const [w, b] = pair(itemPaths.modulationLinear(path));
      return { kind, w, b };
    }
    const a = itemPaths.attention(path);
    const w: AttentionWeights = {
      kind,
      norm: pair(`${a}.norm`),
      normContext: pair(`${a}.norm_context`),
      toQ: get(`${a}.to_q.weight`),
      toKV: get(`${a}.to_kv.weight`),
      toOut: get(`${a}.attention.blocks.0.weight`),
    };
    if (kind === 'cross_attention') w.nullKV = contextKV(tf.expandDims(nullEmbedding, 0), w, heads);
    return w;
  };

  const levels = levelPaths(cfg).map((lv, d): LevelWeights => {
    const kinds = levelItemKinds(cfg, d);
    const f = cfg.factors[d];
    const factor: [number, number] = cfg.dim === 2 ? [f, f] : [1, f];
    const up = convPair(lv.upConv);
    return {
      factor,
      down: convPair(lv.down),
      downItems: lv.downItems.map((p, k) => item(p, kinds[k])),
      upItems: lv.upItems.map((p, k) => item(p, kinds[k])),
      up,
      upPhases: opts.subPixelUpsample && f > 1 ? subPixelKernels(up[0], factor[0], factor[1]) : undefined,
      skip: pair(lv.skipLinear),
    };
  });

  return {
    time: {
      freqs: get(TIME_FREQS_KEY),
      inW: get(`${TIME_IN_KEY}.weight`),
      inB: get(`${TIME_IN_KEY}.bias`),
      hiddenW: get(`${TIME_HIDDEN_KEY}.weight`),
      hiddenB: get(`${TIME_HIDDEN_KEY}.bias`),
    },
    nullEmbedding,
    levels,
  };
}
