// The real-validation set's two parts: "tune" (choose models, thresholds, calibration) and
// "report" (only for reporting), assigned by recording. A recording is one source file, except
// Medley-solos-DB, whose clips do not say which song they were cut from: there all clips of one
// subset and class count as one recording (conservative: they may share a song). A mix belongs to
// every recording it contains, so all of them must sit in the mix's part. Pure functions, no I/O.

export const PARTS = ['tune', 'report'] as const;
export type Part = (typeof PARTS)[number];

/** The assembled corpus split each part is written as, so `--split validation|test` picks it. */
export const PART_SPLIT = { tune: 'validation', report: 'test' } as const;

export interface SourceRef { repo: string; path: string }
export interface PartClip { id: string; labels: string[]; part?: string; source: SourceRef; mixWith?: SourceRef[] }

const MSDB = /Medley-solos-DB_(training|validation|test)-(\d)_/;

/** A stable name for the recording a source file belongs to. */
export function recordingOf(s: SourceRef): string {
  const m = MSDB.exec(s.path);
  return m ? `msdb:${m[1]}-${m[2]}` : `${s.repo}:${s.path}`;
}

/** Every recording a clip contains (one for a solo excerpt, one per part for a mix). */
export function clipRecordings(c: PartClip): string[] {
  return [...new Set([c.source, ...(c.mixWith ?? [])].map(recordingOf))];
}

/** Problems with the parts of a clip list: a missing or unknown part, a recording found in both parts. */
export function partProblems(clips: PartClip[]): string[] {
  const problems: string[] = [];
  const partOf = new Map<string, { part: string; id: string }>();
  for (const c of clips) {
    if (!PARTS.includes(c.part as Part)) { problems.push(`clip ${c.id}: part must be "tune" or "report", got ${JSON.stringify(c.part)}`); continue; }
    for (const r of clipRecordings(c)) {
      const seen = partOf.get(r);
      if (!seen) partOf.set(r, { part: c.part!, id: c.id });
      else if (seen.part !== c.part) problems.push(`recording ${r} is in both parts (clip ${seen.id} in ${seen.part}, clip ${c.id} in ${c.part})`);
    }
  }
  return problems;
}

/** Per class and part: clips (solo and mixes), and distinct recordings among the class's solo clips. */
export function partCounts(clips: PartClip[], classes: readonly string[]): Record<string, Record<Part, { clips: number; recordings: number }>> {
  const out: Record<string, Record<Part, { clips: number; recordings: Set<string> }>> = {};
  for (const k of classes) out[k] = { tune: { clips: 0, recordings: new Set() }, report: { clips: 0, recordings: new Set() } };
  for (const c of clips) {
    const p = c.part as Part;
    for (const k of c.labels) {
      if (!out[k] || !PARTS.includes(p)) continue;
      out[k][p].clips++;
      if (!c.mixWith) out[k][p].recordings.add(recordingOf(c.source));
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, {
    tune: { clips: v.tune.clips, recordings: v.tune.recordings.size },
    report: { clips: v.report.clips, recordings: v.report.recordings.size },
  }])) as Record<string, Record<Part, { clips: number; recordings: number }>>;
}
