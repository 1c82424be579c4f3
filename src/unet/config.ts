// UNetV0 configuration (the keyword arguments of audio-diffusion-pytorch's UNetV0), parsed from
// a bare kwargs JSON or a fixture-style JSON with a `unet` key, and checked.
import { LabError } from '../common/errors.ts';

export interface UNetConfig {
  dim: 1 | 2;
  in_channels: number;
  channels: number[];
  factors: number[];
  items: number[];
  attentions: number[];
  cross_attentions: number[];
  attention_heads: number;
  attention_features: number;
  resnet_groups: number;
  modulation_features: number;
  embedding_features: number;
  embedding_max_length: number;
  use_text_conditioning: boolean;
  use_embedding_cfg: boolean;
}

const DEFAULTS: Partial<UNetConfig> = {
  embedding_features: 768,
  embedding_max_length: 64,
  use_text_conditioning: false,
  use_embedding_cfg: true,
  resnet_groups: 8,
};

/** Parses and validates a UNetV0 config; `source` names the file in error messages. */
export function parseUNetConfig(json: unknown, source = 'config'): UNetConfig {
  if (typeof json !== 'object' || json === null) throw new LabError(`${source}: expected a JSON object`);
  const raw = ('unet' in json ? (json as { unet: unknown }).unet : json) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null) throw new LabError(`${source}: "unet" must be an object`);
  const c = { ...DEFAULTS, ...raw } as Record<string, unknown>;
  const int = (k: string, min = 1): number => {
    const v = c[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw new LabError(`${source}: "${k}" must be an integer >= ${min}, got ${JSON.stringify(v)}`);
    }
    return v;
  };
  const ints = (k: string, min = 0): number[] => {
    const v = c[k];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x) || x < min)) {
      throw new LabError(`${source}: "${k}" must be a list of integers >= ${min}, got ${JSON.stringify(v)}`);
    }
    return v as number[];
  };
  const dim = int('dim');
  if (dim !== 1 && dim !== 2) throw new LabError(`${source}: "dim" must be 1 or 2, got ${dim}`);
  const cfg: UNetConfig = {
    dim,
    in_channels: int('in_channels'),
    channels: ints('channels', 1),
    factors: ints('factors', 1),
    items: ints('items', 1),
    attentions: ints('attentions'),
    cross_attentions: ints('cross_attentions'),
    attention_heads: int('attention_heads'),
    attention_features: int('attention_features'),
    resnet_groups: int('resnet_groups'),
    modulation_features: int('modulation_features'),
    embedding_features: int('embedding_features'),
    embedding_max_length: int('embedding_max_length'),
    use_text_conditioning: Boolean(c.use_text_conditioning),
    use_embedding_cfg: Boolean(c.use_embedding_cfg),
  };
  const n = cfg.channels.length;
  for (const k of ['factors', 'items', 'attentions', 'cross_attentions'] as const) {
    if (cfg[k].length !== n) {
      throw new LabError(`${source}: "${k}" has ${cfg[k].length} entries but "channels" has ${n}`);
    }
  }
  for (const [d, ch] of cfg.channels.entries()) {
    if (ch % cfg.resnet_groups !== 0) {
      throw new LabError(`${source}: channels[${d}] = ${ch} is not divisible by resnet_groups = ${cfg.resnet_groups}`);
    }
  }
  if (cfg.use_text_conditioning) {
    throw new LabError(`${source}: use_text_conditioning = true is not supported (the lab runs without text, on the null embedding)`);
  }
  return cfg;
}

/** The product of all factors: the time (and, in 2D, mel) axis must divide by it. */
export function totalDownsampling(cfg: UNetConfig): number {
  return cfg.factors.reduce((a, b) => a * b, 1);
}
