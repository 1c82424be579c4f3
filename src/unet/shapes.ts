// Every weight a UNetV0 config implies: canonical key -> PyTorch shape (and its layout kind), so a
// checkpoint can be checked against its config, key by key, and a parameter count given.
import type { UNetConfig } from './config.ts';
import { levelItemKinds, levelPaths, itemPaths, NULL_EMBEDDING_KEY, TIME_FREQS_KEY, TIME_HIDDEN_KEY, TIME_IN_KEY } from './paths.ts';

/** How a tensor's PyTorch layout maps to TF.js: conv [O,I,k..] -> [k..,I,O]; linear [o,i] -> [i,o]. */
export type WeightKind = 'conv' | 'linear' | 'plain';

/** PyTorch's default initialisation of a tensor (used for random-init models). */
export type WeightInit =
  | { dist: 'uniform'; bound: number } // kaiming_uniform(a=sqrt 5) weights and their biases: U(-1/sqrt(fan_in), +)
  | { dist: 'normal' } // N(0, 1): the learned time frequencies and the null embedding table
  | { dist: 'ones' } // norm weights
  | { dist: 'zeros' }; // norm biases

export interface WeightSpec {
  /** Shape in the PyTorch state_dict. */
  torchShape: number[];
  kind: WeightKind;
  init: WeightInit;
}

/** The TF.js-layout shape of a weight with the given PyTorch shape and kind. */
export function tfjsShape(torchShape: readonly number[], kind: WeightKind): number[] {
  if (kind === 'linear') return [torchShape[1], torchShape[0]];
  if (kind === 'conv') return [...torchShape.slice(2), torchShape[1], torchShape[0]];
  return [...torchShape];
}

/** Every canonical key of the config with its PyTorch shape and layout kind, in module order. */
export function expectedWeightSpecs(cfg: UNetConfig): Map<string, WeightSpec> {
  const specs = new Map<string, WeightSpec>();
  const M = cfg.modulation_features;
  const HD = cfg.attention_heads * cfg.attention_features;
  const E = cfg.embedding_features;
  const kernel = (k: number) => (cfg.dim === 2 ? [k, k] : [k]);
  const plain = (key: string, shape: number[], init: WeightInit) => specs.set(key, { torchShape: shape, kind: 'plain', init });
  const linear = (path: string, out: number, inp: number, bias = true) => {
    const init: WeightInit = { dist: 'uniform', bound: 1 / Math.sqrt(inp) };
    specs.set(`${path}.weight`, { torchShape: [out, inp], kind: 'linear', init });
    if (bias) plain(`${path}.bias`, [out], init);
  };
  const conv = (path: string, out: number, inp: number, k: number) => {
    const init: WeightInit = { dist: 'uniform', bound: 1 / Math.sqrt(inp * k ** cfg.dim) };
    specs.set(`${path}.weight`, { torchShape: [out, inp, ...kernel(k)], kind: 'conv', init });
    plain(`${path}.bias`, [out], init);
  };
  const norm = (path: string, c: number) => {
    plain(`${path}.weight`, [c], { dist: 'ones' });
    plain(`${path}.bias`, [c], { dist: 'zeros' });
  };

  plain(TIME_FREQS_KEY, [128], { dist: 'normal' });
  linear(TIME_IN_KEY, M, 257);
  linear(TIME_HIDDEN_KEY, M, M);
  plain(NULL_EMBEDDING_KEY, [cfg.embedding_max_length, E], { dist: 'normal' });

  const levels = levelPaths(cfg);
  for (const [d, lv] of levels.entries()) {
    const C = cfg.channels[d];
    const Cin = d === 0 ? cfg.in_channels : cfg.channels[d - 1];
    const kinds = levelItemKinds(cfg, d);
    const item = (path: string, kind: (typeof kinds)[number]) => {
      if (kind === 'resnet') {
        for (const i of [0, 1]) {
          norm(itemPaths.resnetNorm(path, i), C);
          conv(itemPaths.resnetConv(path, i), C, C, 3);
        }
      } else if (kind === 'modulation') {
        linear(itemPaths.modulationLinear(path), 2 * C, M);
      } else {
        const a = itemPaths.attention(path);
        const ctx = kind === 'attention' ? C : E;
        norm(`${a}.norm`, C);
        norm(`${a}.norm_context`, ctx);
        linear(`${a}.to_q`, HD, C, false);
        linear(`${a}.to_kv`, 2 * HD, ctx, false);
        linear(`${a}.attention.blocks.0`, C, HD, false);
      }
    };
    conv(lv.down, C, Cin, cfg.factors[d]);
    lv.downItems.forEach((p, j) => item(p, kinds[j]));
    lv.upItems.forEach((p, j) => item(p, kinds[j]));
    conv(lv.upConv, Cin, C, 3);
    linear(lv.skipLinear, Cin, M);
  }
  return specs;
}

/** Canonical key -> PyTorch shape, for checking a checkpoint against its config. */
export function expectedWeightShapes(cfg: UNetConfig): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [k, s] of expectedWeightSpecs(cfg)) out.set(k, s.torchShape);
  return out;
}

/** Number of U-Net parameters (the shared time Linear counted once, as PyTorch does). */
export function parameterCount(cfg: UNetConfig): number {
  let n = 0;
  for (const s of expectedWeightSpecs(cfg).values()) n += s.torchShape.reduce((a, b) => a * b, 1);
  return n;
}
