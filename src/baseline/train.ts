// trainHan: the Han CNN trained on 1 s windows of the training clips (labels = clip labels),
// early-stopped on the validation windows, threshold chosen on the validation clips.
import * as tf from '@tensorflow/tfjs';
import { check } from '../common/errors.ts';
import { checkClasses } from '../evaluation/labels.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import { applyThreshold, chooseThreshold, type ThresholdOptions } from '../evaluation/threshold.ts';
import { DEFAULT_FIT, fit, validationClips, type FitOptions, type FitSettings } from '../probes/fit.ts';
import { ParamSet } from '../probes/params.ts';
import { HanModel, type HanFraming } from './han.ts';
import { HAN_CONFIG, hanDecls, hanForward, type HanConfig } from './model.ts';
import { EVAL_HOP_FRAMES, TRAIN_HOP_FRAMES, melStats, windowSource, type MelClipLabelled } from './windows.ts';

/** Han et al.: Adam 1e-3, batch 128; early stopping on validation loss. */
export const HAN_FIT: FitSettings = { ...DEFAULT_FIT, epochs: 50, batchSize: 128, patience: 5, dropout: 0 };

export interface TrainHanRequest {
  classes: readonly string[];
  train: readonly MelClipLabelled[];
  validation: readonly MelClipLabelled[];
  config?: Partial<HanConfig>;
  settings?: Partial<FitSettings>;
  threshold?: ThresholdOptions;
  trainHopFrames?: number;
  evalHopFrames?: number;
}

export async function trainHan(request: TrainHanRequest, options: FitOptions = {}): Promise<HanModel> {
  const { classes, train, validation } = request;
  checkClasses(classes, 'Han CNN');
  const config: HanConfig = { ...HAN_CONFIG, ...request.config, classes: classes.length };
  check(train.length > 0 && validation.length > 0, 'Han CNN: needs training and validation clips');
  for (const c of [...train, ...validation]) {
    check(c.mel.length === config.mels * c.frames, () => `clip ${c.id}: log-mel has ${c.mel.length} values, expected ${config.mels} × ${c.frames}`);
  }
  const framing: HanFraming = {
    sampleRate: 16000, hopLength: 320, windowFrames: config.frames,
    trainHopFrames: request.trainHopFrames ?? TRAIN_HOP_FRAMES, evalHopFrames: request.evalHopFrames ?? EVAL_HOP_FRAMES,
  };
  // The Han CNN has its own dropout rates in the config; FitSettings.dropout is unused here.
  const settings: FitSettings = { ...HAN_FIT, ...request.settings };
  const started = performance.now();
  const params = ParamSet.init(hanDecls(config), settings.seed);
  try {
    const stats = melStats(train);
    params.set('norm.mean', Float32Array.of(stats.mean));
    params.set('norm.std', Float32Array.of(stats.std));
    const k = classes.length;
    const trainSrc = windowSource(train, config.mels, config.frames, framing.trainHopFrames, k);
    const valSrc = windowSource(validation, config.mels, config.frames, framing.evalHopFrames, k);
    const model = { params, forward: hanForward.bind(null, config) };
    const result = await fit(model, classes, trainSrc, valSrc, settings, options);
    const val = validationClips(classes, result.validationProbs, valSrc);
    const threshold = chooseThreshold(val.scores, val.labels, request.threshold);
    const report = classWiseMetrics(applyThreshold(val.scores, threshold), val.labels);
    return new HanModel({
      format: 'diffpir-han-cnn', version: 1, config, classes: [...classes], framing, threshold,
      aggregation: 'mean-max', training: settings, seed: settings.seed, parameters: params.count(),
      metrics: {
        bestEpoch: result.bestEpoch, stopReason: result.stopReason, epochs: result.epochs,
        validation: { microF1: report.micro.f1, macroF1: report.macro.f1, clips: report.clips },
        trainClips: train.length, trainWindows: trainSrc.count, validationWindows: valSrc.count,
        trainSeconds: (performance.now() - started) / 1000, backend: tf.getBackend(),
      },
      weights: [], weightsFile: 'weights.bin',
    }, params);
  } catch (e) {
    params.dispose();
    throw e;
  }
}
