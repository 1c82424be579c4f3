// The training loop shared by the probe heads and the Han CNN: multi-label binary
// cross-entropy, Adam, seeded shuffling and dropout, mini-batches, early stopping on the
// validation loss (or validation micro F1) with patience, cancellation at any batch keeping the
// best weights, and one report per epoch.
import * as tf from '@tensorflow/tfjs';
import { CancelledError, LabError, check } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { aggregateByClip } from '../evaluation/windows.ts';
import { chooseThreshold } from '../evaluation/threshold.ts';
import { labelSet } from '../evaluation/labels.ts';
import { disposeSnapshot } from './params.ts';
import { bceWithLogits, predictAll, type BatchSource, type ForwardModel } from './predict.ts';
import { Rng } from './rng.ts';

export interface FitSettings {
  /** Most epochs to run. */
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Epochs without improvement before stopping. */
  patience: number;
  monitor: 'val-loss' | 'val-f1';
  dropout: number;
  seed: number;
}

export const DEFAULT_FIT: FitSettings = {
  epochs: 60, batchSize: 32, learningRate: 1e-3, patience: 8, monitor: 'val-loss', dropout: 0.2, seed: 1,
};

export interface EpochReport {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** Clip-level micro F1 on validation at the threshold best for validation (mean-max aggregation). */
  valMicroF1: number;
  seconds: number;
  improved: boolean;
}

export type StopReason = 'patience' | 'max-epochs' | 'cancelled';

export interface FitResult {
  epochs: EpochReport[];
  /** 1-based epoch whose weights were kept. */
  bestEpoch: number;
  stopReason: StopReason;
  /** Validation probabilities (examples × classes) with the kept weights. */
  validationProbs: Float32Array;
}

export interface LabelledSource extends BatchSource {
  labels: Uint8Array;
  clipIds?: readonly string[];
}

export interface FitOptions extends JobOptions {
  onEpoch?: (report: EpochReport) => void;
}

export async function fit(
  model: ForwardModel,
  classes: readonly string[],
  train: LabelledSource,
  validation: LabelledSource,
  settings: FitSettings,
  options: FitOptions = {},
): Promise<FitResult> {
  const k = classes.length;
  check(settings.epochs >= 1 && settings.batchSize >= 1, 'training: epochs and batch size must be at least 1');
  check(settings.dropout >= 0 && settings.dropout < 1, `training: dropout ${settings.dropout} must be in [0, 1)`);
  const rng = new Rng(settings.seed);
  const optimizer = tf.train.adam(settings.learningRate);
  const vars = model.params.trainable();
  const ctx = { training: true, dropout: settings.dropout, nextSeed: () => rng.seed() };
  const reports: EpochReport[] = [];
  let best: Map<string, tf.Tensor> | undefined;
  let bestValue = Infinity;
  let bestEpoch = 0;
  let stopReason: StopReason = 'max-epochs';
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const started = performance.now();
      const order = rng.permutation(train.count);
      let lossSum = 0;
      for (let start = 0; start < train.count; start += settings.batchSize) {
        await yieldToEventLoop();
        if (options.signal?.aborted) break;
        const idx = order.subarray(start, Math.min(start + settings.batchSize, train.count));
        const loss = optimizer.minimize(() => {
          const x = train.batch(idx);
          const y = labelTensor(train.labels, idx, k);
          return bceWithLogits(model.forward(model.params, x, ctx), y);
        }, true, vars)!;
        lossSum += (await loss.data())[0] * idx.length;
        loss.dispose();
      }
      if (options.signal?.aborted) {
        stopReason = 'cancelled';
        break;
      }
      const val = await predictAll(model, validation, k, settings.batchSize, validation.labels);
      if (!Number.isFinite(val.loss)) {
        throw new LabError(`training diverged at epoch ${epoch}: validation loss is ${val.loss} ` +
          `(non-finite features, or learning rate ${settings.learningRate} too high)`, 'diverged');
      }
      const valMicroF1 = validationMicroF1(classes, val.probs, validation);
      const value = settings.monitor === 'val-loss' ? val.loss : -valMicroF1;
      const improved = value < bestValue - 1e-6;
      if (improved) {
        disposeSnapshot(best);
        best = model.params.snapshot();
        bestValue = value;
        bestEpoch = epoch;
      }
      const report = {
        epoch, trainLoss: lossSum / train.count, valLoss: val.loss, valMicroF1,
        seconds: (performance.now() - started) / 1000, improved,
      };
      reports.push(report);
      options.onEpoch?.(report);
      options.onProgress?.({
        stage: 'training', done: epoch, total: settings.epochs,
        detail: `loss ${report.trainLoss.toFixed(4)}, val loss ${val.loss.toFixed(4)}, val micro-F1 ${valMicroF1.toFixed(3)}`,
      });
      if (epoch - bestEpoch >= settings.patience) {
        stopReason = 'patience';
        break;
      }
    }
    if (!best) throw new CancelledError('training');
    model.params.restore(best);
  } finally {
    disposeSnapshot(best);
    optimizer.dispose();
  }
  const { probs } = await predictAll(model, validation, k, settings.batchSize);
  return { epochs: reports, bestEpoch, stopReason, validationProbs: probs };
}

function labelTensor(labels: Uint8Array, idx: ArrayLike<number>, k: number): tf.Tensor2D {
  const out = new Float32Array(idx.length * k);
  for (let i = 0; i < idx.length; i++) {
    for (let c = 0; c < k; c++) out[i * k + c] = labels[idx[i] * k + c];
  }
  return tf.tensor2d(out, [idx.length, k]);
}

/** Clip-level validation scores and labels (windows of a clip share its labels). */
export function validationClips(classes: readonly string[], probs: Float32Array, source: LabelledSource) {
  const k = classes.length;
  const ids = source.clipIds ?? Array.from({ length: source.count }, (_, i) => String(i));
  const { clipIds, scores } = aggregateByClip(classes, probs, ids);
  const firstRow = new Map<string, number>();
  ids.forEach((id, i) => { if (!firstRow.has(id)) firstRow.set(id, i); });
  const rows = clipIds.map((id) => source.labels.subarray(firstRow.get(id)! * k, (firstRow.get(id)! + 1) * k));
  return { clipIds, scores, labels: labelSet('validation', classes, rows) };
}

function validationMicroF1(classes: readonly string[], probs: Float32Array, source: LabelledSource): number {
  const { scores, labels } = validationClips(classes, probs, source);
  return chooseThreshold(scores, labels).validationScore;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
