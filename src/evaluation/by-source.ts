// Scores grouped by source: the sources a corpus clip's labelled parts come from (sample library,
// SoundFont bank, or the real-recording collection of a clip without parts), and micro/macro and
// class-wise P/R/F1 over the clips each source plays in (a clip of several sources counts under
// each). Used by `score-han --by source` and `score --by source`. Browser-safe.
import type { ClipRecord } from '../corpus/types.ts';
import { labelSet } from './labels.ts';
import { classWiseMetrics } from './metrics.ts';
import type { MetricsReport, Predictions, Split } from './types.ts';

/** The group of clips whose labelled parts name no source (imported corpora, SoundFont recipe 1). */
export const NO_SOURCE = '(no source)';

export interface SourceReport {
  source: string;
  report: MetricsReport;
}

/** Decisions and labels of one split, row r belonging to clipIds[r]. */
export interface ScoredSplit {
  split: Split;
  clipIds: readonly string[];
  predictions: Predictions;
  labels: readonly Uint8Array[];
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
  score: ScoredSplit, sourcesOf: (clipId: string) => readonly string[],
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
