// One probe cell: a model's features at (sigma, tap) for the three splits, a head trained on the
// train windows with early stopping and its threshold chosen on validation, then the test clips
// scored (windows aggregated per clip) against their labels, read only here at the end.
import * as tf from '@tensorflow/tfjs';
import type { JobOptions, Progress } from '../common/progress.ts';
import type { MetricsReport } from '../evaluation/types.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import { labelSet } from '../evaluation/labels.ts';
import { extractLabelledFeatures } from '../features/dataset.ts';
import type { FeatureExtractor, FeatureRequest } from '../features/extract.ts';
import type { LabelledFeatures } from '../probes/features.ts';
import { trainProbe } from '../probes/train.ts';
import type { Probe } from '../probes/probe.ts';
import type { EpochReport } from '../probes/fit.ts';
import { probeOnOutside } from './outside.ts';
import { cellId } from './plan.ts';
import type { CellKey, CellResult, Split, SweepCorpus, SweepSettings } from './types.ts';

export interface CellOptions extends JobOptions {
  /** Progress of the steps inside the cell (features, training). */
  onStep?: (p: Progress) => void;
  /** Every training epoch as it ends (the Probe page's live curves). */
  onEpoch?: (report: EpochReport) => void;
}

/** The request a cell's features come from. */
export function cellRequest(key: CellKey, settings: SweepSettings): FeatureRequest {
  return { sigma: key.sigma, taps: [key.tap], pooled: key.head === 'mlp', noiseSeed: settings.noiseSeed, window: settings.window };
}

/** Labelled window features of every split for one request (content hashes remembered on the clips). */
export async function splitFeatures(
  extractor: FeatureExtractor, corpus: SweepCorpus, request: FeatureRequest, settings: SweepSettings, opts: CellOptions,
): Promise<Record<Split, Map<string, LabelledFeatures>>> {
  const out = {} as Record<Split, Map<string, LabelledFeatures>>;
  for (const split of ['train', 'validation', 'test'] as const) {
    const clips = corpus.clips.filter((c) => c.split === split);
    const step = (p: Progress) => opts.onStep?.({ ...p, stage: `${p.stage} (${split})` });
    const feats = await extractLabelledFeatures(extractor, clips, corpus.classes, request, { batchSize: settings.batchSize, signal: opts.signal, onProgress: step });
    out[split] = feats;
  }
  return out;
}

export interface TrainedCell {
  probe: Probe;
  train: LabelledFeatures;
  validation: LabelledFeatures;
  test: LabelledFeatures;
  featureSeconds: number;
}

/** Features of the three splits and a probe trained on them (the caller disposes the probe). */
export async function trainCellProbe(
  key: CellKey, extractor: FeatureExtractor, corpus: SweepCorpus, settings: SweepSettings, opts: CellOptions = {},
): Promise<TrainedCell> {
  const started = performance.now();
  const request = cellRequest(key, settings);
  const feats = await splitFeatures(extractor, corpus, request, settings, opts);
  const [train, validation, test] = (['train', 'validation', 'test'] as const).map((s) => feats[s].get(key.tap)!);
  const featureSeconds = (performance.now() - started) / 1000;
  const model = extractor.model;
  const probe = await trainProbe({
    kind: key.head,
    featureSpec: {
      model: model.id, modelHash: model.hash, sigma: key.sigma, tap: key.tap, pooled: request.pooled, shape: train.shape,
      noiseSeed: settings.noiseSeed, window: settings.window,
    },
    classes: corpus.classes,
    train,
    validation,
    settings: { ...settings.fit, seed: settings.probeSeed },
  }, { signal: opts.signal, onEpoch: opts.onEpoch, onProgress: (p) => opts.onStep?.({ ...p, stage: `training ${key.head}` }) });
  return { probe, train, validation, test, featureSeconds };
}

/** Clip-level test metrics of a probe at its validation threshold; the test labels are read last. */
export async function scoreOnTest(probe: Probe, test: LabelledFeatures, corpus: SweepCorpus): Promise<MetricsReport> {
  const scored = await probe.scoreClips(test, test.clipIds!);
  const predictions = probe.decide(scored.scores);
  const labelsById = new Map(corpus.clips.filter((c) => c.split === 'test').map((c) => [c.id, c.labels as string[]]));
  return classWiseMetrics(predictions, labelSet('test', corpus.classes, scored.clipIds.map((id) => labelsById.get(id)!)));
}

export async function runProbeCell(
  key: CellKey, extractor: FeatureExtractor, corpus: SweepCorpus, settings: SweepSettings, opts: CellOptions = {},
): Promise<CellResult> {
  const started = performance.now();
  const { probe, train, validation, test, featureSeconds } = await trainCellProbe(key, extractor, corpus, settings, opts);
  const model = extractor.model;
  try {
    const report = await scoreOnTest(probe, test, corpus);
    const outside = corpus.outside?.length
      ? await probeOnOutside(probe, extractor, corpus.outside, corpus.classes, key.tap, cellRequest(key, settings), { batchSize: settings.batchSize, signal: opts.signal })
      : undefined;
    const m = probe.meta.metrics;
    return {
      id: cellId(key), kind: 'probe', ...key, corpus: corpus.id,
      model: model.id, modelHash: model.hash, pooled: probe.meta.featureSpec.pooled, featureShape: [...train.shape],
      parameters: probe.meta.parameters,
      validation: { microF1: m.validation.microF1, macroF1: m.validation.macroF1 },
      test: report,
      ...(outside ? { outside } : {}),
      threshold: [...probe.threshold.values],
      seeds: { noise: settings.noiseSeed, probe: settings.probeSeed },
      training: { epochs: m.epochs.length, bestEpoch: m.bestEpoch, stopReason: m.stopReason },
      examples: { train: train.count, validation: validation.count, test: test.count },
      backend: tf.getBackend(),
      seconds: { features: featureSeconds, training: m.trainSeconds, total: (performance.now() - started) / 1000 },
      finishedAt: new Date().toISOString(),
    };
  } finally {
    probe.dispose();
  }
}
