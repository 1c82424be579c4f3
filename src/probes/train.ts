// trainProbe: fits a head on labelled features, keeps the best epoch's weights, and chooses
// the decision threshold on the validation clips (never the test set).
import * as tf from '@tensorflow/tfjs';
import { check } from '../common/errors.ts';
import { chooseThreshold, applyThreshold, type ThresholdOptions } from '../evaluation/threshold.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import { checkClasses } from '../evaluation/labels.ts';
import { batchTensor, channelStats, checkFeatureSet, type LabelledFeatures } from './features.ts';
import { DEFAULT_FIT, fit, validationClips, type FitOptions, type FitSettings, type LabelledSource } from './fit.ts';
import { checkHeadInput, headDefinition, type HeadKind } from './heads/index.ts';
import { ParamSet } from './params.ts';
import { Probe, type ProbeFeatureSpec } from './probe.ts';

export interface TrainProbeRequest {
  kind: HeadKind;
  featureSpec: ProbeFeatureSpec;
  classes: readonly string[];
  train: LabelledFeatures;
  validation: LabelledFeatures;
  settings?: Partial<FitSettings>;
  threshold?: ThresholdOptions;
}

export async function trainProbe(request: TrainProbeRequest, options: FitOptions = {}): Promise<Probe> {
  const { kind, classes, train, validation } = request;
  checkClasses(classes, 'probe');
  const head = headDefinition(kind);
  checkHeadInput(kind, train.shape);
  checkFeatureSet(train, 'probe training features', classes.length);
  checkFeatureSet(validation, 'probe validation features', classes.length);
  check(sameShape(train.shape, validation.shape),
    `probe: training features [${train.shape}] and validation features [${validation.shape}] differ in shape`);
  check(sameShape(train.shape, request.featureSpec.shape),
    `probe: feature spec says [${request.featureSpec.shape}] but the features are [${train.shape}]`);
  const settings: FitSettings = { ...DEFAULT_FIT, ...request.settings };
  const started = performance.now();

  const params = ParamSet.init(head.declare(train.shape, classes.length), settings.seed);
  try {
    const stats = channelStats(train);
    params.set('norm.mean', stats.mean);
    params.set('norm.std', stats.std);
    const source = (f: LabelledFeatures): LabelledSource => ({
      count: f.count, labels: f.labels, clipIds: f.clipIds, batch: (idx) => batchTensor(f, idx),
    });
    const model = { params, forward: head.forward };
    const result = await fit(model, classes, source(train), source(validation), settings, options);

    const val = validationClips(classes, result.validationProbs, source(validation));
    const threshold = chooseThreshold(val.scores, val.labels, request.threshold);
    const report = classWiseMetrics(applyThreshold(val.scores, threshold), val.labels);
    return new Probe({
      format: 'diffpir-probe',
      version: 1,
      kind,
      featureSpec: { ...request.featureSpec, shape: [...train.shape] },
      classes: [...classes],
      threshold,
      aggregation: 'mean-max',
      training: settings,
      seed: settings.seed,
      parameters: params.count(),
      metrics: {
        bestEpoch: result.bestEpoch,
        stopReason: result.stopReason,
        epochs: result.epochs,
        validation: { microF1: report.micro.f1, macroF1: report.macro.f1, clips: report.clips },
        trainExamples: train.count,
        validationExamples: validation.count,
        trainSeconds: (performance.now() - started) / 1000,
        backend: tf.getBackend(),
      },
      weights: [],
      weightsFile: 'weights.bin',
    }, params);
  } catch (e) {
    params.dispose();
    throw e;
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
