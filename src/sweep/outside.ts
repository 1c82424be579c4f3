// Sets from outside the corpus (e.g. the real-recording validation set) that every finished cell is
// also scored on (probes here, the Han CNN in baseline.ts): the probe or Han CNN as trained and thresholded on the corpus, applied to the
// set's clips, clip-level metrics per set. They never train, never choose a threshold, sigma, tap
// or head: they only add columns (the corpus's own test split stays the held-out-source figure).
import { classWiseMetrics } from '../evaluation/metrics.ts';
import { labelSet } from '../evaluation/labels.ts';
import type { MetricsReport } from '../evaluation/types.ts';
import { extractLabelledFeatures, type LabelledClip } from '../features/dataset.ts';
import type { FeatureExtractor, FeatureRequest } from '../features/extract.ts';
import type { Probe } from '../probes/probe.ts';

/** A labelled set scored beside the corpus's test split. */
export interface OutsideSet {
  /** Short name for tables and results ("real-validation-v2/test"). */
  name: string;
  /** Content id (clip ids, labels, audio checksums): part of the sweep's fingerprint. */
  id: string;
  clips: LabelledClip[];
}

/** Clip-level metrics of a set's predictions (labels read from the set). */
export function outsideMetrics(predictions: ReturnType<Probe['decide']>, set: OutsideSet, classes: readonly string[], clipIds: readonly string[]): MetricsReport {
  const byId = new Map(set.clips.map((c) => [c.id, c.labels]));
  return classWiseMetrics(predictions, labelSet('test', classes, clipIds.map((id) => byId.get(id)!)));
}

/** A probe's clip-level metrics on every outside set (features at the cell's request). */
export async function probeOnOutside(
  probe: Probe, extractor: FeatureExtractor, sets: readonly OutsideSet[], classes: readonly string[], tap: string,
  request: FeatureRequest, opts: { batchSize: number; signal?: AbortSignal },
): Promise<Record<string, MetricsReport>> {
  const out: Record<string, MetricsReport> = {};
  for (const set of sets) {
    const feats = (await extractLabelledFeatures(extractor, set.clips, classes, request, opts)).get(tap)!;
    const scored = await probe.scoreClips(feats, feats.clipIds!);
    out[set.name] = outsideMetrics(probe.decide(scored.scores), set, classes, scored.clipIds);
  }
  return out;
}
