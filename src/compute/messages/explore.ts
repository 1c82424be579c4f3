// `explore` request: one Explore view (a clip window, noised at sigma, its one-step clean
// estimate, the strongest channels at a tap for the model and its random-init control), and
// `modelInfo`: what the page needs to draw a model's U-Net diagram (config, taps, probe sites).
import type { ChannelMaps } from '../../explore/channels.ts';
import type { ClipRef, ModelRef } from '../../explore/refs.ts';
import type { TapInfo, PaperProbeSites } from '../../unet/taps.ts';
import type { UNetConfig } from '../../unet/config.ts';

export interface ExploreParams {
  model: ModelRef;
  clip: ClipRef;
  /** The demo clip's WAV bytes (only for clip {kind: 'demo'}). */
  demoBytes?: ArrayBuffer;
  sigma: number;
  /** Tap name, or null for the mel / noised / estimate alone. */
  tap: string | null;
  /** Noise seed. */
  seed: number;
  /** Window index in the clip (152-frame windows every 76 frames; default 0). */
  window?: number;
  /** Channels to return per tap (default 16). */
  topK?: number;
  /** Also compute the random-init control's maps (default true). */
  control?: boolean;
}

export interface ExploreResult {
  modelId: string;
  /** The control's id, or null when none was computed (or the model is itself random-init). */
  controlId: string | null;
  clipName: string;
  durationSec: number;
  /** The sigma and tap this view was computed for. */
  sigma: number;
  tap: string | null;
  window: number;
  windows: number;
  windowStartSec: number;
  nMels: number;
  frames: number;
  /** Log-mel units (ln magnitude), row-major [nMels, frames]: the window, noised, one-step estimate. */
  mel: Float32Array;
  noised: Float32Array;
  x0: Float32Array;
  maps: ChannelMaps | null;
  controlMaps: ChannelMaps | null;
  /** True when this request built the model's U-Net (first use: slower). */
  warmedUp: boolean;
  timings: { loadMs: number; modelMs: number; controlMs: number; totalMs: number };
}

export interface ModelInfoParams {
  model: ModelRef;
}

export interface ModelInfoResult {
  id: string;
  origin: string;
  config: UNetConfig;
  configJson: Record<string, unknown>;
  /** Taps for one 152-frame window, in execution order (torch-layout shapes). */
  taps: TapInfo[];
  sites: PaperProbeSites;
  parameters: number;
  melNorm: { mean: number | number[]; std: number | number[]; source: string };
}
