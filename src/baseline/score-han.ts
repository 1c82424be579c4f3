// A trained Han CNN scored on one split of a corpus: clip scores (HanModel.scoreClips), decisions
// at its stored validation threshold, then the split's labels for micro/macro and class-wise
// P/R/F1 (src/evaluation). Optionally grouped by the source of each clip's labelled parts
// (PartRecord.source, else "sf:<clip.bank>"; a clip whose labelled parts come from several
// sources counts under each).
// Browser-safe; the Node side (corpus folder, model folder) is score-han-node.ts.
import { LabError } from '../common/errors.ts';
import type { ClipRecord } from '../corpus/types.ts';
import { labelSet } from '../evaluation/labels.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import type { MetricsReport, Predictions, Split } from '../evaluation/types.ts';
import type { HanModel } from './han.ts';
import type { MelClipLabelled } from './windows.ts';

/** The group of clips whose labelled parts name no source (imported corpora, SoundFont recipe 1). */
export const NO_SOURCE = '(no source)';

export interface HanSplitScore {
  split: Split;
  report: MetricsReport;
  /** Clip ids and their decisions, in scoring order. */
  clipIds: string[];
  predictions: Predictions;
  labels: readonly Uint8Array[];
}

export interface SourceReport {
  source: string;
  report: MetricsReport;
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

/**
 * Distinct sources of a clip's labelled parts, sorted. A labelled part without `source` (the
 * SoundFont recipe 1 records only the clip's bank) counts as "sf:<bank>", the name the recorded
 * recipe gives a SoundFont source; a clip without labelled parts counts under its `meta.repo`
 * (the real-recording set's collection); [NO_SOURCE] when none of these is recorded.
 */
export function labelledSources(clip: Pick<ClipRecord, 'parts' | 'bank' | 'meta'>): string[] {
  const fallback = clip.bank ? `sf:${clip.bank}` : undefined;
  const s = new Set((clip.parts ?? []).filter((p) => p.labelled).map((p) => p.source ?? fallback).filter((x): x is string => !!x));
  if (s.size) return [...s].sort();
  // A recording without parts (the real-recording set) names the collection it came from.
  const repo = clip.meta?.repo;
  return typeof repo === 'string' && repo ? [repo] : [NO_SOURCE];
}

/** One report per source (sorted by name, NO_SOURCE last), over the clips that source plays in. */
export function reportsBySource(
  score: Pick<HanSplitScore, 'split' | 'clipIds' | 'predictions' | 'labels'>, sourcesOf: (clipId: string) => readonly string[],
): SourceReport[] {
  const groups = new Map<string, number[]>();
  score.clipIds.forEach((id, r) => {
    for (const s of sourcesOf(id)) groups.set(s, [...(groups.get(s) ?? []), r]);
  });
  const names = [...groups.keys()].sort((a, b) => Number(a === NO_SOURCE) - Number(b === NO_SOURCE) || a.localeCompare(b));
  const classes = score.predictions.classes;
  return names.map((source) => {
    const rows = groups.get(source)!;
    const predictions: Predictions = { classes, rows: rows.map((r) => score.predictions.rows[r]) };
    return { source, report: classWiseMetrics(predictions, labelSet(score.split, classes, rows.map((r) => score.labels[r]))) };
  });
}
