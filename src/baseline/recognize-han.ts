// Recognition with a Han et al. CNN instead of a probe: 16 kHz samples -> the lab's log-mel (as
// loadMelClips gives the CNN in training; the CNN standardises it with its own norm.mean/std) ->
// 1 s windows at the model's evaluation hop (plus a tail window, as HanModel.scoreClips) ->
// per-window sigmoid probabilities -> mean and the model's aggregation -> decisions at its
// validation threshold (or calibrated ones), then the confident / not-sure verdict
// (src/features/confidence.ts). Same RecognitionResult as src/features/recognize.ts. Browser-safe.
import { logMel } from '../audio/mel.ts';
import { check } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { scoreMatrix } from '../evaluation/labels.ts';
import { aggregateWindows } from '../evaluation/windows.ts';
import type { Calibration } from '../calibration/types.ts';
import { finishRecognition } from '../features/confidence.ts';
import type { RecognitionResult } from '../features/recognition-types.ts';
import { spanSeconds } from '../features/windows.ts';
import { predictAll } from '../probes/predict.ts';
import type { HanModel } from './han.ts';
import { windowSource } from './windows.ts';

export interface RecognizeHanOptions extends JobOptions {
  batchSize?: number;
  /** How the Han CNN is named in the result's `probe` field (its folder, by default 'Han CNN'). */
  hanName?: string;
  /** The Han CNN folder's calibration.json, when it has one: calibrated probabilities and decisions. */
  calibration?: Calibration | null;
}

/** The `model` field of a Han CNN result: there is no U-Net, the CNN reads the log-mel itself. */
export const HAN_MODEL_NAME = 'han-cnn (log-mel)';

export async function recognizeHan(samples: Float32Array, han: HanModel, opts: RecognizeHanOptions = {}): Promise<RecognitionResult> {
  const { config, framing, classes } = han.meta;
  const lm = logMel(samples, { signal: opts.signal });
  check(lm.nMels === config.mels, () => `Han CNN reads ${config.mels} mel bands, the front end gives ${lm.nMels}`);
  const k = classes.length;
  const clip = { id: 'input', mel: lm.logMel, frames: lm.frames, labels: new Uint8Array(k) };
  const src = windowSource([clip], config.mels, framing.windowFrames, framing.evalHopFrames, k);
  opts.onProgress?.({ stage: 'Han CNN', done: 0, total: src.count });
  const { probs } = await predictAll(han.forwardModel(), src, k, opts.batchSize ?? 64);
  opts.onProgress?.({ stage: 'Han CNN', done: src.count, total: src.count });
  const rows = Array.from({ length: src.count }, (_, w) => probs.subarray(w * k, (w + 1) * k));
  const mean = aggregateWindows(rows, 'mean');
  const score = aggregateWindows(rows, han.meta.aggregation);
  const decided = han.decide(scoreMatrix(classes, [score])).rows[0];
  const duration = round(samples.length / framing.sampleRate);
  const t = han.meta.threshold;
  return finishRecognition({
    instruments: classes.map((code, c) => ({ code, probability: round(mean[c]), score: round(score[c]), predicted: decided[c] === 1 })),
    threshold: t.mode === 'global' ? t.values[0] : Object.fromEntries(classes.map((c, i) => [c, t.values[i]])),
    windows: src.picks.map((p, w) => {
      const s = spanSeconds({ start: p.start, end: p.start + framing.windowFrames });
      return { start: s.start, end: Math.min(s.end, duration), probabilities: Object.fromEntries(classes.map((c, i) => [c, round(rows[w][i])])) };
    }),
    model: HAN_MODEL_NAME,
    probe: opts.hanName ?? 'Han CNN',
    duration,
  }, opts.calibration);
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
