// A folder score broken down by source: for a corpus folder each file carries the sources of its
// labelled parts (the sample library, SoundFont bank or recording collection; see
// evaluation/by-source.ts labelledSources), and each source gets micro/macro and class-wise F1 over
// the files it plays in (a file of several sources counts under each). The decisions are the
// folder score's own (what `recognize` names); nothing is recomputed; grouping and scoring are
// evaluation/by-source.ts reportsBySource, as `score-han --by source` uses. Browser-safe.
import { LabError } from '../common/errors.ts';
import { NO_SOURCE, reportsBySource } from '../evaluation/by-source.ts';
import { labelSet } from '../evaluation/labels.ts';
import type { MetricsReport, Split } from '../evaluation/types.ts';
import type { FolderScore } from './score-folder.ts';

export interface SourceScore {
  source: string;
  files: number;
  report: MetricsReport;
}

/** One score per source, sorted by name ("(no source)" last; evaluation's reportsBySource); fails when no file says its sources. */
export function scoreBySource(s: FolderScore, split: Split = 'test'): SourceScore[] {
  if (!s.files.some((f) => f.sources?.length)) {
    throw new LabError('--by source needs a corpus folder whose manifest names the source of each clip (its parts\' "source"); these files carry none');
  }
  const sources = new Map(s.files.map((f) => [f.name, f.sources?.length ? f.sources : [NO_SOURCE]]));
  const predictions = { classes: s.classes, rows: s.files.map((f) => Uint8Array.from(s.classes, (c) => (f.recognized.includes(c) ? 1 : 0))) };
  const labels = labelSet(split, s.classes, s.files.map((f) => f.labels)).rows;
  return reportsBySource({ split, clipIds: s.files.map((f) => f.name), predictions, labels }, (name) => sources.get(name)!)
    .map(({ source, report }) => ({ source, files: report.clips, report }));
}
