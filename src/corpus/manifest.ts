// Building, checking and grouping corpus manifests (no I/O). A manifest read from disk or
// IndexedDB goes through `parseManifest`, which names the first problem it finds.
import { LabError } from '../common/errors.ts';
import { IRMAS_CLASSES, isIrmasClass } from './classes.ts';
import { CORPUS_VERSION, SPLITS, type ClipRecord, type CorpusManifest, type CorpusSource, type SkippedRecord, type Split } from './types.ts';

export function makeManifest(
  source: CorpusSource,
  clips: ClipRecord[],
  skipped: SkippedRecord[],
  extra: Partial<Pick<CorpusManifest, 'preset' | 'seed' | 'audioRoot' | 'created' | 'version'>> = {},
): CorpusManifest {
  return { format: 'diffpir-corpus', version: CORPUS_VERSION, source, ...extra, classes: IRMAS_CLASSES, clips, skipped };
}

function fail(where: string, what: string): never {
  throw new LabError(`${where}: ${what}`);
}

/** Checks a parsed JSON value is a corpus manifest; `where` names the file in messages. */
export function parseManifest(value: unknown, where = 'manifest'): CorpusManifest {
  if (typeof value !== 'object' || value === null) fail(where, 'not a JSON object');
  const m = value as Partial<CorpusManifest>;
  if (m.format !== 'diffpir-corpus') fail(where, `"format" must be "diffpir-corpus", got ${JSON.stringify(m.format)}`);
  if (typeof m.version !== 'number') fail(where, '"version" must be a number');
  if (m.version > CORPUS_VERSION) fail(where, `version ${m.version} is newer than this lab reads (${CORPUS_VERSION})`);
  if (!Array.isArray(m.clips)) fail(where, '"clips" must be an array');
  const ids = new Set<string>();
  m.clips.forEach((c: Partial<ClipRecord>, i) => {
    const at = `clip ${i}${typeof c?.id === 'string' ? ` (${c.id})` : ''}`;
    if (typeof c !== 'object' || c === null) fail(where, `${at} is not an object`);
    if (typeof c.id !== 'string' || c.id === '') fail(where, `${at}: "id" must be a non-empty string`);
    if (ids.has(c.id)) fail(where, `${at}: duplicate id`);
    ids.add(c.id);
    if (typeof c.file !== 'string' || c.file === '') fail(where, `${at}: "file" must be a non-empty string`);
    if (!SPLITS.includes(c.split as Split)) fail(where, `${at}: "split" must be one of ${SPLITS.join(', ')}, got ${JSON.stringify(c.split)}`);
    if (!Array.isArray(c.labels) || c.labels.some((l) => typeof l !== 'string' || !isIrmasClass(l))) {
      fail(where, `${at}: "labels" must be IRMAS classes (${IRMAS_CLASSES.join(', ')}), got ${JSON.stringify(c.labels)}`);
    }
    if (typeof c.duration !== 'number' || !(c.duration >= 0)) fail(where, `${at}: "duration" must be a number of seconds`);
  });
  return {
    ...(m as CorpusManifest),
    classes: IRMAS_CLASSES,
    skipped: Array.isArray(m.skipped) ? m.skipped : [],
    source: m.source ?? 'rendered',
  };
}

/** JSON text of a manifest: readable header, one clip per line. */
export function formatManifest(m: CorpusManifest): string {
  const { clips, skipped, ...head } = m;
  const lines = (items: unknown[]) => (items.length ? `[\n  ${items.map((x) => JSON.stringify(x)).join(',\n  ')}\n ]` : '[]');
  const top = JSON.stringify(head, null, 1).slice(0, -2);
  return `${top},\n "clips": ${lines(clips)},\n "skipped": ${lines(skipped)}\n}\n`;
}

/** Clips of one split, in manifest order. */
/** An OpenPIR-like multi-label training clip (tagged meta.set = "multi" by the recorded recipe). */
export const isMultiLabelSet = (c: ClipRecord): boolean => c.meta?.set === 'multi';

/** The manifest without the multi-label training set (what single-label training reads), or as is. */
export function withMultiLabelSet(manifest: CorpusManifest, include: boolean): CorpusManifest {
  return include ? manifest : { ...manifest, clips: manifest.clips.filter((c) => !isMultiLabelSet(c)) };
}

/** Clips of a split; the multi-label training set only when asked (IRMAS-like single-label training by default). */
export function clipsOf(manifest: CorpusManifest, split: Split, opts: { withMulti?: boolean } = {}): ClipRecord[] {
  return manifest.clips.filter((c) => c.split === split && (opts.withMulti || !isMultiLabelSet(c)));
}

/** Label vector (0/1 per IRMAS_CLASSES entry) of a clip. */
export function labelVector(clip: ClipRecord): Float32Array {
  const v = new Float32Array(IRMAS_CLASSES.length);
  for (const l of clip.labels) v[IRMAS_CLASSES.indexOf(l)] = 1;
  return v;
}

export interface ManifestCounts {
  clips: Record<Split, number>;
  perClass: Record<Split, Record<string, number>>;
  seconds: Record<Split, number>;
  labelsPerClip: Record<Split, number>;
}

export function countManifest(manifest: CorpusManifest): ManifestCounts {
  const zero = () => Object.fromEntries(IRMAS_CLASSES.map((c) => [c, 0]));
  const r: ManifestCounts = {
    clips: { train: 0, validation: 0, test: 0 },
    perClass: { train: zero(), validation: zero(), test: zero() },
    seconds: { train: 0, validation: 0, test: 0 },
    labelsPerClip: { train: 0, validation: 0, test: 0 },
  };
  for (const c of manifest.clips) {
    r.clips[c.split]++;
    r.seconds[c.split] += c.duration;
    r.labelsPerClip[c.split] += c.labels.length;
    for (const l of c.labels) r.perClass[c.split][l]++;
  }
  for (const s of SPLITS) r.labelsPerClip[s] = r.clips[s] ? r.labelsPerClip[s] / r.clips[s] : 0;
  return r;
}
