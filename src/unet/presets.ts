// Named UNetV0 configs: the seed paper's model (about 129.6M U-Net parameters) and a small
// student of the same shape. Used by benchmarks, the random-init control and tests.
import type { UNetConfig } from './config.ts';

const COMMON = {
  dim: 2,
  in_channels: 1,
  factors: [1, 2, 2, 2],
  items: [1, 1, 1, 2],
  attentions: [0, 0, 0, 1],
  cross_attentions: [0, 0, 1, 1],
  resnet_groups: 8,
  embedding_features: 768,
  embedding_max_length: 64,
  use_text_conditioning: false,
  use_embedding_cfg: true,
} as const;

/** The paper's 2D backbone: channels [128,256,512,1024], 8 heads x 64, modulation 1024. */
export const PAPER_CONFIG: UNetConfig = {
  ...COMMON,
  factors: [...COMMON.factors],
  items: [...COMMON.items],
  attentions: [...COMMON.attentions],
  cross_attentions: [...COMMON.cross_attentions],
  channels: [128, 256, 512, 1024],
  attention_heads: 8,
  attention_features: 64,
  modulation_features: 1024,
};

/** A student of the same layout: channels [16,32,64,128], 4 heads x 16, modulation 128. */
export const STUDENT_CONFIG: UNetConfig = {
  ...PAPER_CONFIG,
  channels: [16, 32, 64, 128],
  attention_heads: 4,
  attention_features: 16,
  modulation_features: 128,
};

/** A tiny config of the same layout (4-16 channels) for tests and quick runs. */
export const TINY_CONFIG: UNetConfig = {
  ...PAPER_CONFIG,
  channels: [4, 8, 8, 16],
  attention_heads: 2,
  attention_features: 4,
  resnet_groups: 2,
  modulation_features: 8,
  embedding_features: 12,
  embedding_max_length: 5,
};
