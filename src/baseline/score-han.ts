// A trained Han CNN scored on one split of a corpus: clip scores (HanModel.scoreClips), decisions
// at its stored validation threshold, then the split's labels for micro/macro and class-wise
// P/R/F1 (src/evaluation; its by-source.ts groups them by source for `--by source`).
// Browser-safe; the Node side (corpus folder, model folder) is score-han-node.ts.
import { LabError } from '../common/errors.ts';
import { labelSet } from '../evaluation/labels.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import type { MetricsReport, Predictions, Split } from '../evaluation/types.ts';
import type { HanModel } from './han.ts';
import type { MelClipLabelled } from './windows.ts';

export interface HanSplitScore {
  split: Split;
  report: MetricsReport;
  /** Clip ids and their decisions, in scoring order. */
  clipIds: string[];
  predictions: Predictions;
  labels: readonly Uint8Array[];
}

export async function scoreHanSplit(han: HanModel, classes: readonly string[], clips: readonly MelClipLabelled[], split: Split): Promise<HanSplitScore> {
  if (han.classes.join() !== classes.join()) {
    throw new LabError(`Han CNN classes ${han.classes.join(',')} differ from the corpus's ${classes.join(',')}`);
  }
  const scored = await han.scoreClips(clips);
  const predictions = han.decide(scored.scores);
  const byId = new Map(clips.map((c) => [c.id, c.labels]));
  const labels = scored.clipIds.map((id) => byId.get(id)!);
  return { split, report: classWiseMetrics(predictions, labelSet(split, classes, labels)), clipIds: scored.clipIds, predictions, labels };
}
