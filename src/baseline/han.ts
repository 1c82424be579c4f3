// A trained Han CNN: config, weights, classes, normalisation, the framing it reads and the
// threshold chosen on validation. Scores clips the IRMAS way: 1 s windows every 0.5 s,
// sigmoid outputs averaged over the clip, normalised by the top class, thresholded.
import type * as tf from '@tensorflow/tfjs';
import { applyThreshold } from '../evaluation/threshold.ts';
import { aggregateByClip, type Aggregation } from '../evaluation/windows.ts';
import type { Predictions, ScoreMatrix, Threshold } from '../evaluation/types.ts';
import type { EpochReport, FitSettings, StopReason } from '../probes/fit.ts';
import type { ForwardContext } from '../probes/heads/ops.ts';
import type { ParamSet, WeightSpec } from '../probes/params.ts';
import { predictAll, type ForwardModel } from '../probes/predict.ts';
import { hanForward, type HanConfig } from './model.ts';
import { windowSource, type MelClipLabelled } from './windows.ts';

export interface HanFraming {
  sampleRate: 16000;
  hopLength: 320;
  /** Window length in frames (50 = 1 s). */
  windowFrames: number;
  trainHopFrames: number;
  evalHopFrames: number;
}

export interface HanMeta {
  format: 'diffpir-han-cnn';
  version: 1;
  config: HanConfig;
  classes: string[];
  framing: HanFraming;
  threshold: Threshold;
  aggregation: Aggregation;
  training: FitSettings;
  seed: number;
  parameters: number;
  metrics: {
    bestEpoch: number;
    stopReason: StopReason;
    epochs: EpochReport[];
    validation: { microF1: number; macroF1: number; clips: number };
    trainClips: number;
    trainWindows: number;
    validationWindows: number;
    trainSeconds: number;
    backend: string;
  };
  /** Free-form provenance added by the caller (corpus, preset, seed, test scores...). */
  provenance?: Record<string, unknown>;
  weights: WeightSpec[];
  weightsFile: string;
}

export class HanModel {
  constructor(readonly meta: HanMeta, readonly params: ParamSet) {}

  get classes(): readonly string[] {
    return this.meta.classes;
  }

  forwardModel(): ForwardModel {
    const config = this.meta.config;
    return { params: this.params, forward: (p: ParamSet, x: tf.Tensor, ctx: ForwardContext) => hanForward(config, p, x, ctx) };
  }

  /** Clip scores (mean over windows, normalised by the top class), in clip order. */
  async scoreClips(clips: readonly MelClipLabelled[], batchSize = 64): Promise<{ clipIds: string[]; scores: ScoreMatrix }> {
    const { config, framing } = this.meta;
    const src = windowSource(clips, config.mels, framing.windowFrames, framing.evalHopFrames, config.classes);
    const { probs } = await predictAll(this.forwardModel(), src, config.classes, batchSize);
    return aggregateByClip(this.classes, probs, src.clipIds!, this.meta.aggregation);
  }

  decide(scores: ScoreMatrix): Predictions {
    return applyThreshold(scores, this.meta.threshold);
  }

  async toFiles(): Promise<{ json: string; weights: Uint8Array }> {
    const { specs, data } = await this.params.toData();
    return {
      json: JSON.stringify({ ...this.meta, weights: specs }, null, 1),
      weights: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  }

  dispose(): void {
    this.params.dispose();
  }
}
