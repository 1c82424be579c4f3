// A folder score broken down by source: for a corpus folder each file carries the sources of its
// labelled parts (the sample library, SoundFont bank or recording collection; see
// baseline/score-han.ts labelledSources), and each source gets micro/macro and class-wise F1 over
// the files it plays in (a file of several sources counts under each). The decisions are the
// folder score's own (what `recognize` names); nothing is recomputed. Browser-safe.
import { NO_SOURCE } from '../baseline/score-han.ts';
import { LabError } from '../common/errors.ts';
import { labelSet } from '../evaluation/labels.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import type { MetricsReport, Split } from '../evaluation/types.ts';
import type { FolderScore } from './score-folder.ts';

export interface SourceScore {
  source: string;
  files: number;
  report: MetricsReport;
}

/** One score per source, sorted by name ("(no source)" last); fails when no file says its sources. */
export function scoreBySource(s: FolderScore, split: Split = 'test'): SourceScore[] {
  if (!s.files.some((f) => f.sources?.length)) {
    throw new LabError('--by source needs a corpus folder whose manifest names the source of each clip (its parts\' "source"); these files carry none');
  }
  const groups = new Map<string, number[]>();
  s.files.forEach((f, i) => {
    for (const src of f.sources?.length ? f.sources : [NO_SOURCE]) groups.set(src, [...(groups.get(src) ?? []), i]);
  });
  const names = [...groups.keys()].sort((a, b) => Number(a === NO_SOURCE) - Number(b === NO_SOURCE) || a.localeCompare(b));
  return names.map((source) => {
    const rows = groups.get(source)!.map((i) => s.files[i]);
    const predictions = { classes: s.classes, rows: rows.map((f) => Uint8Array.from(s.classes, (c) => (f.recognized.includes(c) ? 1 : 0))) };
    return { source, files: rows.length, report: classWiseMetrics(predictions, labelSet(split, s.classes, rows.map((f) => f.labels))) };
  });
}
