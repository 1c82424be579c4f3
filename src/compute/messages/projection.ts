// `projection` request: pooled features of many corpus clips at one (sigma, tap), for the model
// and its random-init control, each projected to 2D by PCA in the worker.
import type { ModelRef } from '../../explore/refs.ts';
import type { Split } from '../../corpus/types.ts';

export interface ProjectionParams {
  model: ModelRef;
  /** A stored corpus id (e.g. "builtin:tiny:1"). */
  corpus: string;
  sigma: number;
  tap: string;
  seed: number;
  /** Single-label clips per class (default 8). */
  perClass?: number;
  /** Splits to draw clips from (default train and validation). */
  splits?: Split[];
  /** Also project the random-init control (default true). */
  control?: boolean;
}

export interface ProjectionSet {
  modelId: string;
  /** n × 2 PCA scores, row-major. */
  points: Float32Array;
  /** Share of the variance along PC1 and PC2. */
  explained: number[];
  /** Clips whose features came from the cache. */
  cachedClips: number;
  seconds: number;
}

export interface ProjectionResult {
  clipIds: string[];
  /** Each clip's (first) label, an IRMAS class. */
  labels: string[];
  channels: number;
  model: ProjectionSet;
  control: ProjectionSet | null;
}
