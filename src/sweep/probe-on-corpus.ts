// One probe trained on a corpus outside a sweep (the lab's Probe page): the same steps as a sweep
// cell (features of the three splits, training with early stopping on validation, threshold on
// validation, test clips scored with the test labels read last), but the trained probe is handed
// back with its figures, and every epoch is reported as it ends. A stop keeps the best epoch.
import * as tf from '@tensorflow/tfjs';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import { labelSet } from '../evaluation/labels.ts';
import type { MetricsReport } from '../evaluation/types.ts';
import type { FeatureExtractor } from '../features/extract.ts';
import type { EpochReport } from '../probes/fit.ts';
import type { Probe } from '../probes/probe.ts';
import { trainProbe } from '../probes/train.ts';
import { cellRequest, splitFeatures, type CellOptions } from './cell.ts';
import type { CellKey, SweepCorpus, SweepSettings } from './types.ts';

export interface ProbeOnCorpusOptions extends CellOptions {
  onEpoch?: (report: EpochReport) => void;
}

export interface ProbeOnCorpus {
  /** The trained probe (the caller disposes it). */
  probe: Probe;
  /** Test scores at the validation threshold. */
  test: MetricsReport;
  examples: { train: number; validation: number; test: number };
  seconds: { features: number; training: number };
  backend: string;
}

export async function trainProbeOnCorpus(
  key: Omit<CellKey, 'role'>, extractor: FeatureExtractor, corpus: SweepCorpus, settings: SweepSettings, opts: ProbeOnCorpusOptions = {},
): Promise<ProbeOnCorpus> {
  const started = performance.now();
  const request = cellRequest({ ...key, role: 'subject' }, settings);
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
  try {
    const scored = await probe.scoreClips(test, test.clipIds!);
    const predictions = probe.decide(scored.scores);
    // Test labels are read here, after the decisions are fixed.
    const labelsById = new Map(corpus.clips.filter((c) => c.split === 'test').map((c) => [c.id, c.labels as string[]]));
    const report = classWiseMetrics(predictions, labelSet('test', corpus.classes, scored.clipIds.map((id) => labelsById.get(id)!)));
    return {
      probe, test: report,
      examples: { train: train.count, validation: validation.count, test: test.count },
      seconds: { features: featureSeconds, training: probe.meta.metrics.trainSeconds },
      backend: tf.getBackend(),
    };
  } catch (e) {
    probe.dispose();
    throw e;
  }
}
