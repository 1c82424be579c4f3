// A trained probe: a head, its weights, the feature spec it reads, the classes, and the
// threshold chosen on validation. Made by trainProbe, saved as JSON + float32 weights, and
// reloaded by loadProbe with identical predictions.
import type * as tf from '@tensorflow/tfjs';
import { LabError, check } from '../common/errors.ts';
import { applyThreshold } from '../evaluation/threshold.ts';
import { aggregateByClip, type Aggregation } from '../evaluation/windows.ts';
import type { Predictions, ScoreMatrix, Threshold } from '../evaluation/types.ts';
import { batchTensor, checkFeatureSet, type FeatureSet } from './features.ts';
import { headDefinition, type HeadDefinition, type HeadKind } from './heads/index.ts';
import type { ForwardContext } from './heads/ops.ts';
import type { EpochReport, FitSettings, StopReason } from './fit.ts';
import type { ParamSet, WeightSpec } from './params.ts';
import { predictAll } from './predict.ts';

/** Which features a probe reads; written by the features part, checked on predict. */
export interface ProbeFeatureSpec {
  /** Model id (e.g. "student-v1" or "random-init:student-v1"). */
  model: string;
  sigma: number;
  tap: string;
  pooled: boolean;
  /** Per-example shape: [C], [C, T] or [C, H, W]. */
  shape: number[];
  /** Anything else the features part records (noise seed, window length...). */
  [extra: string]: unknown;
}

export interface ProbeMetrics {
  bestEpoch: number;
  stopReason: StopReason;
  epochs: EpochReport[];
  /** Clip-level validation scores at the stored threshold. */
  validation: { microF1: number; macroF1: number; clips: number };
  trainExamples: number;
  validationExamples: number;
  trainSeconds: number;
  backend: string;
}

export interface ProbeMeta {
  format: 'diffpir-probe';
  version: 1;
  kind: HeadKind;
  featureSpec: ProbeFeatureSpec;
  classes: string[];
  threshold: Threshold;
  aggregation: Aggregation;
  training: FitSettings;
  seed: number;
  parameters: number;
  metrics: ProbeMetrics;
  weights: WeightSpec[];
  weightsFile: string;
}

export class Probe {
  readonly head: HeadDefinition;

  constructor(readonly meta: ProbeMeta, readonly params: ParamSet) {
    this.head = headDefinition(meta.kind);
  }

  get classes(): readonly string[] {
    return this.meta.classes;
  }

  get threshold(): Threshold {
    return this.meta.threshold;
  }

  /** Per-example probabilities, count × classes row-major. */
  async predict(features: FeatureSet, batchSize = 64): Promise<Float32Array> {
    this.checkFeatures(features);
    const source = { count: features.count, batch: (idx: ArrayLike<number>) => batchTensor(features, idx) };
    const model = { params: this.params, forward: (p: ParamSet, x: tf.Tensor, c: ForwardContext) => this.head.forward(p, x, c) };
    return (await predictAll(model, source, this.classes.length, batchSize)).probs;
  }

  /** Clip scores (windows aggregated by clip id with the probe's aggregation). */
  async scoreClips(features: FeatureSet, clipIds: readonly string[]): Promise<{ clipIds: string[]; scores: ScoreMatrix }> {
    return aggregateByClip(this.classes, await this.predict(features), clipIds, this.meta.aggregation);
  }

  /** Decisions at the threshold chosen on validation. */
  decide(scores: ScoreMatrix): Predictions {
    return applyThreshold(scores, this.meta.threshold);
  }

  /** The JSON metadata and the weights file's bytes. */
  async toFiles(): Promise<{ json: string; weights: Uint8Array }> {
    const { specs, data } = await this.params.toData();
    const meta = { ...this.meta, weights: specs };
    return { json: JSON.stringify(meta, null, 1), weights: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  }

  dispose(): void {
    this.params.dispose();
  }

  private checkFeatures(f: FeatureSet): void {
    checkFeatureSet(f, 'probe input');
    const want = this.meta.featureSpec.shape;
    if (f.shape.length !== want.length || f.shape.some((d, i) => d !== want[i])) {
      throw new LabError(`probe input: features of shape [${f.shape}], but this ${this.meta.kind} probe reads [${want}]`);
    }
  }
}

/** Little-endian float32 view of a weights file (copied when unaligned). */
export function weightsFromBytes(bytes: Uint8Array | ArrayBuffer, what: string): Float32Array {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  check(u8.byteLength % 4 === 0, `${what}: weights file size ${u8.byteLength} is not a multiple of 4`);
  const aligned = u8.byteOffset % 4 === 0 ? u8 : u8.slice();
  return new Float32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}
