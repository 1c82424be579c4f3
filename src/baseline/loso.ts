// Leave-one-source-out (LOSO) folds over a rendered corpus: for each sound source (a recorded
// sample library or a SoundFont bank, as the manifest's part records name it), the training and
// validation clips that do not use it at all, and the clips it leads (scored with the fold's
// model). Browser-safe and pure; the run (training, scoring, resuming) is loso-node.ts.
//  - A clip USES a source when any of its parts plays from it: labelled or not, the bass and
//    drums (which play from the clip's SoundFont bank in the recorded recipe), doubled copies.
//  - A clip IS LED BY a source when every labelled part plays from it (a single-label clip: its
//    lead). Multi-label clips whose labelled parts come from several sources are led by none and
//    scored in no fold ("mixed").
// A part without `source` (the SoundFont recipe 1) plays from "sf:<clip bank>".
import { LabError } from '../common/errors.ts';
import { isMultiLabelSet } from '../corpus/manifest.ts';
import type { ClipRecord, CorpusManifest } from '../corpus/types.ts';
import type { MetricsReport } from '../evaluation/types.ts';

/** Where a scored clip comes from: its split, with the multi-label training set on its own. */
export type LosoGroup = 'train' | 'validation' | 'test' | 'multi';
export const LOSO_GROUPS: readonly LosoGroup[] = ['train', 'validation', 'test', 'multi'];

const partSource = (clip: Pick<ClipRecord, 'bank'>, p: { source?: string }) => p.source ?? (clip.bank ? `sf:${clip.bank}` : undefined);

/** Every source a clip's parts play from (sorted). */
export function sourcesUsed(clip: Pick<ClipRecord, 'parts' | 'bank'>): string[] {
  return [...new Set((clip.parts ?? []).map((p) => partSource(clip, p)).filter((s): s is string => !!s))].sort();
}

/** The one source every labelled part plays from, or undefined (no parts, no source, or mixed). */
export function leadingSource(clip: Pick<ClipRecord, 'parts' | 'bank'>): string | undefined {
  const s = new Set((clip.parts ?? []).filter((p) => p.labelled).map((p) => partSource(clip, p)));
  return s.size === 1 ? [...s][0] : undefined;
}

export const losoGroup = (clip: ClipRecord): LosoGroup => (isMultiLabelSet(clip) ? 'multi' : clip.split);

export interface LosoFold {
  source: string;
  /** Single-label training clips (and the multi-label set with withMulti) not using the source, after the per-class cap. */
  train: string[];
  validation: string[];
  /** Training / validation clips left out because they use the source (before the cap). */
  excluded: { train: number; validation: number };
  /** Clips led by the source, in manifest order, and how many per group. */
  scored: string[];
  scoredBy: Record<LosoGroup, number>;
  /** Key of the training set: folds with the same key train the same model. */
  trainingKey: string;
}

export interface LosoPlanOptions {
  /** Sources to leave out (default: every source that leads at least one clip). */
  sources?: readonly string[];
  /** At most this many training clips per class in each fold (an even spread). */
  maxClips?: number;
  /** At most this many validation clips per class in each fold (default: maxClips). */
  maxValidation?: number;
  /** Train on the multi-label training set too (its clips that use the source are still left out, and scored when led by it). */
  withMulti?: boolean;
}

export interface SourceCounts {
  source: string;
  led: Record<LosoGroup, number>;
  /** Single-label training / validation clips that use the source. */
  usedBy: { train: number; validation: number };
}

const zeroGroups = (): Record<LosoGroup, number> => ({ train: 0, validation: 0, test: 0, multi: 0 });

/** Per source: clips it leads (per group) and training/validation clips that use it, sorted by name. */
export function sourceCounts(manifest: CorpusManifest): SourceCounts[] {
  const m = new Map<string, SourceCounts>();
  const get = (s: string) => {
    let c = m.get(s);
    if (!c) m.set(s, (c = { source: s, led: zeroGroups(), usedBy: { train: 0, validation: 0 } }));
    return c;
  };
  for (const clip of manifest.clips) {
    const g = losoGroup(clip);
    const lead = leadingSource(clip);
    if (lead) get(lead).led[g]++;
    if (g === 'train' || g === 'validation') for (const s of sourcesUsed(clip)) get(s).usedBy[g]++;
  }
  return [...m.values()].sort((a, b) => a.source.localeCompare(b.source));
}

/** Per class (in manifest order), an even spread of at most `max` clips, manifest order kept. */
function capPerClass(clips: ClipRecord[], max: number | undefined): ClipRecord[] {
  if (max === undefined) return clips;
  const byClass = new Map<string, ClipRecord[]>();
  for (const c of clips) {
    const key = c.labels.length === 1 ? c.labels[0] : `multi:${c.labels.join('+')}`;
    byClass.set(key, [...(byClass.get(key) ?? []), c]);
  }
  const keep = new Set<string>();
  for (const list of byClass.values()) {
    const n = Math.min(list.length, max);
    for (let i = 0; i < n; i++) keep.add(list[Math.floor((i * list.length) / n)].id);
  }
  return clips.filter((c) => keep.has(c.id));
}

