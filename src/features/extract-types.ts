// The feature extractor's request, inputs and outputs (see extract.ts).
import type { JobOptions } from '../common/progress.ts';
import type { CachedFeatures } from './cache.ts';
import type { WindowSpec } from './windows.ts';

export interface FeatureRequest {
  /** Noise level in [0, 1] (the paper's t as sigma). */
  sigma: number;
  /** Tap names (one forward serves them all; it stops at the last). */
  taps: readonly string[];
  /** Global average over positions ([C]) or full maps ([C, H, W] / [C, T]). */
  pooled: boolean;
  /** Seed of the noise (recorded with every figure). */
  noiseSeed: number;
  window?: WindowSpec;
}

export interface ClipInput {
  id: string;
  /**
   * 16 kHz mono samples (read only when something must be computed or hashed). A ClipInput's
   * content must not change: its hash is remembered per object after the first read.
   */
  read(): Promise<Float32Array>;
  /** SHA-256 of the samples when known (saves a read on a full cache hit). */
  contentHash?: string;
}

export interface ClipFeatures {
  id: string;
  contentHash: string;
  /** Per tap: every window's features ([windows, ...shape]). */
  taps: Map<string, CachedFeatures>;
  /** True when every tap came from the cache. */
  cached: boolean;
}

export interface ExtractStats {
  clips: number;
  cachedClips: number;
  computedWindows: number;
  seconds: number;
}

export interface ExtractOptions extends JobOptions {
  /** Windows per U-Net call (default 8). */
  batchSize?: number;
}
