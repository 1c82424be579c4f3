// The UNetV0 module-path grammar: where each level, item and weight of a config lives in the
// state_dict (canonical keys, `net.` stripped). Shared by shapes.ts, the model and the taps.
import { LabError } from '../common/errors.ts';
import type { UNetConfig } from './config.ts';

export type ItemKind = 'resnet' | 'modulation' | 'attention' | 'cross_attention';

/** Canonical keys of the parts outside the levels. */
export const TIME_FREQS_KEY = 'blocks.0.weights';
export const TIME_IN_KEY = 'blocks.0.to_out';
export const TIME_HIDDEN_KEY = 'blocks.1.blocks.0.0';
/** The alias of TIME_HIDDEN_KEY a checkpoint also stores (same tensor, read once). */
export const TIME_HIDDEN_ALIAS_KEY = 'blocks.1.blocks.1.0';
export const NULL_EMBEDDING_KEY = 'blocks.2.blocks.0.blocks.0.weight';
const ROOT_LEVEL = 'blocks.2.blocks.1.net';

/** The kinds of a level's items in order: ([resnet, modulation] + attention* + cross*) * items. */
export function levelItemKinds(cfg: UNetConfig, d: number): ItemKind[] {
  const one: ItemKind[] = ['resnet', 'modulation'];
  for (let i = 0; i < cfg.attentions[d]; i++) one.push('attention');
  for (let i = 0; i < cfg.cross_attentions[d]; i++) one.push('cross_attention');
  const out: ItemKind[] = [];
  for (let i = 0; i < cfg.items[d]; i++) out.push(...one);
  return out;
}

export interface LevelPaths {
  /** The level module (its output is tap `level{d}`). */
  level: string;
  /** The module around the down conv (its output is tap `d{d}.down`). */
  downModule: string;
  /** The down conv (kernel = stride = factor): `<down>.weight`, `<down>.bias`. */
  down: string;
  /** Item modules, in order, for the down and the up half. */
  downItems: string[];
  upItems: string[];
  /** The conv after the nearest upsample: `<upConv>.weight`, `<upConv>.bias`. */
  upConv: string;
  /** The module around the up conv (its output is tap `u{d}.up`). */
  up: string;
  /** Linear(SiLU(feats)) giving the per-channel skip-merge scale. */
  skipLinear: string;
}

/** Rejects configs whose module layout this port does not know. */
export function checkSupported(cfg: UNetConfig): void {
  if (!cfg.use_embedding_cfg) {
    throw new LabError(
      'config: use_embedding_cfg = false is not supported (the lab runs the classifier-free-guidance ' +
        'model on its learned null embedding; its module layout is net.blocks.2.blocks.1.net)',
    );
  }
  if (cfg.use_text_conditioning) {
    throw new LabError('config: use_text_conditioning = true is not supported (no text encoder in the lab)');
  }
}

/** Module paths of every level, outermost first. */
export function levelPaths(cfg: UNetConfig): LevelPaths[] {
  checkSupported(cfg);
  const n = cfg.channels.length;
  const out: LevelPaths[] = [];
  let level = ROOT_LEVEL;
  for (let d = 0; d < n; d++) {
    const k = levelItemKinds(cfg, d).length;
    const deepest = d === n - 1;
    const b = `${level}.block.blocks`;
    const upStart = 1 + k + (deepest ? 0 : 1);
    const upConvIndex = upStart + k;
    out.push({
      level,
      downModule: `${b}.0`,
      down: `${b}.0.block`,
      downItems: Array.from({ length: k }, (_, j) => `${b}.${1 + j}`),
      upItems: Array.from({ length: k }, (_, j) => `${b}.${upStart + j}`),
      up: `${b}.${upConvIndex}`,
      upConv: `${b}.${upConvIndex}.block.1`,
      skipLinear: `${level}.skip.blocks.0.1`,
    });
    level = `${b}.${1 + k}`;
  }
  return out;
}

/** Weight module paths inside one item (prefix = the item's module path). */
export const itemPaths = {
  /** GroupNorm i (0 or 1) of a resnet: `.weight`, `.bias`. */
  resnetNorm: (item: string, i: number) => `${item}.block.blocks.0.blocks.${i}.0`,
  /** Conv3x3 i (0 or 1) of a resnet: `.weight`, `.bias`. */
  resnetConv: (item: string, i: number) => `${item}.block.blocks.0.blocks.${i}.2`,
  /** Linear(M -> 2C) of a modulation: `.weight`, `.bias`. */
  modulationLinear: (item: string) => `${item}.blocks.0.block.blocks.0.1`,
  /** Attention module (self or cross): norm, norm_context, to_q, to_kv, attention.blocks.0. */
  attention: (item: string) => `${item}.blocks.0.block`,
};