function checksumOfIds(ids: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const id of ids) for (let i = 0; i <= id.length; i++) h = Math.imul(h ^ (i < id.length ? id.charCodeAt(i) : 10), 0x01000193);
  return `${ids.length}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** The folds of a LOSO run, one per source, in the order asked (or by name). */
export function planLoso(manifest: CorpusManifest, opts: LosoPlanOptions = {}): LosoFold[] {
  for (const [flag, v] of [['--max-clips', opts.maxClips], ['--max-validation', opts.maxValidation]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw new LabError(`loso: ${flag} must be a whole number of clips per class, at least 1 (got ${v})`);
  }
  const counts = sourceCounts(manifest);
  const known = new Map(counts.map((c) => [c.source, c]));
  const leading = counts.filter((c) => LOSO_GROUPS.some((g) => c.led[g] > 0)).map((c) => c.source);
  if (leading.length === 0) throw new LabError('loso: no clip of this corpus names the sources of its parts (a rendered recorded-recipe or SoundFont corpus is needed)');
  const sources = opts.sources ?? leading;
  if (sources.length === 0) throw new LabError('loso: no sources given');
  for (const s of sources) {
    if (!known.has(s)) throw new LabError(`loso: source "${s}" plays in no clip of this corpus; known: ${counts.map((c) => c.source).join(', ')}`);
    if (!leading.includes(s)) throw new LabError(`loso: source "${s}" leads no clip (it only accompanies), so it has nothing to score`);
  }
  if (new Set(sources).size !== sources.length) throw new LabError(`loso: a source is named twice in ${sources.join(',')}`);
  const trainPool = manifest.clips.filter((c) => c.split === 'train' && (opts.withMulti || !isMultiLabelSet(c)));
  const valPool = manifest.clips.filter((c) => c.split === 'validation');
  return sources.map((source) => {
    const keep = (c: ClipRecord) => !sourcesUsed(c).includes(source);
    const train = capPerClass(trainPool.filter(keep), opts.maxClips).map((c) => c.id);
    const validation = capPerClass(valPool.filter(keep), opts.maxValidation ?? opts.maxClips).map((c) => c.id);
    // A clip led by the source uses it, so no scored clip is among the fold's training clips.
    const scoredClips = manifest.clips.filter((c) => leadingSource(c) === source);
    const scoredBy = zeroGroups();
    for (const c of scoredClips) scoredBy[losoGroup(c)]++;
    return {
      source, train, validation,
      excluded: { train: trainPool.length - trainPool.filter(keep).length, validation: valPool.length - valPool.filter(keep).length },
      scored: scoredClips.map((c) => c.id), scoredBy,
      trainingKey: `${checksumOfIds(train)}/${checksumOfIds(validation)}`,
    };
  });
}

/** Clips led by several sources (scored in no fold). */
export function mixedClips(manifest: CorpusManifest): number {
  return manifest.clips.filter((c) => (c.parts?.some((p) => p.labelled) ?? false) && leadingSource(c) === undefined).length;
}

/** What one finished fold stores (also the rows of the table). */
export interface LosoFoldResult {
  source: string;
  trainClips: number;
  validationClips: number;
  excluded: { train: number; validation: number };
  scoredBy: Record<LosoGroup, number>;
  /** The labels of the scored clips, counted per class. */
  support: Record<string, number>;
  report: MetricsReport;
  /** The fold model's micro/macro F1 on its own validation clips (sources it was trained on), at its threshold. */
  validationF1?: { micro: number; macro: number };
  threshold: number[];
  epochs: number;
  bestEpoch: number;
  trainSeconds: number;
  seconds: number;
  /** Another fold's source whose model this fold reused (same training set), if any. */
  sharedModelWith?: string;
}

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(3));

/** The markdown table of a LOSO run: one row per fold. */
export function losoTable(results: readonly LosoFoldResult[]): string {
  const head = '| left-out source | train / val clips kept (left out) | validation micro F1 (seen sources) | scored clips (train+val+test+multi) | micro F1 | macro F1 | F1 of each labelled class (clips) |';
  const rows = results.map((r) => {
    const byClass = r.report.classes.filter((c) => c.support > 0).map((c) => `${c.code} ${f3(c.f1)} (${c.support})`).join(', ');
    const g = r.scoredBy;
    return `| ${r.source} | ${r.trainClips} / ${r.validationClips} (${r.excluded.train} / ${r.excluded.validation}) | ${f3(r.validationF1?.micro)} | ${r.report.clips} (${g.train}+${g.validation}+${g.test}+${g.multi}) | ${f3(r.report.micro.f1)} | ${f3(r.report.macro.f1)} | ${byClass} |`;
  });
  return [head, '|---|---|---|---|---|---|---|', ...rows].join('\n');
}
